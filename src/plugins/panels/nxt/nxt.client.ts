import {
  ConnectionStageResult,
  ConnectionTestResult,
  CookieJar,
  CreateLineInput,
  deriveCredential,
  errorForStatus,
  ExtendLineInput,
  isPluginError,
  LineRef,
  PanelClient,
  PanelConnections,
  PanelLine,
  PanelPackage,
  PanelPluginContext,
  PluginError,
  PluginHttpResponse,
  SessionAuth,
  WireFields,
} from '../../../core/plugins/sdk';
import { classifyNxt, csrfToken, NxtLineRow, parseCredits, parseOptions, stripTags, toLine, toPackage } from './nxt.wire';

export interface NxtConfig {
  username: string;
  password: string;
  loginPath?: string;
  /** The panel's time zone (dates are `DD-MM-YYYY HH:mm` wall-clock time in it). */
  timeZone?: string;
  /** Minimum time between two logins (public clients wait ≥ 5 s; the panel is believed to throttle). */
  minLoginIntervalMs?: number;
}

interface NxtSession {
  jar: CookieJar;
  csrf: string;
}

/** Login pages: an HTML 403 is the web server's allow-list; redirects and 419 are read by the login itself. */
function classifyLogin(response: PluginHttpResponse): PluginError | undefined {
  if (response.status === 403) return new PluginError('IP_NOT_ALLOWED', 'The NXT panel refused the hub\'s address (HTTP 403)', { httpStatus: 403 });
  return errorForStatus(response.status);
}

/** Bounds the extensions of one extendLine (each costs credits). */
const MAX_EXTENSIONS = 24;

/**
 * Client of an NXT reseller dashboard, driven as its public clients drive it: a session login
 * (CSRF token + cookies), then XHR calls carrying the cookies and the token. The session is kept
 * and renewed by one re-login when the panel says it expired (SDK `SessionAuth`). Lines are
 * created and extended by package (credits); the panel returns no id on create, so the line is
 * read back from the lines table. Enabling, disabling and password changes are not known to
 * exist on NXT and are not offered.
 */
export class NxtClient implements PanelClient {
  readonly auth: SessionAuth<NxtSession>;
  private readonly loginPath: string;
  private readonly timeZone: string;

  constructor(
    private readonly config: NxtConfig,
    private readonly ctx: PanelPluginContext,
  ) {
    this.loginPath = `/${(config.loginPath || '/login').replace(/^\/+/, '')}`;
    this.timeZone = config.timeZone || 'UTC';
    this.auth = new SessionAuth<NxtSession>({ login: () => this.login(), minLoginIntervalMs: config.minLoginIntervalMs ?? 5_000, clock: ctx.clock, logger: ctx.logger });
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const stages: ConnectionStageResult[] = [];
    try {
      const credits = await this.credits();
      stages.push({ stage: 'ip_allow_list', ok: true, detail: "The dashboard accepts calls from the hub's address" });
      stages.push({ stage: 'authentication', ok: true, detail: `Signed in as ${this.config.username}${credits === undefined ? '' : ` (${credits} credits)`}` });
      const packages = await this.listPackages();
      stages.push({ stage: 'permissions', ok: true, detail: `The reseller can list its packages (${packages.length})` });
      return { ok: true, stages };
    } catch (error) {
      if (!isPluginError(error)) throw error;
      const stage = error.code === 'IP_NOT_ALLOWED' ? 'ip_allow_list' : error.code === 'AUTH_FAILED' ? 'authentication' : error.code === 'FORBIDDEN' ? 'permissions' : undefined;
      if (!stage) throw error;
      if (stage !== 'ip_allow_list') stages.push({ stage: 'ip_allow_list', ok: true, detail: "The dashboard accepts calls from the hub's address" });
      stages.push({ stage, ok: false, detail: error.message, hint: error.hint });
      return { ok: false, stages, failedStage: stage };
    }
  }

  /** The reseller's credit balance ("Credits: N" on the credits log page). */
  async credits(): Promise<number | undefined> {
    return parseCredits((await this.send('GET', '/rlogs/credits', undefined, 'credits')).body);
  }

  /** Paid packages (`/lines/create/0/line`) and trial packages (`/lines/create/1/line`), scraped from their `<option data-…>`. */
  async listPackages(): Promise<PanelPackage[]> {
    const paid = parseOptions((await this.send('GET', '/lines/create/0/line', undefined, 'listPackages')).body).map((option) => toPackage(option, false));
    const trial = parseOptions((await this.send('GET', '/lines/create/1/line', undefined, 'listPackages')).body).map((option) => toPackage(option, true));
    return [...paid, ...trial.filter((pkg) => !paid.some((other) => other.externalId === pkg.externalId))];
  }

  async getPackage(externalId: string): Promise<PanelPackage | null> {
    return (await this.listPackages()).find((pkg) => pkg.externalId === externalId) ?? null;
  }

  /**
   * The panel answers create with `{"redirect":"/lines"}` only. A line already holding the
   * username is this create's own when its password is the one this create sends (derived from
   * the idempotency key, or fixed by the caller for all its attempts).
   */
  async createLine(input: CreateLineInput): Promise<PanelLine> {
    const username = input.username ?? deriveCredential(input.idempotencyKey, 'username');
    const password = input.password ?? deriveCredential(input.idempotencyKey, 'password');
    const earlier = input.firstCreate ? null : await this.findLineByUsername(username);
    if (earlier) {
      if (earlier.password === password) return earlier;
      throw new PluginError('DUPLICATE_USERNAME', `A line named ${username} already exists on the NXT panel`);
    }
    const trial = input.isTrial ? 1 : 0;
    const bouquets = await this.bouquetsOf(input.packageId, trial);
    await this.send('POST', `/lines/create/${trial}`, { line_type: 'line', username, password, mac: '', forced_country: '', package: input.packageId, current_bouquets: bouquets.join(','), q: '', description: input.notes ?? '' }, 'createLine');
    const created = await this.findLineByUsername(username);
    if (!created) throw new PluginError('UNKNOWN', `NXT accepted line ${username} but it is not in the lines table`);
    return { ...created, password: created.password ?? password, packageId: input.packageId };
  }

  async getLine(line: LineRef): Promise<PanelLine | null> {
    const rows = await this.search(line.username || line.externalId);
    const row = rows.find((candidate) => String(candidate.id) === line.externalId) ?? (line.externalId ? undefined : rows.find((candidate) => stripTags(candidate.username) === line.username));
    return row ? toLine(row, this.timeZone) : null;
  }

  async findLineByUsername(username: string): Promise<PanelLine | null> {
    const row = (await this.search(username)).find((candidate) => stripTags(candidate.username) === username);
    return row ? toLine(row, this.timeZone) : null;
  }

  /** Repeats the line's package (the one the extend page pre-selects) until the expiry reaches the wanted instant; re-reads before each step. */
  async extendLine(input: ExtendLineInput): Promise<PanelLine> {
    // The panel keeps minutes: compare at that precision, or a truncated expiry would cost one more package.
    const wanted = Math.floor(Date.parse(input.expiresAt) / 60_000) * 60_000;
    let line = await this.require(input.line);
    for (let step = 0; step < MAX_EXTENSIONS && line.expiresAt !== null && Date.parse(line.expiresAt) < wanted; step += 1) {
      const options = parseOptions((await this.send('GET', `/lines/extend/${encodeURIComponent(line.externalId)}`, undefined, 'extendLine')).body);
      const pkg = options.find((option) => option.selected) ?? (options.length === 1 ? options[0] : undefined);
      if (!pkg) throw new PluginError('INVALID_INPUT', `The NXT extend page of line ${line.externalId} pre-selects no package`);
      const bouquets = await this.bouquetsOf(pkg.value, 0);
      await this.send('POST', `/lines/extend/${encodeURIComponent(line.externalId)}`, { package: pkg.value, current_bouquets: bouquets.join(',') }, 'extendLine');
      line = await this.require(input.line);
    }
    return line;
  }

  async deleteLine(line: LineRef): Promise<void> {
    try {
      await this.send('POST', `/lines/delete/${encodeURIComponent(line.externalId)}`, {}, 'deleteLine');
    } catch (error) {
      if (!isPluginError(error) || error.code !== 'USER_NOT_FOUND') throw error;
    }
  }

  /** Live connections per username (the connections table names lines by username). */
  async connectionCount(): Promise<PanelConnections> {
    const rows = await this.table<{ username?: string }>('/rconnections/data', '', 'connectionCount');
    const byLine: Record<string, number> = {};
    for (const row of rows) byLine[stripTags(row.username ?? '')] = (byLine[stripTags(row.username ?? '')] ?? 0) + 1;
    return { total: rows.length, byLine };
  }

  private async bouquetsOf(packageId: string, trial: number): Promise<string[]> {
    const answer = (await this.send('POST', '/lines/packages', { package_id: packageId, trial }, 'bouquets')).json<{ bouquets?: { id: number | string }[] }>();
    return (answer.bouquets ?? []).map((bouquet) => String(bouquet.id));
  }

  private search(text: string): Promise<NxtLineRow[]> {
    return this.table<NxtLineRow>('/lines/data', text, 'getLine');
  }

  /** A DataTables endpoint (rows under `data` or `aaData`). */
  private async table<T>(path: string, search: string, operation: string): Promise<T[]> {
    const answer = (await this.send('POST', path, { draw: 1, start: 0, length: 1000, 'search[value]': search, 'search[regex]': 'false' }, operation, true)).json<{ data?: T[]; aaData?: T[] }>();
    return answer.data ?? answer.aaData ?? [];
  }

  private async require(line: LineRef): Promise<PanelLine> {
    const found = await this.getLine(line);
    if (!found) throw new PluginError('USER_NOT_FOUND', `Line ${line.externalId || line.username} does not exist on the NXT panel`);
    return found;
  }

  /**
   * One authenticated call. A session the panel no longer accepts is renewed by one re-login and
   * the call repeated (an expired session means the panel did not perform it).
   */
  private send(method: 'GET' | 'POST', path: string, form: WireFields | undefined, operation: string, repeatable = method === 'GET'): Promise<PluginHttpResponse> {
    return this.auth.run(async (session) => {
      const response = await this.ctx.http.request({
        method,
        url: path,
        form: form ? { _token: session.csrf, ...form } : undefined,
        headers: { cookie: session.jar.header(), 'x-csrf-token': session.csrf, 'x-requested-with': 'XMLHttpRequest', accept: 'application/json, text/html;q=0.9' },
        secrets: [this.config.password, ...session.jar.values(), session.csrf],
        operation,
        retry: repeatable,
        classify: classifyNxt(this.loginPath),
      });
      session.jar.store(response.headers['set-cookie']);
      return response;
    });
  }

  /** GET the login page (CSRF token + cookies), POST the form, follow the redirect to read the rotated token. */
  private async login(): Promise<NxtSession> {
    const jar = new CookieJar();
    const secrets = [this.config.password];
    const page = await this.ctx.http.request({ method: 'GET', url: this.loginPath, headers: { accept: 'text/html' }, secrets, operation: 'login', retry: true, classify: classifyLogin });
    jar.store(page.headers['set-cookie']);
    const token = csrfToken(page.body);
    if (!token) throw new PluginError('UNKNOWN', 'The NXT login page has no CSRF token (is the base URL the reseller dashboard?)', { httpStatus: page.status, providerMessage: stripTags(page.body).slice(0, 200) });
    const answer = await this.ctx.http.request({
      method: 'POST',
      url: this.loginPath,
      form: { _token: token, username: this.config.username, password: this.config.password },
      headers: { cookie: jar.header(), 'x-csrf-token': token, accept: 'text/html' },
      secrets: [...secrets, token],
      operation: 'login',
      retry: false,
      classify: classifyLogin,
    });
    jar.store(answer.headers['set-cookie']);
    const location = answer.headers.location ?? '';
    const backToLogin = location !== '' && new URL(location, 'http://panel').pathname.replace(/\/+$/, '') === this.loginPath;
    if (answer.status < 300 || answer.status >= 400 || backToLogin) {
      if (answer.status === 419) throw new PluginError('UNKNOWN', 'NXT refused the login form\'s CSRF token (HTTP 419)', { httpStatus: 419 });
      throw new PluginError('AUTH_FAILED', 'NXT refused the login (wrong username or password, a captcha, or two-factor authentication)', { httpStatus: answer.status, hint: 'Check the reseller username and password configured for this panel, and disable the login captcha / 2FA for this account (the hub signs in like a browser).' });
    }
    // Laravel regenerates the session and may rotate the token at login: read it from the page the login leads to.
    try {
      const landing = await this.ctx.http.request({ method: 'GET', url: location || '/', headers: { cookie: jar.header(), accept: 'text/html' }, secrets: [...secrets, ...jar.values()], operation: 'login', retry: true, classify: classifyNxt(this.loginPath) });
      jar.store(landing.headers['set-cookie']);
      return { jar, csrf: csrfToken(landing.body) ?? token };
    } catch (error) {
      // Sent back to the login page right after signing in: the panel did not keep the session.
      if (isPluginError(error) && error.code === 'TOKEN_EXPIRED') throw new PluginError('AUTH_FAILED', 'NXT did not keep the session it opened at login', { httpStatus: error.httpStatus });
      throw error;
    }
  }
}
