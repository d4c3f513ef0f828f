import { randomBytes, randomUUID } from 'node:crypto';
import { randomCredential, SimRequest, SimResponse, SimulatorClock, SimulatedPanel, SimulatorServer, tryParseJson } from '../../../core/plugins/sdk';
import { addDuration, lineToWire, OneStreamPermission, RESELLER_PERMISSIONS, seedPackages, SimLine, SimPackage } from './onestream.simulator-data';

export interface OneStreamSimulatorOptions {
  credits?: number;
  permissions?: OneStreamPermission[];
  /** How errors look (the real format is not published): Laravel `{message, errors}` or `{status:"error", error:{code, message}}`. */
  errorFormat?: 'laravel' | 'envelope';
  packages?: SimPackage[];
}

type Body = Record<string, unknown>;

/**
 * The 1-Stream cloud "ext" API (panels.md §4, §6): `X-Api-Key` + `X-Auth-User` with a
 * per-token permission set, JSON bodies, UUID line ids, ISO-8601 `expire_at` (null =
 * unlimited), package-driven expiry with credit charges (`transaction_amount` negative), bouquet
 * subset filtering, `rid` idempotency (the same rid answers the first answer again, with no
 * second charge), `/ext/lines` and the paginated `/ext/lines/index`. Assumed where unpublished:
 * `GET /ext/packages`, the error format (configurable) and the update-advanced answer.
 */
export class OneStreamSimulator extends SimulatedPanel {
  readonly clock = new SimulatorClock();
  readonly apiKey = `ak_${randomBytes(12).toString('hex')}`;
  readonly apiToken = `tok_${randomBytes(16).toString('hex')}`;
  credits: number;
  permissions: Set<OneStreamPermission>;
  errorFormat: 'laravel' | 'envelope';
  readonly packages: SimPackage[];
  private readonly rows = new Map<string, SimLine>();
  private readonly rids = new Map<string, SimResponse>();
  readonly ledger: { lineId: string; amount: number; action: 'create' | 'renew'; rid?: string }[] = [];

  private constructor(
    server: SimulatorServer,
    options: OneStreamSimulatorOptions,
  ) {
    super(server);
    this.credits = options.credits ?? 100;
    this.permissions = new Set(options.permissions ?? RESELLER_PERMISSIONS);
    this.errorFormat = options.errorFormat ?? 'laravel';
    this.packages = options.packages ?? seedPackages();
  }

  static async start(options: OneStreamSimulatorOptions = {}): Promise<OneStreamSimulator> {
    // The server needs the handler before the simulator exists: the handler reads it through this holder.
    const holder: { simulator?: OneStreamSimulator } = {};
    const server = await SimulatorServer.start({
      handle: (request) => (holder.simulator as OneStreamSimulator).handle(request),
      serverError: () => (holder.simulator as OneStreamSimulator).error(500, 'Server Error'),
      rateLimited: () => (holder.simulator as OneStreamSimulator).error(429, 'Too Many Attempts.'),
    });
    holder.simulator = new OneStreamSimulator(server, options);
    return holder.simulator;
  }

  lines(): SimLine[] {
    return [...this.rows.values()].map((row) => structuredClone(row));
  }

  line(username: string): SimLine | undefined {
    const row = [...this.rows.values()].find((candidate) => candidate.username === username);
    return row ? structuredClone(row) : undefined;
  }

  /** Changes a line directly on the panel (as an operator in the 1-Stream UI would). */
  edit(username: string, change: (row: SimLine) => void): void {
    const row = [...this.rows.values()].find((candidate) => candidate.username === username);
    if (!row) throw new Error(`no line ${username}`);
    change(row);
  }

  remove(username: string): void {
    for (const [id, row] of this.rows) if (row.username === username) this.rows.delete(id);
  }

  error(status: number, message: string, errors?: Record<string, string[]>): SimResponse {
    const body = this.errorFormat === 'laravel' ? { message, ...(errors ? { errors } : {}) } : { status: 'error', error: { code: status, message } };
    return json(status, body);
  }

  private handle(request: SimRequest): SimResponse {
    if (this.faults.ipNotAllowed) return this.error(403, 'Your IP address is not allowed to use the API.');
    const key = String(request.headers['x-api-key'] ?? '');
    const token = String(request.headers['x-auth-user'] ?? '');
    if (this.faults.wrongKey || key !== this.apiKey || token !== this.apiToken) return this.error(401, 'Unauthenticated.');
    const body = (request.method === 'POST' ? tryParseJson(request.rawBody) : undefined) as Body | undefined;
    const input: Body = body && typeof body === 'object' ? body : {};
    const rid = typeof input.rid === 'string' && input.rid ? input.rid : undefined;
    if (rid && this.rids.has(rid)) return this.rids.get(rid) as SimResponse;
    const response = this.route(request, input);
    // Only what was performed is remembered: a refused call may be repeated with the same rid.
    if (rid && response.status < 300) this.rids.set(rid, response);
    return response;
  }

  private route(request: SimRequest, input: Body): SimResponse {
    const { method, path } = request;
    if (method === 'GET' && path === '/ext/packages') return this.need('indexPackages') ?? json(200, { status: 'success', data: this.packages });
    if (method === 'GET' && path === '/ext/lines') {
      const username = request.query.get('username');
      return this.need('indexLines') ?? json(200, this.visible().filter((row) => username === null || row.username === username).map(lineToWire));
    }
    if (method === 'GET' && path === '/ext/lines/index') return this.need('indexLines') ?? this.page(request.query);
    if (method === 'GET' && path === '/ext/line/find') {
      const row = this.visible().find((line) => line.username === request.query.get('username') && line.password === request.query.get('password'));
      return row ? json(200, { line_id: row.line_id }) : this.error(404, 'Line not found.');
    }
    if (method === 'POST' && path === '/ext/line/create') return this.need('createLinesWithPackage') ?? this.create(input, false);
    if (method === 'POST' && path === '/ext/line/create-advanced') return this.need('createLines') ?? this.create(input, true);
    const match = /^\/ext\/line\/([0-9a-f-]{36})\/(renew|enable|disable|terminate|update-advanced)$/.exec(path);
    if (method !== 'POST' || !match) return this.error(404, 'Not Found');
    const [, id, op] = match;
    const permission: Record<string, OneStreamPermission> = { renew: 'createLinesWithPackage', enable: 'statusLineToggle', disable: 'statusLineToggle', terminate: 'destroyLines', 'update-advanced': 'editLines' };
    const denied = this.need(permission[op]);
    if (denied) return denied;
    const row = this.rows.get(id);
    if (!row) return this.error(404, 'Line not found.');
    if (op === 'enable' || op === 'disable') row.is_enabled = op === 'enable';
    if (op === 'terminate') this.rows.delete(id);
    if (op === 'renew') return this.renew(row, input);
    if (op === 'update-advanced') return this.updateAdvanced(row, input);
    return json(200, { line_id: id });
  }

  private need(permission: OneStreamPermission): SimResponse | undefined {
    return this.permissions.has(permission) ? undefined : this.error(403, 'This action is unauthorized.');
  }

  private visible(): SimLine[] {
    return [...this.rows.values()];
  }

  private page(query: URLSearchParams): SimResponse {
    const perPage = Math.max(1, Math.min(500, Number(query.get('per_page') ?? 15) || 15));
    const username = query.get('username');
    const rows = this.visible().filter((row) => username === null || row.username === username);
    const lastPage = Math.max(1, Math.ceil(rows.length / perPage));
    const current = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const items = rows.slice((current - 1) * perPage, current * perPage).map(lineToWire);
    return json(200, { status: 'success', data: { pagination: { first_page: 1, last_page: lastPage, current_page: current, per_page: perPage, total: rows.length }, items } });
  }

  private create(input: Body, advanced: boolean): SimResponse {
    const pkg = this.packages.find((candidate) => candidate.id === Number(input.package));
    if (!pkg) return this.error(422, 'The selected package is invalid.', { package: ['The selected package is invalid.'] });
    const username = typeof input.username === 'string' && input.username ? input.username : randomCredential(10);
    const password = typeof input.password === 'string' && input.password ? input.password : randomCredential(10);
    if (username.length > 255 || password.length > 255) return this.error(422, 'The username may not be greater than 255 characters.');
    if (this.visible().some((row) => row.username === username)) return this.error(422, 'The username has already been taken.', { username: ['The username has already been taken.'] });
    const cost = advanced ? 0 : pkg.credits;
    if (this.credits < cost) return this.error(422, 'You do not have enough credits.');
    const requested = Array.isArray(input.bouquets) ? input.bouquets.map(Number) : [];
    // Bouquets outside the package are ignored; none (or none valid) means all of the package.
    const subset = advanced ? requested : requested.filter((bouquet) => pkg.bouquets.includes(bouquet));
    const mac = typeof input.mac_addr === 'string' && input.mac_addr ? input.mac_addr : null;
    const row: SimLine = {
      line_id: randomUUID(),
      username,
      password,
      mac_addr: mac,
      owner: 'billing',
      type: mac ? 'device' : 'regular',
      expire_at: addDuration(this.clock.nowSeconds(), pkg.duration, pkg.duration_in),
      is_enabled: true,
      is_restreamer: false,
      is_trial: pkg.is_trial,
      package_id: pkg.id,
      bouquets: subset.length > 0 ? subset : [...pkg.bouquets],
      max_connections: Number(input.max_connections) > 0 ? Number(input.max_connections) : pkg.max_connections,
      reseller_notes: typeof input.reseller_notes === 'string' ? input.reseller_notes : '',
    };
    this.rows.set(row.line_id, row);
    this.credits -= cost;
    this.ledger.push({ lineId: row.line_id, amount: -cost, action: 'create', rid: input.rid as string | undefined });
    return json(200, { line_id: row.line_id, expire_at: lineToWire(row).expire_at, transaction_amount: -cost, rid: input.rid ?? null });
  }

  private renew(row: SimLine, input: Body): SimResponse {
    const pkg = this.packages.find((candidate) => candidate.id === Number(input.package ?? row.package_id));
    if (!pkg) return this.error(422, 'The selected package is invalid.', { package: ['The selected package is invalid.'] });
    if (this.credits < pkg.credits) return this.error(422, 'You do not have enough credits.');
    const now = this.clock.nowSeconds();
    // From the current expiry while it is ahead, else from now.
    const from = row.expire_at !== null && row.expire_at > now ? row.expire_at : now;
    row.expire_at = addDuration(from, pkg.duration, pkg.duration_in);
    if (pkg.id !== row.package_id) {
      row.package_id = pkg.id;
      row.bouquets = [...pkg.bouquets];
      row.max_connections = pkg.max_connections;
    }
    this.credits -= pkg.credits;
    this.ledger.push({ lineId: row.line_id, amount: -pkg.credits, action: 'renew', rid: input.rid as string | undefined });
    return json(200, { line_id: row.line_id, expire_at: lineToWire(row).expire_at, transaction_amount: -pkg.credits, rid: input.rid ?? null });
  }

  private updateAdvanced(row: SimLine, input: Body): SimResponse {
    if (typeof input.username === 'string') {
      if (this.visible().some((other) => other !== row && other.username === input.username)) return this.error(422, 'The username has already been taken.');
      row.username = input.username;
    }
    if (typeof input.password === 'string') row.password = input.password;
    if ('expire_at' in input) {
      if (input.expire_at === null) row.expire_at = null;
      else {
        const ms = Date.parse(String(input.expire_at));
        if (Number.isNaN(ms)) return this.error(422, 'The expire at is not a valid date.');
        row.expire_at = Math.floor(ms / 1000);
      }
    }
    for (const flag of ['is_enabled', 'is_restreamer', 'is_trial'] as const) if (typeof input[flag] === 'boolean') row[flag] = input[flag] as boolean;
    // package_id only links the package: none of its properties are applied.
    if (input.package_id !== undefined) row.package_id = input.package_id === null ? null : Number(input.package_id);
    if (Array.isArray(input.bouquets)) row.bouquets = input.bouquets.map(Number);
    if (typeof input.reseller_notes === 'string') row.reseller_notes = input.reseller_notes;
    if (Number(input.max_connections) > 0) row.max_connections = Number(input.max_connections);
    if (typeof input.mac_addr === 'string' && row.type === 'device') row.mac_addr = input.mac_addr;
    return json(200, { line_id: row.line_id, rid: input.rid ?? null });
  }
}

function json(status: number, value: unknown): SimResponse {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}
