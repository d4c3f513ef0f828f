import { randomBytes } from 'node:crypto';
import { mergedParams, nginxPage, SimRequest, SimResponse, SimulatorClock, SimulatedPanel, SimulatorServer } from '../../../core/plugins/sdk';
import { bouquetToWire, lineToWire, one, packageToWire, Params, processLine, seedBouquets, seedPackages, XuiBouquetRow, XuiLineRow, XuiPackageRow } from './xui-admin.simulator-data';
import { playerApi } from './xui-admin.simulator-player';

export interface XuiAdminSimulatorOptions {
  /** The admin API access code (path segment). Random when omitted. */
  accessCode?: string;
  apiKey?: string;
  /** The admin account's time zone: `exp_date` strings are read in it. */
  timeZone?: string;
  /** Addresses allowed on the access code (nginx allow/deny); null = everyone. */
  allowedIps?: string[] | null;
  /** false = the API account's group lacks add/edit rights: create_line/edit_line answer an empty body. */
  canEditLines?: boolean;
  /** Actions the API account's group may not run: the handler exit()s, so the body is empty (HTTP 200). */
  deniedActions?: string[];
  /** Seed data (defaults: three bouquets, three packages, no lines). */
  packages?: XuiPackageRow[];
  bouquets?: XuiBouquetRow[];
  /** Failed player API logins per address before it is blocked (403). */
  bruteForceLimit?: number;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

/** A line as a test wants to compare it: typed values, instants as Date. */
export interface XuiSimLine {
  id: number;
  username: string;
  password: string;
  /** null = never expires. */
  expiresAt: Date | null;
  bouquets: number[];
  maxConnections: number;
  enabled: boolean;
  /** admin_enabled = 0. */
  banned: boolean;
  isTrial: boolean;
  packageId: number | null;
  allowedOutputs: number[];
  adminNotes: string;
  resellerNotes: string;
  memberId: number;
}

export interface XuiSimConnection {
  activity_id: number;
  user_id: number;
  stream_id: number;
  server_id: number;
  user_ip: string;
  user_agent: string;
  container: string;
  date_start: number;
}

const API_ACCOUNT_ID = 1;

/**
 * An XUI.one panel's access-code admin API (panels.md §1C) and its player API (§1D, XUI dialect),
 * in memory on 127.0.0.1: access code routing (unknown → nginx 404, IP allow-list → nginx 403,
 * rate limit → nginx 503), `api_key` checks, `STATUS_*` answers in HTTP 200 bodies, bare arrays
 * for list actions, DB strings for values, full-overwrite `edit_line`, date strings in and unix
 * timestamps out. Fault knobs come from the SDK's simulator kit.
 */
export class XuiAdminSimulator extends SimulatedPanel {
  readonly accessCode: string;
  readonly apiKey: string;
  readonly clock = new SimulatorClock();
  readonly timeZone: string;
  allowedIps: string[] | null;
  canEditLines: boolean;
  readonly deniedActions: Set<string>;
  private readonly lineRows = new Map<number, XuiLineRow>();
  /** Line ids by lower-cased username (usernames are unique regardless of case, as in the panel's database). */
  private readonly usernames = new Map<string, number>();
  private readonly packageRows = new Map<number, XuiPackageRow>();
  private readonly bouquetRows = new Map<number, XuiBouquetRow>();
  private readonly liveConnections: XuiSimConnection[] = [];
  private nextLineId = 1;
  private nextActivityId = 1;
  readonly playerFailures = new Map<string, number>();
  readonly bruteForceLimit: number;
  /** Every admin API request's parameters (api_key removed), for tests of the wire format. */
  readonly requests: { action: string; params: Record<string, string[]> }[] = [];

  private constructor(
    server: SimulatorServer,
    options: XuiAdminSimulatorOptions,
  ) {
    super(server);
    this.accessCode = options.accessCode ?? `a${randomBytes(4).toString('hex')}`;
    this.apiKey = options.apiKey ?? randomBytes(16).toString('hex').toUpperCase();
    this.timeZone = options.timeZone ?? 'UTC';
    this.allowedIps = options.allowedIps ?? null;
    this.canEditLines = options.canEditLines ?? true;
    this.deniedActions = new Set(options.deniedActions ?? []);
    this.bruteForceLimit = options.bruteForceLimit ?? 20;
    for (const row of options.packages ?? seedPackages()) this.packageRows.set(row.id, row);
    for (const row of options.bouquets ?? seedBouquets()) this.bouquetRows.set(row.id, row);
  }

  static async start(options: XuiAdminSimulatorOptions = {}): Promise<XuiAdminSimulator> {
    const ref: { simulator?: XuiAdminSimulator } = {};
    const server = await SimulatorServer.start({
      handle: (request) => (ref.simulator as XuiAdminSimulator).handle(request),
      serverError: () => nginxPage(502),
      rateLimited: () => nginxPage(503),
      tls: options.tls,
    });
    ref.simulator = new XuiAdminSimulator(server, options);
    return ref.simulator;
  }

  /** The credentials to configure for the `xui-admin` plugin. */
  get credentials(): { accessCode: string; apiKey: string } {
    return { accessCode: this.accessCode, apiKey: this.apiKey };
  }

  get stats() {
    return this.server.stats;
  }

  /** Starts recording the arrival time of every API call (for limit tests); returns the live array. */
  recordArrivals(): number[] {
    this.server.arrivals = [];
    return this.server.arrivals;
  }

  // ---- inspection -------------------------------------------------------------------------

  lines(): XuiSimLine[] {
    return [...this.lineRows.values()].map(toSimLine);
  }

  line(id: number | string): XuiSimLine | undefined {
    const row = this.lineRows.get(Number(id));
    return row ? toSimLine(row) : undefined;
  }

  lineByUsername(username: string): XuiSimLine | undefined {
    const id = this.usernames.get(username.toLowerCase());
    return id === undefined ? undefined : this.line(id);
  }

  /** The stored row exactly (raw `exp_date` included), for quirk tests. */
  rawLine(id: number): XuiLineRow | undefined {
    const row = this.lineRows.get(id);
    return row ? structuredClone(row) : undefined;
  }

  packages(): XuiPackageRow[] {
    return [...this.packageRows.values()].map((row) => structuredClone(row));
  }

  bouquets(): XuiBouquetRow[] {
    return [...this.bouquetRows.values()].map((row) => structuredClone(row));
  }

  addPackage(row: Partial<XuiPackageRow> & { package_name: string }): XuiPackageRow {
    const id = row.id ?? Math.max(0, ...this.packageRows.keys()) + 1;
    const full = { ...seedPackages()[0], ...row, id };
    this.packageRows.set(id, full);
    return structuredClone(full);
  }

  removePackage(id: number): void {
    this.packageRows.delete(id);
  }

  /** Adds a line directly (as if made in the panel's UI). */
  insertLine(line: { username: string; password: string; expiresAt?: Date | null; bouquets?: number[]; maxConnections?: number; enabled?: boolean; adminNotes?: string }): XuiSimLine {
    const params: Params = new Map([
      ['username', [line.username]],
      ['password', [line.password]],
      ['bouquets_selected', [JSON.stringify(line.bouquets ?? [])]],
      ['max_connections', [String(line.maxConnections ?? 1)]],
      ['enabled', [line.enabled === false ? '0' : '1']],
      ['admin_notes', [line.adminNotes ?? '']],
      ['access_output[]', ['1', '2', '3']],
    ]);
    if (line.expiresAt) params.set('exp_date', [`@${Math.floor(line.expiresAt.getTime() / 1000)}`]);
    const result = this.processLine(params, undefined);
    if (result.status !== 'ok') throw new Error(`insertLine: ${result.status}`);
    return toSimLine(result.row);
  }

  deleteLineDirectly(id: number): void {
    this.removeLine(id);
  }

  /** Changes a line directly (as an operator would in the panel's UI): drift for the hub to find. */
  editLineDirectly(id: number, patch: { expiresAt?: Date | null; enabled?: boolean; maxConnections?: number; packageId?: number | null }): void {
    const row = this.lineRows.get(id);
    if (!row) throw new Error(`editLineDirectly: no line ${id}`);
    if (patch.expiresAt !== undefined) row.exp_date = patch.expiresAt === null ? null : Math.floor(patch.expiresAt.getTime() / 1000);
    if (patch.enabled !== undefined) row.enabled = patch.enabled ? 1 : 0;
    if (patch.maxConnections !== undefined) row.max_connections = patch.maxConnections;
    if (patch.packageId !== undefined) row.package_id = patch.packageId;
  }

  /** Simulates a player watching a stream on a line. */
  addConnection(lineId: number, userIp = '203.0.113.7'): XuiSimConnection {
    const connection = { activity_id: this.nextActivityId++, user_id: lineId, stream_id: 101, server_id: 1, user_ip: userIp, user_agent: 'VLC/3.0.20', container: 'ts', date_start: this.clock.nowSeconds() };
    this.liveConnections.push(connection);
    return connection;
  }

  connections(): XuiSimConnection[] {
    return [...this.liveConnections];
  }

  activeConnectionsOf(lineId: number): number {
    return this.liveConnections.filter((connection) => connection.user_id === lineId).length;
  }

  // ---- wire -------------------------------------------------------------------------------

  private handle(request: SimRequest): SimResponse {
    if (request.path === '/player_api.php') return playerApi(this, request);
    const match = /^\/([^/]+)\/?(?:index\.php)?$/.exec(request.path);
    if (!match || match[1] !== this.accessCode) return nginxPage(404);
    if (this.faults.ipNotAllowed || (this.allowedIps && !this.allowedIps.includes(request.remoteAddress))) return nginxPage(403);
    const params = mergedParams(request);
    const action = one(params, 'action') ?? '';
    const recorded: Record<string, string[]> = {};
    for (const [key, values] of params) if (key !== 'api_key') recorded[key] = values;
    this.requests.push({ action, params: recorded });
    if (this.faults.wrongKey || one(params, 'api_key') !== this.apiKey) return json({ status: 'STATUS_FAILURE', error: 'Invalid API key.' });
    return this.dispatch(action, params);
  }

  private dispatch(action: string, params: Params): SimResponse {
    if (this.deniedActions.has(action)) return { status: 200, body: '', headers: { 'content-type': 'text/html' } };
    const id = Number.parseInt(one(params, 'id') ?? '', 10);
    switch (action) {
      case 'user_info':
        return json({ status: 'STATUS_SUCCESS', data: { id: String(API_ACCOUNT_ID), username: 'api-admin', member_group_id: '1', status: '1', credits: '0', timezone: this.timeZone }, permissions: { is_admin: '1', create_line: this.canEditLines ? 1 : 0, edit_line: this.canEditLines ? 1 : 0 } });
      case 'get_lines':
        return this.getLines(params);
      case 'get_line':
        return this.lineRows.has(id) ? json({ status: 'STATUS_SUCCESS', data: lineToWire(this.lineRows.get(id) as XuiLineRow) }) : json({ status: 'STATUS_FAILURE' });
      case 'create_line':
      case 'edit_line': {
        if (!this.canEditLines) return { status: 200, body: '', headers: { 'content-type': 'text/html' } };
        const existing = action === 'edit_line' ? this.lineRows.get(id) : undefined;
        if (action === 'edit_line' && !existing) return json({ status: 'STATUS_FAILURE' });
        // A full licence (fault knob maxLines). The real answer is undocumented; this one is what the plugins read as MAX_USERS_REACHED.
        if (action === 'create_line' && this.faults.maxLines !== null && this.lineRows.size >= this.faults.maxLines) return json({ status: 'STATUS_FAILURE', error: 'Maximum number of users reached for your license.' });
        const result = this.processLine(params, existing);
        if (result.status !== 'ok') return json({ status: result.status, data: echo(params) });
        return json({ status: 'STATUS_SUCCESS', data: lineToWire(result.row) });
      }
      case 'delete_line':
        return json({ status: this.removeLine(id) ? 'STATUS_SUCCESS' : 'STATUS_FAILURE' });
      case 'enable_line':
      case 'disable_line':
      case 'ban_line':
      case 'unban_line': {
        const row = this.lineRows.get(id);
        if (!row) return json({ status: 'STATUS_FAILURE' });
        if (action === 'enable_line' || action === 'disable_line') row.enabled = action === 'enable_line' ? 1 : 0;
        else row.admin_enabled = action === 'unban_line' ? 1 : 0;
        return json({ status: 'STATUS_SUCCESS' });
      }
      case 'get_packages':
        return json([...this.packageRows.values()].map(packageToWire));
      case 'get_package':
        return this.packageRows.has(id) ? json({ status: 'STATUS_SUCCESS', data: packageToWire(this.packageRows.get(id) as XuiPackageRow) }) : json({ status: 'STATUS_FAILURE' });
      case 'get_bouquets':
        return json([...this.bouquetRows.values()].map(bouquetToWire));
      case 'get_bouquet':
        return this.bouquetRows.has(id) ? json({ status: 'STATUS_SUCCESS', data: bouquetToWire(this.bouquetRows.get(id) as XuiBouquetRow) }) : json({ status: 'STATUS_FAILURE' });
      case 'live_connections':
        return this.liveConnectionsPage(params);
      case 'kill_connection': {
        const index = this.liveConnections.findIndex((connection) => String(connection.activity_id) === one(params, 'activity_id'));
        if (index < 0) return json({ status: 'STATUS_FAILURE' });
        this.liveConnections.splice(index, 1);
        return json({ status: 'STATUS_SUCCESS' });
      }
      case 'get_servers':
        return json([this.serverRow()]);
      case 'get_server':
        return id === 1 ? json({ status: 'STATUS_SUCCESS', data: this.serverRow() }) : json({ status: 'STATUS_FAILURE' });
      case 'get_server_stats':
        return json({ status: 'STATUS_SUCCESS', data: this.serverStats() });
      default:
        return json({ status: 'STATUS_FAILURE', error: 'Invalid action.' });
    }
  }

  private processLine(params: Params, existing: XuiLineRow | undefined) {
    const result = processLine(params, existing, {
      nextId: this.nextLineId,
      now: this.clock.nowSeconds(),
      timeZone: this.timeZone,
      apiAccountId: API_ACCOUNT_ID,
      isTaken: (username, exceptId) => {
        const id = this.usernames.get(username.toLowerCase());
        return id !== undefined && id !== exceptId;
      },
    });
    if (result.status === 'ok') {
      if (!existing) this.nextLineId += 1;
      const previous = this.lineRows.get(result.row.id);
      if (previous) this.usernames.delete(previous.username.toLowerCase());
      this.lineRows.set(result.row.id, result.row);
      this.usernames.set(result.row.username.toLowerCase(), result.row.id);
    }
    return result;
  }

  private removeLine(id: number): boolean {
    const row = this.lineRows.get(id);
    if (!row) return false;
    this.usernames.delete(row.username.toLowerCase());
    return this.lineRows.delete(id);
  }

  private getLines(params: Params): SimResponse {
    const start = Number.parseInt(one(params, 'start') ?? '0', 10) || 0;
    const limit = Number.parseInt(one(params, 'limit') ?? '50', 10) || 50;
    const search = (one(params, 'search[value]') ?? '').toLowerCase();
    const now = this.clock.nowSeconds();
    const filter = one(params, 'filter');
    const rows = [...this.lineRows.values()].filter((row) => {
      if (search && ![row.username, row.admin_notes, row.reseller_notes].some((text) => text.toLowerCase().includes(search))) return false;
      const expired = typeof row.exp_date === 'number' && row.exp_date <= now;
      switch (filter) {
        case '1': return row.enabled === 1 && row.admin_enabled === 1 && !expired;
        case '2': return row.enabled === 0;
        case '3': return row.admin_enabled === 0;
        case '4': return expired;
        case '5': return row.is_trial === 1;
        default: return true;
      }
    });
    const page = rows.slice(start, start + limit).map((row) => ({
      id: String(row.id),
      member_id: String(row.member_id),
      last_activity: row.last_activity === null ? null : String(row.last_activity),
      last_activity_array: null,
      username: row.username,
      password: row.password,
      exp_date: typeof row.exp_date === 'number' ? String(row.exp_date) : row.exp_date,
      admin_enabled: String(row.admin_enabled),
      is_restreamer: String(row.is_restreamer),
      enabled: String(row.enabled),
      admin_notes: row.admin_notes,
      reseller_notes: row.reseller_notes,
      max_connections: String(row.max_connections),
      is_trial: String(row.is_trial),
      active_connections: String(this.activeConnectionsOf(row.id)),
      owner_name: 'api-admin',
      stream_display_name: null,
      stream_id: null,
      last_active: null,
    }));
    // recordsFiltered in API mode is min(total, limit), not a filter count (the quirk).
    return json({ status: 'STATUS_SUCCESS', data: page, recordsTotal: String(rows.length), recordsFiltered: Math.min(rows.length, limit) });
  }

  private liveConnectionsPage(params: Params): SimResponse {
    const start = Number.parseInt(one(params, 'start') ?? '0', 10) || 0;
    const limit = Number.parseInt(one(params, 'limit') ?? '50', 10) || 50;
    const userId = one(params, 'user_id');
    const rows = this.liveConnections.filter((connection) => !userId || String(connection.user_id) === userId);
    const page = rows.slice(start, start + limit).map((connection) => {
      const line = this.lineRows.get(connection.user_id);
      return {
        ...Object.fromEntries(Object.entries(connection).map(([key, value]) => [key, String(value)])),
        username: line?.username ?? '',
        stream_display_name: 'Sports 1 HD',
        server_name: 'Main Server',
        pid: '4242',
        uuid: `c${connection.activity_id}`,
        geoip_country_code: 'GB',
        isp: 'Example ISP',
      };
    });
    return json({ status: 'STATUS_SUCCESS', data: page, recordsTotal: String(rows.length), recordsFiltered: Math.min(rows.length, limit) });
  }

  private serverRow(): Record<string, string> {
    return { id: '1', server_name: 'Main Server', server_ip: '127.0.0.1', status: '1', enabled: '1', is_main: '1', http_broadcast_port: '80', https_broadcast_port: '443', total_clients: String(this.liveConnections.length) };
  }

  private serverStats(): Record<string, string | number> {
    return {
      cpu: 12.5, cpu_avg: 10.1, cpu_cores: 8, cpu_name: 'Simulated CPU', total_mem: 16384, total_mem_used_percent: 41.2, uptime: '5d 3h', bytes_sent: 123456789, bytes_received: 98765432,
      total_disk_space: 500000, free_disk_space: 250000, open_connections: this.liveConnections.length, total_connections: this.liveConnections.length,
      online_users: new Set(this.liveConnections.map((connection) => connection.user_id)).size, total_users: this.lineRows.size, total_streams: 75, total_running_streams: 74, offline_streams: 1, requests_per_second: 3, network_guaranteed_speed: 1000,
    };
  }
}

function json(value: unknown): SimResponse {
  return { status: 200, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}

/** On validation errors XUI echoes the submitted fields in `data`. */
function echo(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, values] of params) if (key !== 'api_key' && key !== 'action') out[key] = values[0];
  return out;
}

function toSimLine(row: XuiLineRow): XuiSimLine {
  return {
    id: row.id,
    username: row.username,
    password: row.password,
    expiresAt: typeof row.exp_date === 'number' ? new Date(row.exp_date * 1000) : null,
    bouquets: [...row.bouquet],
    maxConnections: row.max_connections,
    enabled: row.enabled === 1,
    banned: row.admin_enabled === 0,
    isTrial: row.is_trial === 1,
    packageId: row.package_id,
    allowedOutputs: [...row.allowed_outputs],
    adminNotes: row.admin_notes,
    resellerNotes: row.reseller_notes,
    memberId: row.member_id,
  };
}
