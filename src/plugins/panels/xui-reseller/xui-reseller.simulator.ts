import { randomBytes } from 'node:crypto';
import { mergedParams, nginxPage, randomCredential, SimRequest, SimResponse, SimulatorClock, SimulatedPanel, SimulatorServer } from '../../../core/plugins/sdk';
import { addDuration, lineToWire, packageToWire, ResellerAccount, ResellerLine, ResellerPackage, seedResellerPackages } from './xui-reseller.simulator-data';

export interface XuiResellerSimulatorOptions {
  accessCode?: string;
  apiKey?: string;
  credits?: number;
  trialsAllowed?: number;
  permissions?: Partial<ResellerAccount['permissions']>;
  /** Override prices per package id. */
  overrides?: Record<number, number>;
  packages?: ResellerPackage[];
}

type Params = Map<string, string[]>;
const one = (params: Params, key: string) => params.get(key)?.[0];

/**
 * An XUI.one panel's reseller access-code API (panels.md §1C, "Reseller API"): packages filtered
 * by the reseller's group with override prices, create/extend by package with credit debits,
 * trial quota, permission-gated changes, and the STATUS_* errors in HTTP 200 bodies.
 */
export class XuiResellerSimulator extends SimulatedPanel {
  readonly accessCode: string;
  readonly clock = new SimulatorClock();
  readonly account: ResellerAccount;
  private readonly packageRows = new Map<number, ResellerPackage>();
  private readonly lineRows = new Map<number, ResellerLine>();
  private nextId = 1;
  /** Credit ledger: every debit with its reason. */
  readonly ledger: { lineId: number; amount: number; action: 'create' | 'extend' }[] = [];

  private constructor(
    server: SimulatorServer,
    options: XuiResellerSimulatorOptions,
  ) {
    super(server);
    this.accessCode = options.accessCode ?? `r${randomBytes(4).toString('hex')}`;
    this.account = {
      id: 2,
      username: 'reseller1',
      api_key: options.apiKey ?? randomBytes(16).toString('hex').toUpperCase(),
      member_group_id: 2,
      credits: options.credits ?? 100,
      status: 1,
      trials_used: 0,
      total_allowed_gen_trials: options.trialsAllowed ?? 2,
      permissions: { create_line: true, allow_change_bouquets: false, allow_change_password: true, minimum_username_length: 4, minimum_password_length: 4, ...options.permissions },
      overrides: options.overrides ?? {},
    };
    for (const row of options.packages ?? seedResellerPackages()) this.packageRows.set(row.id, row);
  }

  static async start(options: XuiResellerSimulatorOptions = {}): Promise<XuiResellerSimulator> {
    const ref: { simulator?: XuiResellerSimulator } = {};
    const server = await SimulatorServer.start({ handle: (request) => (ref.simulator as XuiResellerSimulator).handle(request), serverError: () => nginxPage(502), rateLimited: () => nginxPage(503) });
    ref.simulator = new XuiResellerSimulator(server, options);
    return ref.simulator;
  }

  get credentials(): { accessCode: string; apiKey: string } {
    return { accessCode: this.accessCode, apiKey: this.account.api_key };
  }

  lines(): ResellerLine[] {
    return [...this.lineRows.values()].map((row) => structuredClone(row));
  }

  line(id: number | string): ResellerLine | undefined {
    const row = this.lineRows.get(Number(id));
    return row ? structuredClone(row) : undefined;
  }

  private handle(request: SimRequest): SimResponse {
    const match = /^\/([^/]+)\/?(?:index\.php)?$/.exec(request.path);
    if (!match || match[1] !== this.accessCode) return nginxPage(404);
    if (this.faults.ipNotAllowed) return nginxPage(403);
    const params = mergedParams(request);
    if (this.faults.wrongKey || one(params, 'api_key') !== this.account.api_key || this.account.status !== 1) return json({ status: 'STATUS_FAILURE', error: 'Invalid API key.' });
    const id = Number.parseInt(one(params, 'id') ?? '', 10);
    const row = this.lineRows.get(id);
    switch (one(params, 'action')) {
      case 'user_info':
        return json({ status: 'STATUS_SUCCESS', data: { id: String(this.account.id), username: this.account.username, credits: String(this.account.credits), member_group_id: String(this.account.member_group_id), status: '1' }, permissions: this.account.permissions });
      case 'packages':
        return json({ status: 'STATUS_SUCCESS', data: this.visiblePackages().map((pkg) => packageToWire(pkg, this.priceOf(pkg, false))) });
      case 'create_line':
        return this.createLine(params);
      case 'edit_line':
        return row ? this.editLine(row, params) : json({ status: 'STATUS_FAILURE' });
      case 'get_line':
        return row ? json({ status: 'STATUS_SUCCESS', data: lineToWire(row) }) : json({ status: 'STATUS_FAILURE' });
      // The decoded panels only check that the id exists, not that the reseller owns the line.
      case 'delete_line':
        return json({ status: this.lineRows.delete(id) ? 'STATUS_SUCCESS' : 'STATUS_FAILURE' });
      case 'enable_line':
      case 'disable_line':
        if (!row) return json({ status: 'STATUS_FAILURE' });
        row.enabled = one(params, 'action') === 'enable_line' ? 1 : 0;
        return json({ status: 'STATUS_SUCCESS' });
      case 'get_lines': {
        const search = (one(params, 'search[value]') ?? '').toLowerCase();
        const start = Number(one(params, 'start') ?? 0) || 0;
        const limit = Number(one(params, 'limit') ?? 50) || 50;
        const rows = [...this.lineRows.values()].filter((line) => line.member_id === this.account.id && (!search || line.username.toLowerCase().includes(search) || line.reseller_notes.toLowerCase().includes(search)));
        return json({ status: 'STATUS_SUCCESS', data: rows.slice(start, start + limit).map(lineToWire), recordsTotal: String(rows.length), recordsFiltered: Math.min(rows.length, limit) });
      }
      case 'live_connections':
        return json({ status: 'STATUS_SUCCESS', data: [], recordsTotal: '0', recordsFiltered: 0 });
      default:
        return json({ status: 'STATUS_FAILURE', error: 'Invalid action.' });
    }
  }

  private visiblePackages(): ResellerPackage[] {
    return [...this.packageRows.values()].filter((pkg) => pkg.groups.includes(this.account.member_group_id));
  }

  private priceOf(pkg: ResellerPackage, trial: boolean): number {
    if (trial) return pkg.trial_credits;
    return this.account.overrides[pkg.id] ?? pkg.official_credits;
  }

  private createLine(params: Params): SimResponse {
    const echo = Object.fromEntries([...params].filter(([key]) => key !== 'api_key').map(([key, values]) => [key, values[0]]));
    if (!this.account.permissions.create_line) return json({ status: 'STATUS_NO_PERMISSIONS', data: echo });
    const packageId = one(params, 'package');
    if (!packageId) return json({ status: 'STATUS_INVALID_PACKAGE', data: echo });
    const pkg = this.packageRows.get(Number(packageId));
    // Check order of the decoded source: the line-type check comes first, so an unknown id is INVALID_TYPE.
    if (!pkg || pkg.is_line !== 1) return json({ status: 'STATUS_INVALID_TYPE', data: echo });
    if (!pkg.groups.includes(this.account.member_group_id)) return json({ status: 'STATUS_INVALID_PACKAGE', data: echo });
    const trial = one(params, 'trial') === '1';
    if (trial && (pkg.is_trial !== 1 || this.account.trials_used >= this.account.total_allowed_gen_trials)) return json({ status: 'STATUS_NO_TRIALS', data: echo });
    if (!trial && pkg.is_official !== 1) return json({ status: 'STATUS_INVALID_PACKAGE', data: echo });
    const price = this.priceOf(pkg, trial);
    if (this.account.credits < price) return json({ status: 'STATUS_INSUFFICIENT_CREDITS', data: echo });
    const username = one(params, 'username') || randomCredential(10);
    const password = one(params, 'password') || randomCredential(10);
    if (username.length < this.account.permissions.minimum_username_length) return json({ status: 'STATUS_INVALID_USERNAME', data: echo });
    if (password.length < this.account.permissions.minimum_password_length) return json({ status: 'STATUS_INVALID_PASSWORD', data: echo });
    if ([...this.lineRows.values()].some((line) => line.username.toLowerCase() === username.toLowerCase())) return json({ status: 'STATUS_EXISTS_USERNAME', data: echo });
    const now = this.clock.nowSeconds();
    const selected = (params.get('bouquets_selected[]') ?? []).map(Number).filter((bouquet) => pkg.bouquets.includes(bouquet));
    const line: ResellerLine = {
      id: this.nextId++,
      member_id: this.account.id,
      username,
      password,
      exp_date: trial ? addDuration(now, pkg.trial_duration, pkg.trial_duration_in) : addDuration(now, pkg.official_duration, pkg.official_duration_in),
      admin_enabled: 1,
      enabled: 1,
      reseller_notes: one(params, 'reseller_notes') ?? '',
      contact: one(params, 'contact') ?? '',
      bouquet: this.account.permissions.allow_change_bouquets && selected.length > 0 ? selected : [...pkg.bouquets],
      max_connections: pkg.max_connections,
      is_trial: trial ? 1 : 0,
      is_restreamer: pkg.is_restreamer,
      package_id: pkg.id,
      created_at: now,
    };
    this.lineRows.set(line.id, line);
    this.account.credits -= price;
    if (trial) this.account.trials_used += 1;
    this.ledger.push({ lineId: line.id, amount: -price, action: 'create' });
    return json({ status: 'STATUS_SUCCESS', data: lineToWire(line) });
  }

  private editLine(row: ResellerLine, params: Params): SimResponse {
    const packageId = one(params, 'package');
    if (packageId) {
      const pkg = this.packageRows.get(Number(packageId));
      if (!pkg || pkg.is_line !== 1) return json({ status: 'STATUS_INVALID_TYPE' });
      if (!pkg.groups.includes(this.account.member_group_id) || pkg.is_official !== 1) return json({ status: 'STATUS_INVALID_PACKAGE' });
      const price = this.priceOf(pkg, false);
      if (this.account.credits < price) return json({ status: 'STATUS_INSUFFICIENT_CREDITS' });
      const now = this.clock.nowSeconds();
      const compatible = pkg.check_compatible === 0 || pkg.id === row.package_id;
      // From the old expiry while it is still running and the package is compatible, else from now.
      const from = row.exp_date !== null && row.exp_date > now && compatible ? row.exp_date : now;
      row.exp_date = addDuration(from, pkg.official_duration, pkg.official_duration_in);
      row.package_id = pkg.id;
      row.bouquet = [...pkg.bouquets];
      row.max_connections = pkg.max_connections;
      row.is_trial = 0;
      this.account.credits -= price;
      this.ledger.push({ lineId: row.id, amount: -price, action: 'extend' });
    }
    const password = one(params, 'password');
    if (password && this.account.permissions.allow_change_password) {
      if (password.length < this.account.permissions.minimum_password_length) return json({ status: 'STATUS_INVALID_PASSWORD' });
      row.password = password;
    }
    if (params.has('reseller_notes')) row.reseller_notes = one(params, 'reseller_notes') ?? '';
    return json({ status: 'STATUS_SUCCESS', data: lineToWire(row) });
  }
}

function json(value: unknown): SimResponse {
  return { status: 200, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}
