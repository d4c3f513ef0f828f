import { randomBytes } from 'node:crypto';
import { nginxPage, randomCredential, SimRequest, SimResponse, SimulatorClock, SimulatedPanel, SimulatorServer } from '../../../core/plugins/sdk';
import { addDuration, createPage, creditsPage, dashboardPage, extendPage, laravelErrorPage, loginPage, nxtDate, NxtSimLine, NxtSimPackage, seedPackages, statusBadge } from './nxt.simulator-pages';

export interface NxtSimulatorOptions {
  username?: string;
  password?: string;
  credits?: number;
  /** Idle lifetime of a session (simulator clock); null = until expireSessions(). */
  sessionTtlMs?: number | null;
  /** A login ends the account's other sessions (tokens invalidated server-side). */
  singleSession?: boolean;
  /** Logins accepted per minute before the panel throttles (429); null = no throttle. */
  loginsPerMinute?: number | null;
  /** How an expired session is answered on XHR calls: a redirect to /login (default) or 401 `Unauthenticated.`. */
  expiredAnswer?: 'redirect' | 'unauthenticated';
  /** Rows under `data` (default) or the legacy `aaData`. */
  rowsKey?: 'data' | 'aaData';
}

interface Session {
  id: string;
  csrf: string;
  user: string | null;
  lastSeen: number;
  flash?: string;
}

type Form = URLSearchParams;

/**
 * An NXT reseller dashboard (panels.md §3, §6), a Laravel application driven like a browser: login
 * page with CSRF token and `XSRF-TOKEN` / `laravel_session` cookies, POST /login → 302 with a
 * regenerated session and rotated token, session expiry (idle TTL or on demand) answered with a
 * redirect to /login (or 401), 419 on a stale CSRF token, optional login throttle and
 * single-session mode; package `<option data-…>` pages, `/lines/packages` JSON, create / extend /
 * delete answering `{"redirect":"/lines"}` or `{"error":…}`, DataTables `/lines/data` and
 * `/rconnections/data` with `DD-MM-YYYY HH:mm` dates, and the "Credits: N" page.
 */
export class NxtSimulator extends SimulatedPanel {
  readonly clock = new SimulatorClock();
  readonly options: Required<NxtSimulatorOptions>;
  credits: number;
  readonly packages: NxtSimPackage[] = seedPackages();
  private readonly sessions = new Map<string, Session>();
  private readonly rows = new Map<number, NxtSimLine>();
  private nextId = 1001;
  private loginTimes: number[] = [];
  readonly stats = { logins: 0, failedLogins: 0, expiredAnswers: 0 };
  readonly ledger: { lineId: number; amount: number; action: 'create' | 'extend' }[] = [];
  /** Live connections (settable by tests). */
  readonly connections: { username: string; stream_display_name: string; ip: string; user_agent: string; date_start: string }[] = [];

  private constructor(
    server: SimulatorServer,
    options: NxtSimulatorOptions,
  ) {
    super(server);
    this.options = { username: 'reseller1', password: `pw-${randomBytes(6).toString('hex')}`, credits: 100, sessionTtlMs: null, singleSession: false, loginsPerMinute: null, expiredAnswer: 'redirect', rowsKey: 'data', ...options };
    this.credits = this.options.credits;
  }

  static async start(options: NxtSimulatorOptions = {}): Promise<NxtSimulator> {
    // The server needs the handler before the simulator exists: the handler reads it through this holder.
    const holder: { simulator?: NxtSimulator } = {};
    const server = await SimulatorServer.start({
      handle: (request) => (holder.simulator as NxtSimulator).handle(request),
      serverError: () => ({ status: 500, body: laravelErrorPage(500, 'Server Error'), headers: { 'content-type': 'text/html' } }),
      rateLimited: () => ({ status: 429, body: laravelErrorPage(429, 'Too Many Requests'), headers: { 'content-type': 'text/html' } }),
    });
    holder.simulator = new NxtSimulator(server, options);
    return holder.simulator;
  }

  /** Ends every session (as the panel does on its own when tokens are invalidated). */
  expireSessions(): void {
    this.sessions.clear();
  }

  lines(): NxtSimLine[] {
    return [...this.rows.values()].map((row) => structuredClone(row));
  }

  line(username: string): NxtSimLine | undefined {
    const row = [...this.rows.values()].find((candidate) => candidate.username === username);
    return row ? structuredClone(row) : undefined;
  }

  edit(username: string, change: (row: NxtSimLine) => void): void {
    const row = [...this.rows.values()].find((candidate) => candidate.username === username);
    if (!row) throw new Error(`no line ${username}`);
    change(row);
  }

  remove(username: string): void {
    for (const [id, row] of this.rows) if (row.username === username) this.rows.delete(id);
  }

  /** Called before each request is handled (tests use it to end sessions at a precise point of a run). */
  beforeHandle?: (request: SimRequest) => void;

  private handle(request: SimRequest): SimResponse {
    this.beforeHandle?.(request);
    if (this.faults.ipNotAllowed) return nginxPage(403);
    const session = this.session(request);
    const { method, path } = request;
    const form = request.form;
    if (path === '/login' && method === 'GET') {
      if (session.user) return this.redirect(session, '/dashboard');
      const flash = session.flash;
      session.flash = undefined;
      return this.page(session, loginPage(session.csrf, flash));
    }
    if (path === '/login' && method === 'POST') return this.login(session, request);
    const xhr = request.headers['x-requested-with'] === 'XMLHttpRequest';
    // VerifyCsrfToken runs before the auth middleware: after an expiry the guest session's new
    // token does not match, so a POST is answered 419 before "unauthenticated" is considered.
    if (method === 'POST' && (form.get('_token') ?? request.headers['x-csrf-token']) !== session.csrf) {
      if (!session.user) this.stats.expiredAnswers += 1;
      return xhr ? this.json(session, { message: 'CSRF token mismatch.' }, 419) : { status: 419, body: laravelErrorPage(419, 'Page Expired'), headers: { 'content-type': 'text/html' } };
    }
    if (!session.user) {
      this.stats.expiredAnswers += 1;
      if (xhr && this.options.expiredAnswer === 'unauthenticated') return this.json(session, { message: 'Unauthenticated.' }, 401);
      return this.redirect(session, '/login');
    }
    if (method === 'GET' && (path === '/dashboard' || path === '/')) return this.page(session, dashboardPage(session.csrf, session.user, this.credits));
    if (method === 'GET' && path === '/rlogs/credits') return this.page(session, creditsPage(session.csrf, this.credits));
    let match = /^\/lines\/create\/([01])\/line$/.exec(path);
    if (method === 'GET' && match) return this.page(session, createPage(session.csrf, this.packages.filter((pkg) => pkg.trial === (match?.[1] === '1')), match[1] === '1'));
    if (method === 'POST' && path === '/lines/packages') {
      const pkg = this.packages.find((candidate) => String(candidate.id) === form.get('package_id'));
      return this.json(session, { bouquets: pkg?.bouquets ?? [] });
    }
    match = /^\/lines\/create\/([01])$/.exec(path);
    if (method === 'POST' && match) return this.create(session, form, match[1] === '1');
    if (method === 'POST' && path === '/lines/data') return this.table(session, form);
    if (method === 'POST' && path === '/rconnections/data') return this.json(session, { draw: Number(form.get('draw') ?? 1), recordsTotal: this.connections.length, recordsFiltered: this.connections.length, [this.options.rowsKey]: this.connections.map((row) => ({ ...row, ip: `<a href="https://ipinfo.io/${row.ip}" target="_blank">${row.ip}</a>` })) });
    match = /^\/lines\/(extend|delete)\/(\d+)$/.exec(path);
    if (match) {
      const row = this.rows.get(Number(match[2]));
      if (!row) return { status: 404, body: laravelErrorPage(404, 'Not Found'), headers: { 'content-type': 'text/html' } };
      if (match[1] === 'extend' && method === 'GET') return this.page(session, extendPage(session.csrf, this.packages.filter((pkg) => !pkg.trial), row));
      if (match[1] === 'extend' && method === 'POST') return this.extend(session, row, form);
      if (match[1] === 'delete' && method === 'POST') {
        this.rows.delete(row.id);
        return this.json(session, { redirect: '/lines' });
      }
    }
    return { status: 404, body: laravelErrorPage(404, 'Not Found'), headers: { 'content-type': 'text/html' } };
  }

  /** The request's session by its cookie; unknown, expired or absent → a fresh guest session (as Laravel starts one). */
  private session(request: SimRequest): Session {
    const cookies = Object.fromEntries(String(request.headers.cookie ?? '').split(/;\s*/).filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    const now = this.clock.now().getTime();
    const existing = this.sessions.get(cookies.laravel_session ?? '');
    if (existing && (this.options.sessionTtlMs === null || now - existing.lastSeen < this.options.sessionTtlMs)) {
      existing.lastSeen = now;
      return existing;
    }
    if (existing) this.sessions.delete(existing.id);
    const fresh: Session = { id: randomBytes(20).toString('hex'), csrf: randomBytes(20).toString('base64url'), user: null, lastSeen: now };
    this.sessions.set(fresh.id, fresh);
    return fresh;
  }

  private login(session: Session, request: SimRequest): SimResponse {
    const form = request.form;
    if ((form.get('_token') ?? request.headers['x-csrf-token']) !== session.csrf) return { status: 419, body: laravelErrorPage(419, 'Page Expired'), headers: { 'content-type': 'text/html' } };
    const now = this.clock.now().getTime();
    this.loginTimes = this.loginTimes.filter((at) => at > now - 60_000);
    if (this.options.loginsPerMinute !== null && this.loginTimes.length >= this.options.loginsPerMinute) return { status: 429, body: laravelErrorPage(429, 'Too Many Requests'), headers: { 'content-type': 'text/html', 'retry-after': '60' } };
    this.loginTimes.push(now);
    if (this.faults.wrongKey || form.get('username') !== this.options.username || form.get('password') !== this.options.password) {
      this.stats.failedLogins += 1;
      session.flash = 'These credentials do not match our records.';
      return this.redirect(session, '/login');
    }
    this.stats.logins += 1;
    if (this.options.singleSession) for (const [id, other] of this.sessions) if (other.user === this.options.username) this.sessions.delete(id);
    // Session fixation defence: a new session id and a new CSRF token.
    this.sessions.delete(session.id);
    const fresh: Session = { id: randomBytes(20).toString('hex'), csrf: randomBytes(20).toString('base64url'), user: this.options.username, lastSeen: now };
    this.sessions.set(fresh.id, fresh);
    return this.redirect(fresh, '/dashboard');
  }

  private create(session: Session, form: Form, trial: boolean): SimResponse {
    const pkg = this.packages.find((candidate) => String(candidate.id) === form.get('package') && candidate.trial === trial);
    if (!pkg) return this.json(session, { error: 'Please select a valid package.' });
    const username = form.get('username') || randomCredential(10);
    const password = form.get('password') || randomCredential(10);
    if ([...this.rows.values()].some((row) => row.username.toLowerCase() === username.toLowerCase())) return this.json(session, { error: 'The username has already been taken.' });
    if (this.credits < pkg.credits) return this.json(session, { error: 'You do not have enough credits.' });
    const chosen = String(form.get('current_bouquets') ?? '').split(',').map(Number).filter((id) => pkg.bouquets.some((bouquet) => bouquet.id === id));
    const row: NxtSimLine = {
      id: this.nextId++,
      username,
      password,
      expiresAt: addDuration(this.clock.nowSeconds(), pkg.duration, pkg.durationIn),
      connections: pkg.connections,
      packageId: pkg.id,
      bouquets: chosen.length > 0 ? chosen : pkg.bouquets.map((bouquet) => bouquet.id),
      description: form.get('description') ?? '',
      enabled: true,
      trial,
    };
    this.rows.set(row.id, row);
    this.credits -= pkg.credits;
    this.ledger.push({ lineId: row.id, amount: -pkg.credits, action: 'create' });
    return this.json(session, { redirect: '/lines' });
  }

  private extend(session: Session, row: NxtSimLine, form: Form): SimResponse {
    const pkg = this.packages.find((candidate) => String(candidate.id) === form.get('package') && !candidate.trial);
    if (!pkg) return this.json(session, { error: 'Please select a valid package.' });
    if (this.credits < pkg.credits) return this.json(session, { error: 'You do not have enough credits.' });
    const now = this.clock.nowSeconds();
    const from = row.expiresAt !== null && row.expiresAt > now ? row.expiresAt : now;
    row.expiresAt = addDuration(from, pkg.duration, pkg.durationIn);
    row.packageId = pkg.id;
    row.connections = pkg.connections;
    row.trial = false;
    this.credits -= pkg.credits;
    this.ledger.push({ lineId: row.id, amount: -pkg.credits, action: 'extend' });
    return this.json(session, { redirect: '/lines' });
  }

  private table(session: Session, form: Form): SimResponse {
    const search = (form.get('search[value]') ?? '').toLowerCase();
    const all = [...this.rows.values()];
    const filtered = all.filter((row) => !search || row.username.toLowerCase().includes(search) || String(row.id) === search);
    const start = Number(form.get('start') ?? 0) || 0;
    const length = Number(form.get('length') ?? 10) || 10;
    const now = this.clock.nowSeconds();
    const active = (username: string) => this.connections.filter((connection) => connection.username === username).length;
    const rows = filtered.slice(start, start + length).map((row) => ({ id: row.id, username: row.username, password: row.password, exp_date: nxtDate(row.expiresAt), user_connection: row.connections, active_connections: active(row.username), status: statusBadge(row, now) }));
    return this.json(session, { draw: Number(form.get('draw') ?? 1), recordsTotal: all.length, recordsFiltered: filtered.length, [this.options.rowsKey]: rows });
  }

  private cookies(session: Session): string[] {
    const expires = new Date(this.clock.now().getTime() + 2 * 3600_000).toUTCString();
    return [`XSRF-TOKEN=${encodeURIComponent(session.csrf)}; expires=${expires}; Max-Age=7200; path=/; samesite=lax`, `laravel_session=${session.id}; expires=${expires}; Max-Age=7200; path=/; httponly; samesite=lax`];
  }

  // SimResponse headers are strings; node's writeHead also takes a list, which sends one Set-Cookie per cookie as Laravel does.
  private page(session: Session, html: string): SimResponse {
    return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=UTF-8', 'set-cookie': this.cookies(session) as unknown as string } };
  }

  private json(session: Session, value: unknown, status = 200): SimResponse {
    return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json', 'set-cookie': this.cookies(session) as unknown as string } };
  }

  private redirect(session: Session, to: string): SimResponse {
    return { status: 302, body: '', headers: { location: `${this.url}${to}`, 'content-type': 'text/html; charset=UTF-8', 'set-cookie': this.cookies(session) as unknown as string } };
  }
}
