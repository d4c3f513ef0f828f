import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isId } from '../database/ids';
import { ValidationFailedError } from './errors';

/** Validates a path id (UUID) and names the parameter when it is malformed. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isId(value.toLowerCase())) {
      const field = metadata.data ?? 'id';
      throw new ValidationFailedError([{ field, message: `${field} must be a UUID`, code: 'isUuid' }]);
    }
    return value.toLowerCase();
  }
}
