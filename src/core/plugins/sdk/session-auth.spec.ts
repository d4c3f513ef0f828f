import { PluginError } from './errors';
import { CookieJar, SessionAuth, splitSetCookie } from './session-auth';

const expired = () => new PluginError('TOKEN_EXPIRED', 'session expired', { retryable: false });

describe('SessionAuth', () => {
  it('logs in once, reuses the session, and renews it once on TOKEN_EXPIRED without surfacing the error', async () => {
    let sessions = 0;
    const auth = new SessionAuth({ login: async () => `s${(sessions += 1)}` });
    const valid = new Set(['s1']);
    const work = async (session: string) => {
      if (!valid.has(session)) throw expired();
      return session;
    };
    expect(await auth.run(work)).toBe('s1');
    expect(await auth.run(work)).toBe('s1');
    valid.clear();
    valid.add('s2');
    expect(await auth.run(work)).toBe('s2');
    expect(auth.logins).toBe(2);
  });

  it('a second expiry in a row is AUTH_FAILED; other errors pass through untouched', async () => {
    const auth = new SessionAuth({ login: async () => 'x' });
    await expect(auth.run(async () => Promise.reject(expired()))).rejects.toMatchObject({ code: 'AUTH_FAILED', retryable: false });
    expect(auth.logins).toBe(2);
    await expect(auth.run(async () => Promise.reject(new PluginError('USER_NOT_FOUND', 'gone')))).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(auth.logins).toBe(3);
  });

  it('shares one login among concurrent callers and one renewal among callers hit by the same expiry', async () => {
    let sessions = 0;
    const auth = new SessionAuth({ login: async () => (await new Promise((resolve) => setTimeout(resolve, 20)), `s${(sessions += 1)}`) });
    let current = 's1';
    const work = async (session: string) => {
      if (session !== current) throw expired();
      return session;
    };
    await Promise.all([1, 2, 3].map(() => auth.run(work)));
    expect(auth.logins).toBe(1);
    current = 's2';
    expect(await Promise.all([1, 2, 3].map(() => auth.run(work)))).toEqual(['s2', 's2', 's2']);
    expect(auth.logins).toBe(2);
  });

  it('renews proactively after maxAgeMs', async () => {
    let now = 0;
    const auth = new SessionAuth({ login: async () => now, maxAgeMs: 1000, clock: { now: () => new Date(now) } });
    expect(await auth.run(async (s) => s)).toBe(0);
    now = 999;
    expect(await auth.run(async (s) => s)).toBe(0);
    now = 1000;
    expect(await auth.run(async (s) => s)).toBe(1000);
  });
});

describe('CookieJar', () => {
  it('reads Set-Cookie joined with ", " (commas in Expires kept), replaces and deletes cookies', () => {
    const joined = 'XSRF-TOKEN=abc%3D; expires=Wed, 21 Oct 2099 07:28:00 GMT; Max-Age=7200; path=/, laravel_session=s1; expires=Wed, 21 Oct 2099 07:28:00 GMT; path=/; httponly';
    expect(splitSetCookie(joined)).toHaveLength(2);
    const jar = new CookieJar();
    jar.store(joined);
    expect(jar.header()).toBe('XSRF-TOKEN=abc%3D; laravel_session=s1');
    jar.store(['laravel_session=s2; path=/']);
    expect(jar.get('laravel_session')).toBe('s2');
    jar.store('XSRF-TOKEN=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT, other=1; Max-Age=0');
    expect(jar.header()).toBe('laravel_session=s2');
    expect(jar.values()).toEqual(['s2']);
  });
});
