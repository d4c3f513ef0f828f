import { randomBytes } from 'node:crypto';
import { formatInTimeZone, mergedParams, nginxPage, SimRequest, SimResponse, SimulatorClock, SimulatedPanel, SimulatorServer } from '../../../core/plugins/sdk';
import { applyUserData, expiresAt, newUser, readUserData, userInfo, XcUserRow } from './xtream-codes.simulator-users';

export interface XtreamCodesSimulatorOptions {
  /** Setting `api_pass`; empty string = any value (or none) is accepted. Random when omitted. */
  apiPass?: string;
  /** Setting `api_ips` (+ server IPs): callers allowed; null = the hub's 127.0.0.1 is allowed. */
  allowedIps?: string[] | null;
  /** Channels per bouquet, for `channel_ids`. */
  bouquets?: Record<number, number[]>;
  resellers?: { id: number; username: string; credits: number }[];
}

export interface XcSimLine {
  id: number;
  username: string;
  password: string;
  expiresAt: Date | null;
  /** Exactly as stored: an int array when sent as a JSON string, strings when sent as a form array. */
  bouquets: unknown[];
  maxConnections: number;
  enabled: boolean;
  banned: boolean;
  isTrial: boolean;
  adminNotes: string;
  memberId: number;
}

const PLAYER_STATUS = (row: XcUserRow, now: number): string => {
  if (String(row.admin_enabled) === '0') return 'Banned';
  if (String(row.enabled) === '0') return 'Disabled';
  const expiry = expiresAt(row);
  return expiry !== null && expiry <= now ? 'Expired' : 'Active';
};

/**
 * Xtream Codes 2.9 / Xtream UI `api.php` on the streaming port (panels.md §1A) and `player_api.php`
 * (§1D, XC dialect): IP allow-list then `api_pass` with the message under key `"0"`, everything
 * HTTP 200, empty bodies for unknown action/sub, duplicate detection on username AND password,
 * lines addressed by username + password, no delete.
 */
export class XtreamCodesSimulator extends SimulatedPanel {
  readonly apiPass: string;
  readonly clock = new SimulatorClock();
  allowedIps: string[] | null;
  private readonly users = new Map<number, XcUserRow>();
  private readonly bouquetChannels: Record<number, number[]>;
  private readonly resellers: { id: number; username: string; credits: number }[];
  private readonly activeCons = new Map<number, number>();
  private nextId = 1;
  readonly requests: { action: string; sub: string; params: Record<string, string[]> }[] = [];

  private constructor(
    server: SimulatorServer,
    options: XtreamCodesSimulatorOptions,
  ) {
    super(server);
    this.apiPass = options.apiPass ?? randomBytes(8).toString('hex');
    this.allowedIps = options.allowedIps ?? null;
    this.bouquetChannels = options.bouquets ?? { 1: [1, 2, 3, 4, 5], 2: [10, 11, 12], 3: [20, 21] };
    this.resellers = options.resellers ?? [{ id: 2, username: 'reseller1', credits: 50 }];
  }

  static async start(options: XtreamCodesSimulatorOptions = {}): Promise<XtreamCodesSimulator> {
    const ref: { simulator?: XtreamCodesSimulator } = {};
    const server = await SimulatorServer.start({
      handle: (request) => (ref.simulator as XtreamCodesSimulator).handle(request),
      serverError: () => ({ status: 500, body: '', headers: { 'content-type': 'text/html' } }),
      // The script has no limiter; the panel's nginx flood protection answers limit_req's default 503.
      rateLimited: () => nginxPage(503),
    });
    ref.simulator = new XtreamCodesSimulator(server, options);
    return ref.simulator;
  }

  /** The configuration of the `xtream-codes` plugin for this panel. */
  get credentials(): { apiPass: string } {
    return { apiPass: this.apiPass };
  }

  lines(): XcSimLine[] {
    return [...this.users.values()].map((row) => ({
      id: row.id,
      username: row.username,
      password: row.password,
      expiresAt: expiresAt(row) === null ? null : new Date((expiresAt(row) as number) * 1000),
      bouquets: [...row.bouquet],
      maxConnections: Number(row.max_connections),
      enabled: String(row.enabled) !== '0',
      banned: String(row.admin_enabled) === '0',
      isTrial: String(row.is_trial) === '1',
      adminNotes: row.admin_notes,
      memberId: Number(row.member_id),
    }));
  }

  line(id: number | string): XcSimLine | undefined {
    return this.lines().find((line) => line.id === Number(id));
  }

  rawUser(id: number): XcUserRow | undefined {
    const row = this.users.get(id);
    return row ? structuredClone(row) : undefined;
  }

  setActiveConnections(lineId: number, count: number): void {
    this.activeCons.set(lineId, count);
  }

  reseller(id: number) {
    return this.resellers.find((reseller) => reseller.id === id);
  }

  private handle(request: SimRequest): SimResponse {
    if (request.path === '/player_api.php') return this.player(request);
    if (request.path !== '/api.php') return nginxPage(404);
    const params = mergedParams(request);
    const get = (key: string) => params.get(key)?.[0];
    const action = get('action') ?? '';
    const sub = get('sub') ?? '';
    const recorded: Record<string, string[]> = {};
    for (const [key, values] of params) if (key !== 'api_pass') recorded[key] = values;
    this.requests.push({ action, sub, params: recorded });
    if (this.faults.ipNotAllowed || (this.allowedIps !== null && !this.allowedIps.includes(request.remoteAddress))) return json({ result: false, 0: 'IP FORBIDDEN' });
    if (this.faults.wrongKey || (this.apiPass !== '' && get('api_pass') !== this.apiPass)) return json({ result: false, 0: 'KEY WRONG' });
    const find = () => [...this.users.values()].find((row) => row.username === get('username') && row.password === get('password'));
    switch (`${action}/${sub}`) {
      case 'user/create': {
        const data = readUserData(params);
        const row = newUser(data, this.nextId, this.clock.nowSeconds());
        if (row === 'PARAMETER ERROR') return json({ result: false, error: 'PARAMETER ERROR' });
        if ([...this.users.values()].some((other) => other.username === row.username && other.password === row.password)) return json({ result: false, error: 'EXISTS' });
        this.nextId += 1;
        this.users.set(row.id, row);
        return json({ result: true, created_id: row.id, username: row.username, password: row.password });
      }
      case 'user/info': {
        if (!get('username') || !get('password')) return json({ result: false, error: 'PARAMETER ERROR (user/pass)' });
        const row = find();
        if (!row) return json({ result: false, error: 'NOT EXISTS' });
        const channels = [...new Set(row.bouquet.flatMap((id) => this.bouquetChannels[Number(id)] ?? []))];
        return json({ result: true, user_info: userInfo(row, this.activeCons.get(row.id) ?? 0, channels) });
      }
      case 'user/edit': {
        if (!get('username') || !get('password')) return json({ result: false, error: 'PARAMETER ERROR (user/pass)' });
        const row = find();
        if (!row) return json({ result: false, error: 'NOT EXISTS' });
        const data = readUserData(params);
        // An empty user_data makes an empty SET clause: an SQL error.
        if (data.size === 0) return json({ result: false, error: 'PARAMETER ERROR' });
        const next = applyUserData(row, data, 'edit');
        if (next === 'PARAMETER ERROR') return json({ result: false, error: 'PARAMETER ERROR' });
        this.users.set(row.id, next);
        return json({ result: true });
      }
      case 'server/list':
        return json([{ id: 1, server_name: 'Main Server', online: true, info: { cpu: 7.5, total_mem_used_percent: 33, total_running_streams: 42 } }]);
      case 'stream/list':
        return json([{ id: 1, stream_name: 'Sports 1 HD' }, { id: 2, stream_name: 'News 24' }]);
      case 'stream/online':
        return json({ 1: [1] });
      case 'stream/offline':
        return json({ 2: [1] });
      case 'reg_user/list':
        return json(this.resellers.map((reseller) => ({ id: String(reseller.id), username: reseller.username, credits: String(reseller.credits), group_id: '2', group_name: 'Resellers', last_login: null, date_registered: '1700000000', email: '', ip: '', status: '1' })));
      case 'reg_user/credits': {
        const amount = Number(get('amount'));
        const reseller = this.resellers.find((candidate) => String(candidate.id) === get('id') || candidate.username === get('username'));
        if (!get('amount') || (!get('id') && !get('username'))) return json({ result: false, error: 'PARAMETER ERROR (amount & id||username)' });
        if (!reseller) return json({ result: false, error: 'NOT EXISTS' });
        // The oddity: a refusal is reported with result:true.
        if (reseller.credits + amount < 0) return json({ result: true, error: 'NOT ENOUGH CREDITS' });
        reseller.credits += amount;
        return json({ result: true });
      }
      default:
        // Unknown action or sub: the script simply ends, HTTP 200 with an empty body.
        return { status: 200, body: '', headers: { 'content-type': 'text/html' } };
    }
  }

  private player(request: SimRequest): SimResponse {
    const params = mergedParams(request);
    const username = params.get('username')?.[0];
    const password = params.get('password')?.[0];
    if (!username || !password) return { status: 200, body: '', headers: { 'content-type': 'text/html' } };
    const row = [...this.users.values()].find((candidate) => candidate.username === username && candidate.password === password);
    if (!row) return json({ user_info: { auth: 0 } });
    const now = this.clock.nowSeconds();
    const expiry = expiresAt(row);
    return json({
      user_info: {
        username: row.username,
        password: row.password,
        message: 'Welcome',
        auth: 1,
        status: PLAYER_STATUS(row, now),
        exp_date: expiry === null ? null : String(expiry),
        is_trial: String(row.is_trial),
        active_cons: String(this.activeCons.get(row.id) ?? 0),
        created_at: String(row.created_at),
        max_connections: String(row.max_connections),
        allowed_output_formats: ['m3u8', 'ts', 'rtmp'],
      },
      server_info: { url: '127.0.0.1', port: new URL(this.url).port, https_port: '25463', server_protocol: 'http', rtmp_port: '25462', timezone: 'UTC', timestamp_now: now, time_now: formatInTimeZone(this.clock.now().toISOString(), 'UTC') },
    });
  }
}

function json(value: unknown): SimResponse {
  return { status: 200, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}
