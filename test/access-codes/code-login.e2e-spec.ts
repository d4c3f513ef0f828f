import request from 'supertest';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';
import { audit, createCode, createPortal, events } from './helpers';

const POLICY_ENV = {
  HUB_CODE_LOGIN_BUDGET: '5',
  HUB_CODE_LOGIN_LOCKOUT_SECONDS: '1',
  HUB_CODE_LOGIN_FAILURE_FLOOR_MS: '60',
  HUB_CODE_LOGIN_ALARM_FAILURES: '1000',
  HUB_CODE_LOGIN_ALARM_WINDOW_SECONDS: '3600',
};

let nextAddress = 1;
/** A fresh client address for each attempt, so the budget does not interfere with what a test measures. */
const freshAddress = () => `203.0.113.${nextAddress++}`;

describe('code login', () => {
  let hub: TestApp;
  let active: Record<string, any>;
  let inactive: Record<string, any>;
  let expired: Record<string, any>;

  beforeAll(async () => {
    // The hub sits behind a reverse proxy on loopback: X-Forwarded-For from it names the client.
    hub = await createTestApp({ env: { ...POLICY_ENV, HUB_TRUSTED_PROXIES: 'loopback' } });
    const portal = await createPortal(hub, 'Login portal', 'http://xtream.example.com:8080');
    active = await createCode(hub, { code: 'LGN4A', portalId: portal.id, username: 'xt_user', password: 'Xt-Secret-9', expiresAt: '2099-01-01T00:00:00Z' });
    inactive = await createCode(hub, { code: 'LGN4B', portalId: portal.id, status: 'inactive' });
    expired = await createCode(hub, { code: 'LGN4C', portalId: portal.id, expiresAt: '2020-01-01T00:00:00Z' });
  });
  afterAll(() => hub?.close());

  const login = (code: string, address?: string, target: TestApp = hub) => {
    const req = request(target.app.getHttpServer()).post('/codes/login').send({ code });
    return address ? req.set('X-Forwarded-For', address) : req;
  };

  it('returns the portal URL and the credentials for an active code, without an API key', async () => {
    const res = await login('  lgn4a ', freshAddress()).expect(200);
    expect(res.body).toEqual({ code: 'LGN4A', portalName: 'Login portal', portalUrl: 'http://xtream.example.com:8080', username: 'xt_user', password: 'Xt-Secret-9', expiresAt: '2099-01-01T00:00:00.000Z' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('gives unknown, inactive, expired and malformed codes the same answer in the same time envelope', async () => {
    const kinds = { unknown: 'ZZZZ9', inactive: inactive.code, expired: expired.code, malformed: 'O0' };
    const timings: Record<string, number[]> = { unknown: [], inactive: [], expired: [], malformed: [] };
    const bodies = new Set<string>();
    for (let round = 0; round < 6; round++) {
      for (const [kind, code] of Object.entries(kinds)) {
        const started = performance.now();
        const res = await login(code, freshAddress()).expect(401);
        timings[kind].push(performance.now() - started);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const { correlationId: _c, instance: _i, ...rest } = res.body;
        bodies.add(JSON.stringify(rest));
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ type: 'https://iptv-hub.dev/problems/invalid-code', title: 'Unauthorized', status: 401, detail: 'The access code is not valid', code: 'INVALID_CODE' })]);
    const medians = Object.fromEntries(Object.entries(timings).map(([kind, values]) => [kind, [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]]));
    for (const values of Object.values(timings)) for (const ms of values) expect(ms).toBeGreaterThanOrEqual(59);
    const spread = Math.max(...Object.values(medians)) - Math.min(...Object.values(medians));
    // Every failure waits for the 60 ms floor; what remains is scheduling noise.
    expect(spread).toBeLessThan(25);
  });

  it('locks an address out after its budget with 429 and Retry-After, while another address still logs in', async () => {
    const attacker = '198.51.100.23';
    for (let i = 0; i < 5; i++) await login(`ZZZ${'ABCDE'[i]}`, attacker).expect(401);
    const locked = await login('ZZZF', attacker).expect(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', status: 429 });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Even the right code waits out the lockout from that address…
    await login(active.code, attacker).expect(429);
    // …while another client is unaffected.
    await login(active.code, '198.51.100.24').expect(200);

    const entries = await audit(hub, { action: 'access_code.login' });
    const fromAttacker = entries.filter((entry) => entry.ip === attacker);
    expect(fromAttacker.length).toBe(7);
    expect(fromAttacker.filter((entry) => entry.details.result === 'locked_out')).toHaveLength(2);
    expect(fromAttacker.every((entry) => entry.outcome === 'denied' && entry.actorType === 'anonymous')).toBe(true);
    expect(entries.find((entry) => entry.ip === '198.51.100.24')).toMatchObject({ outcome: 'success', targetId: active.id, details: { result: 'ok' } });
    expect(JSON.stringify(entries)).not.toContain('Xt-Secret-9');
    expect(JSON.stringify(entries)).not.toContain('xt_user');
  });

  it('doubles the lockout each time the budget is spent again', async () => {
    const attacker = '198.51.100.77';
    for (let i = 0; i < 5; i++) await login('ZZZZ', attacker).expect(401);
    const first = Number((await login('ZZZZ', attacker).expect(429)).headers['retry-after']);
    expect(first).toBe(1);
    await waitFor(async () => (await login(active.code, attacker)).status === 200, { timeoutMs: 5000, intervalMs: 200, message: 'the first lockout to end' });
    for (let i = 0; i < 5; i++) await login('ZZZZ', attacker).expect(401);
    const second = Number((await login('ZZZZ', attacker).expect(429)).headers['retry-after']);
    expect(second).toBe(2);
  });

  it('shares the budget across hub processes, and ignores X-Forwarded-For from untrusted peers', async () => {
    // A second process on the same database (and Redis in scale-out) that trusts no proxy.
    const other = await createTestApp({ database: hub.database, env: POLICY_ENV });
    try {
      // Spoofed X-Forwarded-For values do not give an attacker fresh budgets: all count for 127.0.0.1.
      for (let i = 0; i < 5; i++) await login('ZZZZ', `192.0.2.${i + 1}`, other).expect(401);
      await login('ZZZZ', '192.0.2.99', other).expect(429);
      // The first process (which trusts loopback) sees the same lockout for the direct client 127.0.0.1.
      await login(active.code, undefined, hub).expect(429);
      await login(active.code, '198.51.100.200', hub).expect(200);
      const entries = await audit(hub, { action: 'access_code.login' });
      expect(entries.some((entry) => entry.ip?.startsWith('192.0.2.'))).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe('code login anomaly alarm', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp({
      env: { ...POLICY_ENV, HUB_CODE_LOGIN_BUDGET: '1000', HUB_CODE_LOGIN_ALARM_FAILURES: '8', HUB_CODE_LOGIN_FAILURE_FLOOR_MS: '0', HUB_TRUSTED_PROXIES: 'loopback' },
    });
  });
  afterAll(() => hub?.close());

  it('raises access_code.bruteforce_suspected once when failures across addresses reach the threshold', async () => {
    const attempt = (i: number) => request(hub.app.getHttpServer()).post('/codes/login').set('X-Forwarded-For', `100.64.0.${i}`).send({ code: 'NOPE1' }).expect(401);
    for (let i = 1; i <= 7; i++) await attempt(i);
    expect(await events(hub, 'access_code.bruteforce_suspected')).toHaveLength(0);
    await attempt(8);
    const [alarm] = await waitFor(async () => {
      const found = await events(hub, 'access_code.bruteforce_suspected');
      return found.length > 0 ? found : undefined;
    });
    expect(alarm.payload).toMatchObject({ failures: 8, threshold: 8, windowSeconds: 3600 });
    for (let i = 9; i <= 12; i++) await attempt(i);
    expect(await events(hub, 'access_code.bruteforce_suspected')).toHaveLength(1);
    expect((await audit(hub, { action: 'access_code.bruteforce_suspected' }))).toHaveLength(1);
  });
});
