import { SimRequest, SimResponse, SimulatorClock, SimulatedPanel, SimulatorServer } from '../../../core/plugins/sdk';
import { hashPassword, MinistraPackageRow, MinistraTariffRow, MinistraUserRow, NO_DATE, normaliseEndDate, parseForm, seedServicePackages, seedTariffs } from './ministra.simulator-data';

export interface MinistraSimulatorOptions {
  /** [server_api] enable_api (default true). */
  enableApi?: boolean;
  /** api_auth_login / api_auth_password; an empty login runs the API without auth. */
  authLogin?: string;
  authPassword?: string;
  /** enable_internal_billing: end_date is shown by GET and enforced by the expiry cron (default false, as shipped). */
  internalBilling?: boolean;
}

type Form = Map<string, string[]>;
type Action = 'get' | 'create' | 'update' | 'delete';
const ACTIONS: Record<string, Action> = { GET: 'get', POST: 'create', PUT: 'update', DELETE: 'delete' };
const FIELDS = ['login', 'password', 'full_name', 'phone', 'account_number', 'tariff_plan', 'status', 'stb_mac', 'comment', 'end_date', 'account_balance'];
const MAC = /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/i;

class ApiError extends Error {}

/**
 * A Ministra portal's REST API v1 (panels.md §2, §6): `/stalker_portal/api/` and `/api/v1/`,
 * `enable_api` and HTTP Basic auth, form bodies only, the OK/ERROR envelope with the portal's
 * error texts, identifier rules (MAC vs account number vs login, several users per account
 * number), the inverted `status`, tariff plans by external_id (unknown → default plan, silently),
 * `end_date` visible and enforced only with internal billing, create answering `true`, service
 * packages and account subscriptions.
 */
export class MinistraSimulator extends SimulatedPanel {
  readonly clock = new SimulatorClock();
  readonly options: Required<MinistraSimulatorOptions>;
  readonly tariffs: MinistraTariffRow[] = seedTariffs();
  readonly servicePackages: MinistraPackageRow[] = seedServicePackages();
  private readonly users = new Map<number, MinistraUserRow>();
  private nextId = 1;
  /** Events pushed to boxes ("cut off" / "cut on" on status changes). */
  readonly events: { login: string; event: string }[] = [];

  private constructor(
    server: SimulatorServer,
    options: MinistraSimulatorOptions,
  ) {
    super(server);
    this.options = { enableApi: true, authLogin: 'billing', authPassword: 'S3cret-api-pass', internalBilling: false, ...options };
  }

  static async start(options: MinistraSimulatorOptions = {}): Promise<MinistraSimulator> {
    // The server needs the handler before the simulator exists: the handler reads it through this holder.
    const holder: { simulator?: MinistraSimulator } = {};
    const server = await SimulatorServer.start({
      handle: (request) => (holder.simulator as MinistraSimulator).handle(request),
      serverError: () => apachePage(500, 'Internal Server Error'),
      rateLimited: () => apachePage(429, 'Too Many Requests'),
    });
    holder.simulator = new MinistraSimulator(server, options);
    return holder.simulator;
  }

  accounts(): MinistraUserRow[] {
    return [...this.users.values()].map((row) => structuredClone(row));
  }

  account(login: string): MinistraUserRow | undefined {
    const row = [...this.users.values()].find((user) => user.login === login);
    return row ? structuredClone(row) : undefined;
  }

  /** Changes an account directly in the portal (as an operator in the admin UI would). */
  edit(login: string, change: (row: MinistraUserRow) => void): void {
    const row = [...this.users.values()].find((user) => user.login === login);
    if (!row) throw new Error(`no account ${login}`);
    change(row);
  }

  remove(login: string): void {
    for (const [id, row] of this.users) if (row.login === login) this.users.delete(id);
  }

  checkPassword(login: string, password: string): boolean {
    const row = [...this.users.values()].find((user) => user.login === login);
    return !!row && row.password === hashPassword(password, row.id);
  }

  /** Adds a user directly (e.g. a second box on an existing account number). */
  seedUser(fields: Partial<MinistraUserRow> & { login: string }): MinistraUserRow {
    const id = this.nextId++;
    const row: MinistraUserRow = { id, password: '', full_name: '', phone: '', ls: '', tariff_plan_id: 0, stb_mac: '', status: 0, comment: '', end_date: NO_DATE, account_balance: '0.00', online: 0, last_active: NO_DATE, subscribed: [], ...fields };
    this.users.set(id, row);
    return row;
  }

  /** The portal's check_user_expire_date task: with internal billing on, blocks accounts whose end_date day has come. */
  runExpiryCron(): number {
    if (!this.options.internalBilling) return 0;
    const today = this.clock.now().toISOString().slice(0, 10);
    let blocked = 0;
    for (const row of this.users.values()) {
      if (row.end_date !== NO_DATE && row.end_date.slice(0, 10) <= today && row.status === 0) {
        row.status = 1;
        blocked += 1;
      }
    }
    return blocked;
  }

  private handle(request: SimRequest): SimResponse {
    if (/^\/stalker_portal\/api\/v2\//.test(request.path)) return { status: 200, body: 'API v2 deprecated', headers: { 'content-type': 'text/plain' } };
    const match = /^\/stalker_portal\/api\/(?:v1\/)?(.*)$/.exec(request.path);
    if (!match) return apachePage(404, 'Not Found');
    if (this.faults.ipNotAllowed) return apachePage(403, 'Forbidden');
    if (!this.options.enableApi) return { status: 404, body: 'API not enabled', headers: { 'content-type': 'text/plain' } };
    if (this.options.authLogin && (this.faults.wrongKey || !this.authorised(request))) {
      return { status: 401, headers: { 'www-authenticate': 'Basic realm="Stalker API"', 'content-type': 'application/json' }, body: JSON.stringify({ status: 'ERROR', results: '', error: '401 Unauthorized request' }) };
    }
    const [resource = '', idPart = ''] = match[1].split('/');
    const ids = idPart ? idPart.split(',').map((id) => id.trim()) : [];
    const action = ACTIONS[request.method];
    try {
      if (!resource) throw new ApiError('Empty resource');
      if (!action) throw new ApiError('Not supported method');
      // php://input through parse_str: a JSON body is not form data, so it reads as empty.
      const isJson = /json/i.test(String(request.headers['content-type'] ?? '')) || /^\s*[[{]/.test(request.rawBody);
      const form = isJson ? new Map<string, string[]>() : parseForm(request.rawBody);
      return ok(this.dispatch(resource, action, ids, form));
    } catch (error) {
      if (error instanceof ApiError) return json({ status: 'ERROR', results: null, error: error.message });
      throw error;
    }
  }

  private authorised(request: SimRequest): boolean {
    const header = String(request.headers.authorization ?? '');
    if (!header.startsWith('Basic ')) return false;
    const [login, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return login === this.options.authLogin && rest.join(':') === this.options.authPassword;
  }

  private dispatch(resource: string, action: Action, ids: string[], form: Form): unknown {
    const unsupported = () => new ApiError(`Resource "${resource}" does not support action "${action}"`);
    switch (resource) {
      case 'accounts':
      case 'users':
        return this.accountsResource(resource, action, ids, form);
      case 'tariffs':
        if (action !== 'get') throw unsupported();
        // Numeric internal id here, unlike accounts (external_id); unknown → null, no error.
        if (ids.length > 0) return this.tariffToWire(this.tariffs.find((tariff) => String(tariff.id) === ids[0])) ?? null;
        return this.tariffs.map((tariff) => this.tariffToWire(tariff));
      case 'services_package':
        if (action !== 'get') throw unsupported();
        if (ids.length > 0) return this.servicePackages.find((pkg) => String(pkg.id) === ids[0]) ?? null;
        return this.servicePackages;
      case 'account_subscription':
        return this.subscriptionResource(action, ids, form);
      default:
        throw new ApiError(`Resource "${resource.split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}" does not exist`);
    }
  }

  private accountsResource(resource: 'accounts' | 'users', action: Action, ids: string[], form: Form): unknown {
    if (action === 'create') return this.create(form);
    if (action === 'get') {
      if (ids.length === 0) return [...this.users.values()].map((row) => this.toWire(row));
      const found = ids.map((id) => this.resolve(resource, id));
      if (ids.length === 1 && found[0].length === 0) throw new ApiError('Account not found');
      if (found.some((rows) => rows.length === 0)) throw new ApiError('One or more identifiers are incorrect');
      const rows = found.flat().map((row) => this.toWire(row));
      // `users` answers a single object, `accounts` always a list.
      return resource === 'users' ? rows[0] : rows;
    }
    if (ids.length === 0) throw new ApiError('Identifier required');
    if (ids.length > 1) throw new ApiError('Only one identifier allowed');
    if (action === 'delete' && resource === 'users') throw new ApiError(`Resource "users" does not support action "delete"`);
    const rows = this.resolve(resource, ids[0]);
    if (action === 'delete') {
      if (rows.length === 0) throw new ApiError('Account not found');
      for (const row of rows) this.users.delete(row.id);
      return true;
    }
    if (form.size === 0) throw new ApiError('HTTP POST data is empty');
    const data = pick(form);
    if (Object.keys(data).length === 0) throw new ApiError('Insert data is empty');
    if (rows.length === 0) throw new ApiError('Account not found');
    if (data.login !== undefined && [...this.users.values()].some((user) => user.login === data.login && !rows.includes(user))) throw new ApiError('Login already in use');
    if (data.stb_mac) this.checkMac(data.stb_mac, rows);
    for (const row of rows) this.apply(row, data);
    return true;
  }

  private create(form: Form): boolean {
    if (form.size === 0) throw new ApiError('HTTP POST data is empty');
    const data = pick(form);
    if (Object.keys(data).length === 0) throw new ApiError('Insert data is empty');
    if (!data.login) throw new ApiError('Login required');
    if ([...this.users.values()].some((user) => user.login === data.login)) throw new ApiError('Login already in use');
    if (data.stb_mac) this.checkMac(data.stb_mac, []);
    const row = this.seedUser({ login: data.login });
    this.apply(row, data);
    return true;
  }

  private apply(row: MinistraUserRow, data: Record<string, string>): void {
    if (data.login !== undefined) row.login = data.login;
    if (data.password !== undefined) row.password = hashPassword(data.password, row.id);
    if (data.full_name !== undefined) row.full_name = data.full_name;
    if (data.phone !== undefined) row.phone = data.phone;
    if (data.account_number !== undefined) row.ls = data.account_number;
    if (data.comment !== undefined) row.comment = data.comment;
    if (data.account_balance !== undefined) row.account_balance = data.account_balance;
    // An unknown external_id silently becomes the default plan (tariff_plan_id 0).
    if (data.tariff_plan !== undefined) row.tariff_plan_id = this.tariffs.find((tariff) => tariff.external_id !== '' && tariff.external_id === data.tariff_plan)?.id ?? 0;
    if (data.end_date !== undefined) row.end_date = data.end_date === '' ? NO_DATE : (normaliseEndDate(data.end_date) ?? NO_DATE);
    if (data.stb_mac !== undefined) row.stb_mac = data.stb_mac.toUpperCase();
    if (data.status !== undefined) {
      // The API's 1 = on is the DB's 0 = on; the portal tells the box.
      const db = data.status === '1' ? 0 : 1;
      if (db !== row.status) this.events.push({ login: row.login, event: db === 0 ? 'cut_on' : 'cut_off' });
      row.status = db;
    }
  }

  private checkMac(mac: string, own: MinistraUserRow[]): void {
    if (!MAC.test(mac)) throw new ApiError('Not valid mac address');
    if ([...this.users.values()].some((user) => user.stb_mac.toUpperCase() === mac.toUpperCase() && !own.includes(user))) throw new ApiError('MAC address already in use');
  }

  /** accounts: MAC (≥12 chars with ':') or account number; users: MAC or login. */
  private resolve(resource: 'accounts' | 'users' | 'account_subscription', id: string): MinistraUserRow[] {
    const rows = [...this.users.values()];
    if (id.length >= 12 && id.includes(':')) return rows.filter((row) => row.stb_mac.toUpperCase() === id.toUpperCase());
    if (resource === 'users') return rows.filter((row) => row.login === id);
    return rows.filter((row) => row.ls !== '' && row.ls === id);
  }

  private subscriptionResource(action: Action, ids: string[], form: Form): unknown {
    if (ids.length === 0) throw new ApiError('Identifier required');
    if (ids.length > 1 && action !== 'get') throw new ApiError('Only one identifier allowed');
    const rows = ids.flatMap((id) => this.resolve('account_subscription', id));
    if (rows.length === 0) throw new ApiError('Account not found');
    if (action === 'get') return rows.map((row) => ({ mac: row.stb_mac, ...this.subscribedOf(row) }));
    const byExternal = (values: string[] = []) => values.map((value) => this.servicePackages.find((pkg) => pkg.external_id === value)?.id).filter((id): id is number => id !== undefined);
    const byId = (values: string[] = []) => values.map(Number).filter((id) => this.servicePackages.some((pkg) => pkg.id === id));
    const add = [...byExternal(form.get('subscribed[]')), ...byId(form.get('subscribed_id[]'))];
    const remove = [...byExternal(form.get('unsubscribed[]')), ...byId(form.get('unsubscribed_id[]'))];
    for (const row of rows) {
      if (action === 'delete') row.subscribed = [];
      else if (action === 'create') {
        if (form.size === 0) throw new ApiError('Insert data is empty');
        row.subscribed = [...new Set(add)];
      } else {
        if (form.size === 0) throw new ApiError('Insert data is empty');
        row.subscribed = [...new Set([...row.subscribed, ...add])].filter((id) => !remove.includes(id));
      }
    }
    return true;
  }

  private subscribedOf(row: MinistraUserRow): { subscribed: string[]; subscribed_id: string[] } {
    const packages = row.subscribed.map((id) => this.servicePackages.find((pkg) => pkg.id === id)).filter((pkg): pkg is MinistraPackageRow => !!pkg);
    return { subscribed: packages.map((pkg) => pkg.external_id), subscribed_id: packages.map((pkg) => String(pkg.id)) };
  }

  private tariffToWire(tariff: MinistraTariffRow | undefined): unknown {
    if (!tariff) return undefined;
    return { id: String(tariff.id), external_id: tariff.external_id, name: tariff.name, user_default: tariff.user_default, packages: tariff.packages.map((entry) => ({ ...this.servicePackages.find((pkg) => pkg.id === entry.id), optional: entry.optional ? '1' : '0' })) };
  }

  private toWire(row: MinistraUserRow): Record<string, unknown> {
    const plan = this.tariffs.find((tariff) => tariff.id === row.tariff_plan_id) ?? this.tariffs.find((tariff) => tariff.user_default);
    const out: Record<string, unknown> = {
      login: row.login,
      full_name: row.full_name,
      phone: row.phone,
      account_number: row.ls,
      tariff_plan: plan?.external_id ?? '',
      stb_sn: '',
      stb_mac: row.stb_mac,
      stb_type: '',
      status: row.status === 0 ? 1 : 0,
      online: String(row.online),
      ip: '',
      version: '',
      comment: row.comment,
      account_balance: row.account_balance,
      last_active: row.last_active,
      ...this.subscribedOf(row),
    };
    // Only with internal billing does the API show end_date (inserted where the portal puts it).
    if (this.options.internalBilling) out.end_date = row.end_date;
    return out;
  }
}

function pick(form: Form): Record<string, string> {
  const data: Record<string, string> = {};
  for (const field of FIELDS) if (form.has(field)) data[field] = (form.get(field) as string[])[0].trim();
  return data;
}

function ok(results: unknown): SimResponse {
  return json({ status: 'OK', results });
}

function json(value: unknown): SimResponse {
  return { status: 200, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}

function apachePage(status: number, title: string): SimResponse {
  return { status, headers: { 'content-type': 'text/html' }, body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${title}</title>\n</head><body>\n<h1>${title}</h1>\n<hr>\n<address>Apache/2.4 Server</address>\n</body></html>\n` };
}
