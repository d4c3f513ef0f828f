import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { ValidationFailedError } from '../common/errors';
import { containsText } from '../common/filters';
import type { AccessCodeFilterDto, SortField } from './access-code.dto';
import type { AccessCode } from './access-code.entity';

type Where = FilterQuery<AccessCode>;

/** Turns the shared filters into a query; pending rows of an unfinished import are never visible. */
export function filterWhere(em: EntityManager, filter: AccessCodeFilterDto, now: Date = new Date()): Where {
  const and: Where[] = [{ pending: false }];
  if (filter.search) {
    const term = containsText(em, filter.search);
    and.push({ $or: [{ code: term }, { username: term }, { notes: term }] });
  }
  if (filter.status) and.push({ status: filter.status });
  if (filter.portalId) and.push({ portal: filter.portalId });
  if (filter.expiryMode) and.push({ expiryMode: filter.expiryMode });
  if (filter.subscriptionId) and.push({ subscriptionId: filter.subscriptionId });
  if (filter.linked !== undefined) and.push({ subscriptionId: filter.linked ? { $ne: null } : null });
  if (filter.importId) and.push({ importId: filter.importId });
  if (filter.expired === true) and.push({ effectiveExpiresAt: { $lte: now } });
  if (filter.expired === false) and.push({ $or: [{ effectiveExpiresAt: null }, { effectiveExpiresAt: { $gt: now } }] });
  const notExpired: Where = { $or: [{ effectiveExpiresAt: null }, { effectiveExpiresAt: { $gt: now } }] };
  if (filter.state === 'inactive') and.push({ status: 'inactive' });
  if (filter.state === 'expired') and.push({ status: 'active', effectiveExpiresAt: { $lte: now } });
  if (filter.state === 'lifetime') and.push({ status: 'active', expiryMode: 'lifetime' });
  if (filter.state === 'active') and.push({ status: 'active', expiryMode: { $ne: 'lifetime' } }, notExpired);
  return { $and: and };
}

/** True when the filter names at least one criterion (bulk actions refuse "everything" by accident). */
export function hasCriteria(filter: AccessCodeFilterDto): boolean {
  return Object.values(filter).some((value) => value !== undefined);
}

const COLUMN: Record<SortField, 'id' | 'updatedAt' | 'code' | 'effectiveExpiresAt'> = {
  createdAt: 'id',
  updatedAt: 'updatedAt',
  code: 'code',
  expiresAt: 'effectiveExpiresAt',
};

interface CursorData {
  s: SortField;
  o: 'asc' | 'desc';
  v: string | null;
  id: string;
}

export interface Sorting {
  sort: SortField;
  order: 'asc' | 'desc';
}

/** Keyset pagination over (sort column, id), nulls last in both directions. */
export function sortingOf(sort: SortField = 'createdAt', order: 'asc' | 'desc' = 'desc'): Sorting {
  return { sort, order };
}

export function orderBy({ sort, order }: Sorting): QueryOrderMap<AccessCode>[] {
  const column = COLUMN[sort];
  const direction = order === 'asc' ? 'asc nulls last' : 'desc nulls last';
  return column === 'id' ? [{ id: order }] : [{ [column]: direction } as QueryOrderMap<AccessCode>, { id: order }];
}

export function afterCursor(cursor: string | undefined, sorting: Sorting): Where | undefined {
  if (cursor === undefined) return undefined;
  const data = decode(cursor);
  if (data.s !== sorting.sort || data.o !== sorting.order) {
    throw new ValidationFailedError([{ field: 'cursor', message: 'the cursor belongs to another sort order; start again without a cursor', code: 'INVALID_CURSOR' }]);
  }
  const column = COLUMN[sorting.sort];
  const beyond = sorting.order === 'asc' ? '$gt' : '$lt';
  if (column === 'id') return { id: { [beyond]: data.id } };
  if (data.v === null) return { [column]: null, id: { [beyond]: data.id } } as Where;
  const value = column === 'code' ? data.v : new Date(data.v);
  return { $or: [{ [column]: { [beyond]: value } }, { [column]: value, id: { [beyond]: data.id } }, { [column]: null }] } as Where;
}

export function cursorOf(row: AccessCode, sorting: Sorting): string {
  const column = COLUMN[sorting.sort];
  const raw = column === 'id' ? null : row[column];
  const v = raw instanceof Date ? raw.toISOString() : (raw ?? null);
  const data: CursorData = { s: sorting.sort, o: sorting.order, v, id: row.id };
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

function decode(cursor: string): CursorData {
  try {
    const data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorData;
    if (typeof data.id === 'string' && /^[0-9a-f-]{36}$/.test(data.id) && typeof data.s === 'string' && (data.v === null || typeof data.v === 'string')) return data;
  } catch {
    // fall through to the uniform error
  }
  throw new ValidationFailedError([{ field: 'cursor', message: 'cursor is not a cursor returned by this API', code: 'INVALID_CURSOR' }]);
}
