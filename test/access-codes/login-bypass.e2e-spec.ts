import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/test-app';
import { audit, createCode, createPortal } from './helpers';

const POLICY_ENV = {
  HUB_CODE_LOGIN_BUDGET: '5',
  HUB_CODE_LOGIN_LOCKOUT_SECONDS: '30',
  HUB_CODE_LOGIN_FAILURE_FLOOR_MS: '20',
  HUB_CODE_LOGIN_ALARM_FAILURES: '100000',
  HUB_CODE_LOGIN_ALARM_WINDOW_SECONDS: '3600',
  HUB_TRUSTED_PROXIES: 'loopback',
};

/** Ways around the per-address budget of the public code login. */
describe('code login budget cannot be bypassed', () => {
  let hub: TestApp;
  let valid: Record<string, any>;

  beforeAll(async () => {
    hub = await createTestApp({ env: POLICY_ENV });
    const portal = await createPortal(hub, 'Bypass portal', 'http://bypass.example.com:8080');
    valid = await createCode(hub, { code: 'BYP4SS', portalId: portal.id, username: 'byp_user', password: 'Byp-Secret-1' });
  });
  afterAll(() => hub?.close());

  const login = (code: string, address: string) => request(hub.app.getHttpServer()).post('/codes/login').set('X-Forwarded-For', address).send({ code });

  it('gives a burst of concurrent guesses no more tries than the budget', async () => {
    const attacker = '198.18.7.1';
    // 40 guesses at once, the right code among them: only the budget's worth of them may be looked up.
    const guesses = [...Array.from({ length: 39 }, (_, i) => `ZZ${'ABCDEFGHJK'[i % 10]}${'ABCD'[Math.floor(i / 10)]}`), valid.code];
    const answers = await Promise.all(guesses.map((code) => login(code, attacker)));
    const statuses = answers.map((res) => res.status);
    // The right code counts among the budget's tries when it is looked up at all.
    expect(statuses.filter((status) => status === 401 || status === 200).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(35);
    // Locked out afterwards, right code included.
    await login(valid.code, attacker).expect(429);
    const entries = (await audit(hub, { action: 'access_code.login' })).filter((entry) => entry.ip === attacker);
    expect(entries.filter((entry) => entry.details.result === 'invalid').length).toBeLessThanOrEqual(5);
  });

  it('counts a whole IPv6 /64 as one client (an attacker holds every address of it)', async () => {
    for (let i = 1; i <= 5; i++) await login('ZZZZ', `2001:db8:aa:bb::${i.toString(16)}`).expect(401);
    await login('ZZZZ', '2001:db8:aa:bb:1:2:3:4').expect(429);
    await login(valid.code, '2001:db8:aa:bb:ffff::9').expect(429);
    // Another /64 is another client.
    await login(valid.code, '2001:db8:aa:bc::1').expect(200);
    // The audit keeps the full address.
    const entries = await audit(hub, { action: 'access_code.login' });
    expect(entries.some((entry) => entry.ip === '2001:db8:aa:bb:1:2:3:4')).toBe(true);
  });

  it('counts an IPv4 client the same whether it arrives as IPv4 or IPv4-mapped IPv6', async () => {
    for (let i = 0; i < 5; i++) await login('ZZZZ', i % 2 === 0 ? '198.18.9.9' : '::ffff:198.18.9.9').expect(401);
    await login(valid.code, '::ffff:198.18.9.9').expect(429);
    await login(valid.code, '198.18.9.9').expect(429);
  });

  it('does not spend the budget on successful logins', async () => {
    const client = '198.18.8.8';
    for (let i = 0; i < 12; i++) await login(valid.code, client).expect(200);
    for (let i = 0; i < 5; i++) await login('ZZZZ', client).expect(401);
    await login(valid.code, client).expect(429);
  });
});
