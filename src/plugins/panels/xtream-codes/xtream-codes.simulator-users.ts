import { randomCredential } from '../../../core/plugins/sdk';

/** A row of Xtream Codes' `users` table (values as PHP would store them; JSON columns decoded). */
export interface XcUserRow {
  id: number;
  member_id: number;
  username: string;
  password: string;
  /** Unix seconds as stored: int-cast on create, raw string on edit; null = never expires. */
  exp_date: number | string | null;
  admin_enabled: number | string;
  enabled: number | string;
  admin_notes: string;
  reseller_notes: string;
  bouquet: unknown[];
  max_connections: number | string;
  is_restreamer: number | string;
  allowed_ips: unknown[];
  allowed_ua: unknown[];
  is_trial: number | string;
  created_at: number;
  created_by: number;
  pair_id: number | null;
  is_mag: number | string;
  is_e2: number | string;
  force_server_id: number | string;
  is_isplock: number | string;
  as_number: string | null;
  isp_desc: string | null;
  forced_country: string | null;
  is_stalker: number | string;
  bypass_ua: number | string;
  play_token: string;
  output_formats: number[];
}

export const USER_COLUMNS = new Set(['id', 'member_id', 'username', 'password', 'exp_date', 'admin_enabled', 'enabled', 'admin_notes', 'reseller_notes', 'bouquet', 'max_connections', 'is_restreamer', 'allowed_ips', 'allowed_ua', 'is_trial', 'created_at', 'created_by', 'pair_id', 'is_mag', 'is_e2', 'force_server_id', 'is_isplock', 'as_number', 'isp_desc', 'forced_country', 'is_stalker', 'bypass_ua', 'play_token']);
const JSON_COLUMNS = new Set(['bouquet', 'allowed_ips', 'allowed_ua']);

/**
 * `user_data[...]` as api.php reads it: keys are column names (non `[A-Za-z0-9_]` stripped), and
 * nested arrays (`user_data[bouquet][]=1`) are JSON-encoded before storage (so they hold strings).
 */
export function readUserData(params: Map<string, string[]>): Map<string, string | string[]> {
  const data = new Map<string, string | string[]>();
  for (const [key, values] of params) {
    const match = /^user_data\[([^\]]*)\](\[\])?$/.exec(key);
    if (!match) continue;
    const column = match[1].replace(/[^A-Za-z0-9_]/g, '');
    data.set(column, match[2] ? values : values[0]);
  }
  return data;
}

/** json_decode of a JSON column value; invalid → [] (as the panel's default). */
function jsonColumn(value: string | string[]): unknown[] {
  if (Array.isArray(value)) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function newUser(data: Map<string, string | string[]>, id: number, now: number): XcUserRow | 'PARAMETER ERROR' {
  const row: XcUserRow = {
    id,
    member_id: 0,
    username: randomCredential(10),
    password: randomCredential(10),
    exp_date: null,
    admin_enabled: 1,
    enabled: 1,
    admin_notes: '',
    reseller_notes: '',
    bouquet: [],
    max_connections: 1,
    is_restreamer: 0,
    allowed_ips: [],
    allowed_ua: [],
    is_trial: 0,
    created_at: now,
    created_by: 0,
    pair_id: null,
    is_mag: 0,
    is_e2: 0,
    force_server_id: 0,
    is_isplock: 0,
    as_number: null,
    isp_desc: null,
    forced_country: null,
    is_stalker: 0,
    bypass_ua: 0,
    play_token: '',
    output_formats: [1, 2, 3],
  };
  return applyUserData(row, data, 'create');
}

/** Writes `user_data` columns into a row; an unknown column is an SQL error → PARAMETER ERROR. */
export function applyUserData(row: XcUserRow, data: Map<string, string | string[]>, mode: 'create' | 'edit'): XcUserRow | 'PARAMETER ERROR' {
  const next = { ...row } as unknown as Record<string, unknown>;
  for (const [column, value] of data) {
    if (column === 'output_formats') {
      next.output_formats = jsonColumn(value).map(Number);
      continue;
    }
    if (!USER_COLUMNS.has(column) || column === 'id') return 'PARAMETER ERROR';
    if (JSON_COLUMNS.has(column)) next[column] = jsonColumn(value);
    else if (column === 'exp_date') next.exp_date = mode === 'create' ? Number.parseInt(String(value), 10) || null : String(value);
    else if ((column === 'username' || column === 'password') && mode === 'create' && value === '') continue;
    else next[column] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return next as unknown as XcUserRow;
}

/** Expiry as the panel compares it: `exp_date > now()`, NULL = unlimited; a raw string is read as a number. */
export function expiresAt(row: XcUserRow): number | null {
  if (row.exp_date === null || row.exp_date === '') return null;
  const value = Number(row.exp_date);
  return Number.isFinite(value) ? value : null;
}

/** `user&sub=info`'s `user_info`: the row with mysqli strings, decoded JSON columns, and the extras. */
export function userInfo(row: XcUserRow, activeCons: number, channelIds: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'output_formats') continue;
    if (JSON_COLUMNS.has(key)) out[key] = value;
    else out[key] = value === null ? null : String(value);
  }
  return {
    ...out,
    active_cons: String(activeCons),
    pair_line_info: [],
    output_formats: Object.fromEntries(row.output_formats.map((id) => [({ 1: 'm3u8', 2: 'ts', 3: 'rtmp' } as Record<number, string>)[id] ?? String(id), String(id)])),
    con_isp_name: null,
    con_isp_type: null,
    isp_is_server: null,
    isp_violate: 0,
    channel_ids: channelIds,
    series_ids: [],
  };
}
