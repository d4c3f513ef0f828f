import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from './errors';

/**
 * Rejects unknown properties and reports every broken rule with the path of the field. Before the
 * DTO rules, text with a NUL character anywhere in the body, query or path is refused: no field
 * means one, and PostgreSQL cannot store it (the request would fail with a 500 after its checks).
 */
export function hubValidationPipe(): ValidationPipe {
  return new HubValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}

class HubValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') refuseNul(value, metadata.type, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    return super.transform(value, metadata);
  }
}

/** Throws VALIDATION_FAILED, naming the field, when a key or a text of `value` holds a NUL character. */
export function refuseNul(value: unknown, what: string, path = ''): void {
  const field = nulField(value, path);
  if (field !== null) throw new ValidationFailedError([{ field: field || what, code: 'NUL_CHARACTER', message: `${field || what} contains a NUL character` }]);
}

/** The path of the first key or text holding a NUL character (`''` for the value itself), or null. */
function nulField(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return field;
    const found = nulField(item, field, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'UNKNOWN_PROPERTY' : code,
      message: code === 'whitelistValidation' ? `property ${field} is not allowed` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
