import { isPluginError, PluginError } from './errors';
import type { PluginLogger } from './runtime';

/**
 * Session and token authentication for panels that are driven through a login (web dashboards,
 * token APIs): log in once, reuse the session, and when the panel says it expired (the plugin
 * throws `TOKEN_EXPIRED`) log in again and repeat the call once — the workflow never sees the
 * expiry. Plus a small cookie jar for dashboards that keep the session in cookies.
 */
export interface SessionAuthOptions<S> {
  /** Logs in and returns the session (cookies, token…). Throws AUTH_FAILED on bad credentials. */
  login(): Promise<S>;
  /** Minimum time between two logins, for panels that throttle or punish rapid logins. */
  minLoginIntervalMs?: number;
  /** Log in again proactively once a session is this old (absent: only when the panel says it expired). */
  maxAgeMs?: number;
  clock?: { now(): Date };
  logger?: PluginLogger;
}

interface Held<S> {
  session: S;
  since: number;
}

export class SessionAuth<S> {
  private held?: Held<S>;
  private pending?: Promise<Held<S>>;
  private lastLoginAt = Number.NEGATIVE_INFINITY;
  /** Logins performed (for tests and metrics). */
  logins = 0;

  constructor(private readonly options: SessionAuthOptions<S>) {}

  /**
   * Runs `work` with a valid session. A `TOKEN_EXPIRED` from `work` discards the session, logs in
   * once more and repeats `work`; a second expiry in a row is AUTH_FAILED (the fresh session was
   * refused: not something a retry fixes). Only repeat-safe work belongs here — a panel that
   * answers "session expired" has not performed the call.
   */
  async run<T>(work: (session: S) => Promise<T>): Promise<T> {
    const first = await this.current();
    try {
      return await work(first.session);
    } catch (error) {
      if (!isPluginError(error) || error.code !== 'TOKEN_EXPIRED') throw error;
      this.options.logger?.info('panel session expired; logging in again', { reason: error.message });
      this.discard(first);
      const fresh = await this.current();
      try {
        return await work(fresh.session);
      } catch (again) {
        if (!isPluginError(again) || again.code !== 'TOKEN_EXPIRED') throw again;
        this.discard(fresh);
        throw new PluginError('AUTH_FAILED', 'The panel rejected a session it had just opened', {
          providerMessage: again.providerMessage,
          hint: 'The panel ends the hub\'s sessions right after login: check that no other client logs in with the same account, and that the account is not limited to one session.',
        });
      }
    }
  }

  /** Forgets the session (e.g. after a credentials change). */
  invalidate(): void {
    this.held = undefined;
  }

  private async current(): Promise<Held<S>> {
    const now = this.now();
    if (this.held && (this.options.maxAgeMs === undefined || now - this.held.since < this.options.maxAgeMs)) return this.held;
    // Single flight: concurrent callers share one login.
    this.pending ??= this.login().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async login(): Promise<Held<S>> {
    const wait = this.lastLoginAt + (this.options.minLoginIntervalMs ?? 0) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastLoginAt = Date.now();
    this.logins += 1;
    const session = await this.options.login();
    this.held = { session, since: this.now() };
    return this.held;
  }

  /** Drops the session only if it is still the one that failed (another caller may have renewed it already). */
  private discard(failed: Held<S>): void {
    if (this.held === failed) this.held = undefined;
  }

  private now(): number {
    return (this.options.clock?.now() ?? new Date()).getTime();
  }
}

/** Splits a Set-Cookie header that holds several cookies joined with ", " (commas inside Expires dates are kept). */
export function splitSetCookie(header: string | string[] | undefined): string[] {
  if (!header) return [];
  const parts = Array.isArray(header) ? header : [header];
  return parts.flatMap((part) => part.split(/,\s*(?=[^;=,\s]+=)/)).map((cookie) => cookie.trim()).filter(Boolean);
}

/** The cookies of one session with one panel: fed with every Set-Cookie answer, sent as one Cookie header. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Applies a response's Set-Cookie header(s); expired or `Max-Age=0` cookies are removed. */
  store(setCookie: string | string[] | undefined, now = new Date()): void {
    for (const cookie of splitSetCookie(setCookie)) {
      const [pair, ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, raw = ''] = attribute.split('=').map((piece) => piece.trim());
        if (/^max-age$/i.test(key)) return Number(raw) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(raw) <= now.getTime();
        return false;
      });
      if (expired || value === '' || value === 'deleted') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  get size(): number {
    return this.cookies.size;
  }

  /** The Cookie request header (empty string when the jar is empty). */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** The cookie values (to keep them out of logs). */
  values(): string[] {
    return [...this.cookies.values()];
  }

  clear(): void {
    this.cookies.clear();
  }
}
