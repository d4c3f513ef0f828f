import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ValidationFailedError } from './errors';

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor is the id of the last item of the page (ids are time-ordered UUIDv7). */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new ValidationFailedError([{ field: 'cursor', message: 'cursor is not a cursor returned by this API', code: 'INVALID_CURSOR' }]);
  return id;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** Newest first: fetches one extra row to know whether another page exists. */
export function pageOf<T extends { id: string }, R>(rows: T[], limit: number, map: (row: T) => R): Page<R> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length > 0 ? encodeCursor(items[items.length - 1].id) : null;
  return { items: items.map(map), nextCursor };
}

export function pageLimit(query: PageQueryDto): number {
  return query.limit ?? 50;
}

/** OpenAPI shape of a page of `Item`. */
export function PageDto<T>(item: new () => T, name: string) {
  class PageOfItems {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor to get the next page; null on the last page' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageOfItems, 'name', { value: name });
  return PageOfItems;
}
