import { createMarker, fromUnixSeconds, PanelLine, PanelPackage, PluginError, tryParseJson } from '../../../core/plugins/sdk';

export { bareArray, callXui, classifyXuiResponse, envelopeData, findXuiLineRow, lineOfFailedCreate } from '../../../core/plugins/sdk';
export type { XuiEnvelope } from '../../../core/plugins/sdk';

/** A `lines` row as XUI.one returns it: DB strings, JSON columns as text. */
export type XuiLine = Record<string, string | null | undefined>;
export type XuiRow = Record<string, unknown>;

export function idList(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number).filter(Number.isInteger);
  if (typeof value !== 'string' || value === '') return [];
  const parsed = tryParseJson(value);
  return Array.isArray(parsed) ? parsed.map(Number).filter(Number.isInteger) : [];
}

const flag = (value: unknown) => String(value ?? '0') === '1';
const MARKER_LINE = /\n?iptv-hub:[0-9a-f]{16}/g;

/** Whether an existing line is the one an earlier attempt of the same create made. */
export function hasMarker(row: XuiLine, idempotencyKey: string): boolean {
  const marker = createMarker(idempotencyKey);
  return [row.admin_notes, row.reseller_notes].some((notes) => typeof notes === 'string' && notes.includes(marker));
}

export function notesWithMarker(notes: string | undefined, idempotencyKey: string): string {
  const marker = createMarker(idempotencyKey);
  return notes ? `${notes}\n${marker}` : marker;
}

/** A wire row → the hub's normalised line. */
export function toPanelLine(row: XuiLine, activeConnections?: number): PanelLine {
  const packageId = row.package_id && row.package_id !== '0' ? String(row.package_id) : null;
  const notes = [row.admin_notes, row.reseller_notes].map((text) => (text ?? '').replace(MARKER_LINE, '').trim()).filter(Boolean).join('\n');
  const { password: _password, ...raw } = row;
  const expiry = row.exp_date;
  return {
    externalId: String(row.id),
    username: String(row.username ?? ''),
    password: row.password ?? undefined,
    packageId,
    bouquetIds: idList(row.bouquet).map(String),
    // A non-numeric exp_date is the raw string a bad edit wrote through; report it as never expiring is wrong, so fail loudly.
    expiresAt: expiry !== null && expiry !== undefined && !/^\d*$/.test(expiry) ? invalidExpiry(expiry) : fromUnixSeconds(expiry ?? null),
    maxConnections: Number(row.max_connections ?? 1),
    enabled: flag(row.enabled),
    banned: row.admin_enabled !== undefined && row.admin_enabled !== null ? !flag(row.admin_enabled) : false,
    isTrial: flag(row.is_trial),
    activeConnections: activeConnections ?? (row.active_connections !== undefined ? Number(row.active_connections) : undefined),
    notes: notes || null,
    raw,
  };
}

/** A line's `exp_date` that is no timestamp: the raw text a bad edit wrote through. */
export function invalidExpiry(value: string): never {
  throw new PluginError('UNKNOWN', `The line's exp_date on the panel is not a timestamp ("${value.slice(0, 30)}"); fix the expiry on the panel`);
}

const DAYS_PER_UNIT: Record<string, number> = { hours: 1 / 24, days: 1, months: 30, years: 365 };

/** A users_packages row (+ the bouquets, for channel counts) → the hub's normalised package. */
export function toPanelPackage(row: XuiRow, bouquets: Map<number, XuiRow>): PanelPackage {
  const ids = idList(row.bouquets);
  const count = (key: string) => new Set(ids.flatMap((id) => idList(bouquets.get(id)?.[key]))).size;
  const official = flag(row.is_official);
  const duration = Number(official ? row.official_duration : row.trial_duration);
  const unit = String(official ? row.official_duration_in : row.trial_duration_in);
  return {
    externalId: String(row.id),
    name: String(row.package_name ?? `Package ${row.id}`),
    channelCount: count('bouquet_channels'),
    vodCount: count('bouquet_movies'),
    seriesCount: count('bouquet_series'),
    durationDays: Number.isFinite(duration) && DAYS_PER_UNIT[unit] ? Math.round(duration * DAYS_PER_UNIT[unit] * 1000) / 1000 : undefined,
    maxConnections: Number(row.max_connections ?? 1),
    creditCost: official ? Number(row.official_credits ?? 0) : Number(row.trial_credits ?? 0),
    isTrial: !official && flag(row.is_trial),
    raw: row,
  };
}
