import { checkCode } from '../code-format';
import type { AccessCodeStatus, ExpiryMode } from '../access-code.entity';

/** Columns of the import file; `code`, `expiry`, `notes`, `status`, `subscription` may be absent. */
const ALIASES: Record<string, string> = {
  code: 'code',
  portal: 'portal',
  portal_id: 'portal',
  username: 'username',
  password: 'password',
  expiry: 'expiry',
  expires_at: 'expiry',
  notes: 'notes',
  status: 'status',
  subscription: 'subscription',
  subscription_id: 'subscription',
};
export const REQUIRED_COLUMNS = ['username', 'password'];

/** Maps the header's columns to their meaning; unknown columns are ignored (an export has more). */
export function readHeader(header: string[]): { columns: string[]; missing: string[] } {
  const columns = header.map((name) => ALIASES[name.trim().toLowerCase().replace(/[\s-]+/g, '_')] ?? `ignored:${name}`);
  return { columns, missing: REQUIRED_COLUMNS.filter((name) => !columns.includes(name)) };
}

export class RowError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly outcome: 'invalid' | 'duplicate' = 'invalid',
  ) {
    super(reason);
  }
}

export interface PortalIndex {
  byId: Map<string, string>;
  /** Lower-cased name → ids (more than one = ambiguous). */
  byName: Map<string, string[]>;
}

export interface ImportedRow {
  code?: string;
  portalId: string;
  username: string;
  password: string;
  status: AccessCodeStatus;
  notes: string | null;
  subscriptionId: string | null;
  expiryMode: ExpiryMode;
  expiresAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates one record (values by column meaning); throws RowError naming the field and the reason. */
export function parseRow(record: Record<string, string | undefined>, portals: PortalIndex, defaultPortalId: string | null): ImportedRow {
  const value = (name: string) => (record[name] ?? '').trim();
  let code: string | undefined;
  if (value('code') !== '') {
    const check = checkCode(value('code'));
    if (check.violations.length > 0) throw new RowError('code', check.violations.map((v) => v.message).join('; '));
    code = check.code;
  }
  const portalId = resolvePortal(value('portal'), portals, defaultPortalId);
  const username = value('username');
  if (username === '' || username.length > 200) throw new RowError('username', username === '' ? 'username is required' : 'username is longer than 200 characters');
  const password = record.password ?? '';
  if (password.trim() === '' || password.length > 200) throw new RowError('password', password.trim() === '' ? 'password is required' : 'password is longer than 200 characters');
  const status = (value('status') || 'active').toLowerCase();
  if (status !== 'active' && status !== 'inactive') throw new RowError('status', `status must be active or inactive (got "${value('status')}")`);
  const notes = value('notes');
  if (notes.length > 5000) throw new RowError('notes', 'notes are longer than 5000 characters');
  const subscriptionId = value('subscription');
  if (subscriptionId !== '' && !UUID.test(subscriptionId)) throw new RowError('subscription', 'subscription must be a subscription id (UUID)');
  return { code, portalId, username, password, status, notes: notes || null, subscriptionId: subscriptionId ? subscriptionId.toLowerCase() : null, ...parseExpiry(value('expiry')) };
}

function resolvePortal(ref: string, portals: PortalIndex, defaultPortalId: string | null): string {
  if (ref === '') {
    if (defaultPortalId) return defaultPortalId;
    throw new RowError('portal', 'portal is required (a portal id or name), or give a default portal for the import');
  }
  const byId = portals.byId.get(ref.toLowerCase());
  if (byId) return byId;
  const named = portals.byName.get(ref.toLowerCase()) ?? [];
  if (named.length === 1) return named[0];
  if (named.length > 1) throw new RowError('portal', `${named.length} portals are named "${ref}"; use the portal id`);
  throw new RowError('portal', `no portal with id or name "${ref}"`);
}

/**
 * `` → default (the subscription's expiry) · `lifetime`/`never` → never · `YYYY-MM-DD` → valid
 * through that day (UTC) · an ISO-8601 instant with Z or an offset → that instant.
 */
export function parseExpiry(raw: string): { expiryMode: ExpiryMode; expiresAt: Date | null } {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'default' || text === 'subscription') return { expiryMode: 'default', expiresAt: null };
  if (text === 'lifetime' || text === 'never') return { expiryMode: 'lifetime', expiresAt: null };
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [y, m, d] = day.slice(1).map(Number);
    const start = new Date(Date.UTC(y, m - 1, d));
    if (start.getUTCFullYear() !== y || start.getUTCMonth() !== m - 1 || start.getUTCDate() !== d) throw new RowError('expiry', `"${raw}" is not a calendar date`);
    return { expiryMode: 'date', expiresAt: new Date(start.getTime() + 86_400_000) };
  }
  if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const at = new Date(raw.trim());
    if (!Number.isNaN(at.getTime())) return { expiryMode: 'date', expiresAt: at };
  }
  throw new RowError('expiry', `expiry must be empty (follow the subscription), lifetime, a date YYYY-MM-DD or an ISO-8601 instant with a time zone (got "${raw}")`);
}
