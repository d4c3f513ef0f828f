import { parseInTimeZone, randomCredential } from '../../../core/plugins/sdk';

/** The XUI.one `lines` row as the simulator stores it (typed; serialised to DB strings on the wire). */
export interface XuiLineRow {
  id: number;
  member_id: number;
  username: string;
  password: string;
  /** Unix seconds; null = never expires. A raw string when the API wrote an unparsed value through (the quirk). */
  exp_date: number | string | null;
  admin_enabled: number;
  enabled: number;
  admin_notes: string;
  reseller_notes: string;
  bouquet: number[];
  allowed_outputs: number[];
  max_connections: number;
  is_restreamer: number;
  is_trial: number;
  is_mag: number;
  is_e2: number;
  is_stalker: number;
  is_isplock: number;
  bypass_ua: number;
  allowed_ips: string[];
  allowed_ua: string[];
  created_at: number;
  package_id: number | null;
  contact: string;
  force_server_id: number;
  forced_country: string;
  isp_desc: string;
  as_number: string;
  last_activity: number | null;
}

export interface XuiPackageRow {
  id: number;
  package_name: string;
  is_trial: number;
  is_official: number;
  trial_credits: number;
  official_credits: number;
  trial_duration: number;
  trial_duration_in: 'hours' | 'days' | 'months' | 'years';
  official_duration: number;
  official_duration_in: 'hours' | 'days' | 'months' | 'years';
  groups: number[];
  bouquets: number[];
  output_formats: number[];
  max_connections: number;
  is_line: number;
  is_mag: number;
  is_e2: number;
  is_restreamer: number;
  is_isplock: number;
  lock_device: number;
  check_compatible: number;
  force_server_id: number;
  forced_country: string;
}

export interface XuiBouquetRow {
  id: number;
  bouquet_name: string;
  bouquet_channels: number[];
  bouquet_movies: number[];
  bouquet_radios: number[];
  bouquet_series: number[];
  bouquet_order: number;
}

export function seedBouquets(): XuiBouquetRow[] {
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  return [
    { id: 1, bouquet_name: 'Sports', bouquet_channels: range(100, 40), bouquet_movies: [], bouquet_radios: [], bouquet_series: [], bouquet_order: 1 },
    { id: 2, bouquet_name: 'Movies', bouquet_channels: range(200, 10), bouquet_movies: range(5000, 250), bouquet_radios: [], bouquet_series: range(9000, 30), bouquet_order: 2 },
    { id: 3, bouquet_name: 'News', bouquet_channels: range(300, 25), bouquet_movies: [], bouquet_radios: range(700, 5), bouquet_series: [], bouquet_order: 3 },
  ];
}

export function seedPackages(): XuiPackageRow[] {
  const base = { trial_credits: 0, trial_duration: 24, trial_duration_in: 'hours' as const, groups: [1, 2], output_formats: [1, 2, 3], is_line: 1, is_mag: 0, is_e2: 0, is_restreamer: 0, is_isplock: 0, lock_device: 0, check_compatible: 1, force_server_id: 0, forced_country: '' };
  return [
    { ...base, id: 1, package_name: 'Full 1 month', is_trial: 1, is_official: 1, official_credits: 1, official_duration: 1, official_duration_in: 'months', bouquets: [1, 2, 3], max_connections: 1 },
    { ...base, id: 2, package_name: 'Full 12 months, 2 screens', is_trial: 0, is_official: 1, official_credits: 10, official_duration: 12, official_duration_in: 'months', bouquets: [1, 2, 3], max_connections: 2 },
    { ...base, id: 3, package_name: 'News 30 days', is_trial: 1, is_official: 1, official_credits: 0.5, official_duration: 30, official_duration_in: 'days', bouquets: [3], max_connections: 1 },
  ];
}

const FLAGS = ['is_trial', 'is_restreamer', 'is_stalker', 'is_isplock', 'bypass_ua'] as const;
const OVERLAY_TEXT = ['admin_notes', 'reseller_notes', 'contact', 'forced_country'] as const;
const OVERLAY_INT = ['member_id', 'force_server_id', 'package_id', 'is_mag', 'is_e2'] as const;

export type Params = Map<string, string[]>;
export const one = (params: Params, key: string): string | undefined => params.get(key)?.[0];

/**
 * PHP DateTime as XUI's admin API uses it for `exp_date`: `YYYY-MM-DD[ HH:MM[:SS]]` in the admin's
 * time zone, or `@<epoch>`. A bare number is not a date (DateTime rejects it).
 */
export function parseXuiDate(text: string, timeZone: string): number | undefined {
  const epoch = /^@(-?\d+)$/.exec(text.trim());
  if (epoch) return Number(epoch[1]);
  const parsed = parseInTimeZone(text, timeZone);
  return parsed ? Math.floor(parsed.getTime() / 1000) : undefined;
}

export type ProcessLineResult = { status: 'ok'; row: XuiLineRow } | { status: 'STATUS_EXISTS_USERNAME' | 'STATUS_INVALID_DATE' | 'STATUS_FAILURE' };

/**
 * XUI.one admin `processLine` (create_line / edit_line): load (or default) the row, overlay the
 * submitted columns, then unconditionally recompute the derived ones — which makes edit a full
 * overwrite: absent flags become 0, absent `exp_date` becomes NULL, absent `bouquets_selected`
 * empties the bouquets, absent `max_connections`/`enabled`/`admin_enabled` become 1.
 */
export function processLine(params: Params, existing: XuiLineRow | undefined, context: { nextId: number; now: number; timeZone: string; apiAccountId: number; isTaken(username: string, exceptId?: number): boolean }): ProcessLineResult {
  const row: XuiLineRow = existing
    ? { ...existing }
    : {
        id: context.nextId,
        member_id: context.apiAccountId,
        username: '',
        password: '',
        exp_date: null,
        admin_enabled: 1,
        enabled: 1,
        admin_notes: '',
        reseller_notes: '',
        bouquet: [],
        allowed_outputs: [],
        max_connections: 1,
        is_restreamer: 0,
        is_trial: 0,
        is_mag: 0,
        is_e2: 0,
        is_stalker: 0,
        is_isplock: 0,
        bypass_ua: 0,
        allowed_ips: [],
        allowed_ua: [],
        created_at: context.now,
        package_id: null,
        contact: '',
        force_server_id: 0,
        forced_country: '',
        isp_desc: '',
        as_number: '',
        last_activity: null,
      };
  const username = one(params, 'username');
  const password = one(params, 'password');
  if (username !== undefined && username !== '') row.username = username;
  if (password !== undefined && password !== '') row.password = password;
  if (!existing && row.username === '') row.username = randomCredential(10);
  if (!existing && row.password === '') row.password = randomCredential(10);
  if (context.isTaken(row.username, existing?.id)) return { status: 'STATUS_EXISTS_USERNAME' };
  for (const key of OVERLAY_TEXT) if (params.has(key)) row[key] = one(params, key) ?? '';
  for (const key of OVERLAY_INT) if (params.has(key)) (row as unknown as Record<string, number>)[key] = Number.parseInt(one(params, key) ?? '0', 10) || 0;
  if (params.has('no_expire')) row.exp_date = null;
  else if (params.has('exp_date')) {
    const raw = one(params, 'exp_date') ?? '';
    if (raw === '' || raw.startsWith('1970-01-01')) row.exp_date = raw;
    else {
      const parsed = parseXuiDate(raw, context.timeZone);
      if (parsed === undefined) return { status: 'STATUS_INVALID_DATE' };
      row.exp_date = parsed;
    }
  } else row.exp_date = null;
  for (const flag of FLAGS) row[flag] = params.has(flag) ? 1 : 0;
  row.max_connections = params.has('max_connections') ? Number.parseInt(one(params, 'max_connections') ?? '1', 10) || 0 : 1;
  row.enabled = params.has('enabled') ? (one(params, 'enabled') === '0' ? 0 : 1) : 1;
  row.admin_enabled = params.has('admin_enabled') ? (one(params, 'admin_enabled') === '0' ? 0 : 1) : 1;
  row.bouquet = decodeIdList(params.has('bouquets_selected') && !params.has('bouquets_selected[]') ? one(params, 'bouquets_selected') : undefined);
  row.allowed_ips = params.get('allowed_ips[]') ?? [];
  row.allowed_ua = params.get('allowed_ua[]') ?? [];
  row.allowed_outputs = (params.get('access_output[]') ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  row.isp_desc = '';
  row.as_number = '';
  return { status: 'ok', row };
}

/** json_decode of a JSON string of ids; anything else gives an empty list. */
function decodeIdList(text: string | undefined): number[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(Number).filter((n) => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
}

/** A row as MySQL hands it to PHP's json_encode: every scalar a string, JSON columns as their text. */
export function lineToWire(row: XuiLineRow): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null) out[key] = null;
    else if (Array.isArray(value)) out[key] = JSON.stringify(value);
    else out[key] = String(value);
  }
  return out;
}

export function packageToWire(row: XuiPackageRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) out[key] = Array.isArray(value) ? JSON.stringify(value) : String(value);
  return out;
}

export function bouquetToWire(row: XuiBouquetRow): Record<string, string> {
  return packageToWire(row as unknown as XuiPackageRow);
}
