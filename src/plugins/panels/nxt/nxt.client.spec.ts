import { createBasicHttpClient, createTestPanelClient, PluginHttpClient, PluginHttpRequest, pluginFailureOf } from '../../../core/plugins/sdk';
import { NxtClient } from './nxt.client';
import { nxtPlugin } from './nxt.plugin';
import { NxtSimulator, NxtSimulatorOptions } from './nxt.simulator';
import { fromNxtDate, isLoginPage, parseOptions } from './nxt.wire';

describe('NXT reseller dashboard', () => {
  let sim: NxtSimulator;
  let client: NxtClient;
  let sent: PluginHttpRequest[];
  const start = async (options: NxtSimulatorOptions = {}, config: Record<string, unknown> = {}) => {
    sim = await NxtSimulator.start({ credits: 50, ...options });
    ({ client, sent } = createTestPanelClient<NxtClient>(nxtPlugin, { username: sim.options.username, password: sim.options.password, minLoginIntervalMs: 0, ...config }, { baseUrl: sim.url, clock: { now: () => sim.clock.now() } }));
  };
  const create = (key: string, packageId = '11', extra: Record<string, unknown> = {}) => client.createLine({ packageId, expiresAt: null, maxConnections: 1, idempotencyKey: key, ...extra });

  afterEach(() => sim?.close());

  it('logs in with the CSRF token and cookies, then uses the rotated token on XHR calls; one login serves many calls', async () => {
    await start();
    await create('l-1');
    const [page, post, landing] = sent;
    expect([page.method, page.url, post.method, post.url, landing.url]).toEqual(['GET', '/login', 'POST', '/login', `${sim.url}/dashboard`]);
    expect(post.form).toMatchObject({ username: sim.options.username, _token: expect.any(String) });
    expect(post.headers?.cookie).toMatch(/laravel_session=/);
    const xhr = sent.find((req) => req.url === '/lines/data') as PluginHttpRequest;
    expect(xhr.headers).toMatchObject({ 'x-requested-with': 'XMLHttpRequest', 'x-csrf-token': xhr.form?._token });
    // Laravel rotates the token at login: the XHR calls carry the new one, not the login form's.
    expect(xhr.form?._token).not.toBe(post.form?._token);
    await client.getLine({ externalId: '1001', username: 'x' });
    await client.listPackages();
    expect(sim.stats.logins).toBe(1);
  });

  it.each(['redirect', 'unauthenticated'] as const)('recovers a session that expires mid-run with exactly one re-login and no failed call (%s)', async (expiredAnswer) => {
    await start({ expiredAnswer });
    const line = await create('exp-1');
    sim.expireSessions();
    // POSTs meet a 419 (the guest session's token differs), GETs a redirect to /login or a 401.
    const extended = await client.extendLine({ line, expiresAt: new Date(Date.parse(line.expiresAt as string) + 20 * 86_400_000).toISOString() });
    expect(Date.parse(extended.expiresAt as string)).toBeGreaterThan(Date.parse(line.expiresAt as string));
    sim.expireSessions();
    expect((await client.listPackages()).length).toBeGreaterThan(0);
    expect(sim.stats.logins).toBe(3);
    expect(sim.stats.expiredAnswers).toBe(2);
    expect(client.auth.logins).toBe(3);
  });

  it('renews an idle-expired session (TTL on the panel clock) the same way', async () => {
    await start({ sessionTtlMs: 60_000 });
    const line = await create('ttl-1');
    sim.clock.advance(61_000);
    expect((await client.getLine(line))?.username).toBe(line.username);
    expect(sim.stats.logins).toBe(2);
  });

  it('a panel that drops the session right after login (another client signing in) is AUTH_FAILED, not an endless re-login', async () => {
    await start();
    const basic = createBasicHttpClient({ baseUrl: sim.url });
    const kicked: PluginHttpClient = {
      request: async (req) => {
        const response = await basic.request(req);
        if (req.method === 'POST' && req.url === '/login') sim.expireSessions();
        return response;
      },
    };
    const victim = createTestPanelClient(nxtPlugin, { username: sim.options.username, password: sim.options.password, minLoginIntervalMs: 0 }, { baseUrl: sim.url, http: kicked }).client;
    expect(await pluginFailureOf(victim.listPackages!())).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/did not keep the session/) });
    expect(sim.stats.logins).toBe(1);
  });

  it('shares one login among concurrent calls, and spaces logins by minLoginIntervalMs', async () => {
    await start({}, { minLoginIntervalMs: 400 });
    const began = Date.now();
    await Promise.all([1, 2, 3, 4, 5].map(() => client.getLine({ externalId: '1', username: 'nobody' })));
    expect(sim.stats.logins).toBe(1);
    sim.expireSessions();
    await client.getLine({ externalId: '1', username: 'nobody' });
    // The second login started no earlier than 400 ms after the first one did.
    expect(Date.now() - began).toBeGreaterThanOrEqual(400);
    expect(sim.stats.logins).toBe(2);
  });

  it('bad credentials (redirect back to /login) are AUTH_FAILED with the captcha hint; a throttled login is RATE_LIMITED', async () => {
    await start({}, { password: 'wrong-password' });
    const failure = await pluginFailureOf(client.listPackages());
    expect(failure).toMatchObject({ code: 'AUTH_FAILED', retryable: false });
    expect(failure.hint).toMatch(/captcha/);
    await sim.close();
    await start({ loginsPerMinute: 1 });
    await client.listPackages();
    sim.expireSessions();
    expect(await pluginFailureOf(client.listPackages())).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
  });

  it('scrapes packages from the create pages (data-credits, duration, connections; trial page flagged)', async () => {
    await start();
    const packages = await client.listPackages();
    expect(packages.map((pkg) => [pkg.externalId, pkg.isTrial, pkg.creditCost, pkg.durationDays, pkg.maxConnections])).toEqual([
      ['11', false, 1, 30, 1],
      ['12', false, 3, 90, 2],
      ['21', true, 0, 1, 1],
    ]);
    expect(parseOptions('<option value="">Pick</option><option value=\'7\' data-credits=2 selected>Seven &amp; more</option>')).toEqual([{ value: '7', label: 'Seven & more', selected: true, data: { credits: '2' } }]);
  });

  it('create returns no id: the line is read back from /lines/data (DD-MM-YYYY HH:mm, minute precision, aaData rows)', async () => {
    await start({ rowsKey: 'aaData' });
    sim.clock.set(new Date('2030-06-15T08:30:45Z'));
    const line = await create('c-1', '12', { username: 'nxtuser1', password: 'nxt-pass-1' });
    expect(line).toMatchObject({ externalId: '1001', username: 'nxtuser1', password: 'nxt-pass-1', expiresAt: '2030-09-15T08:30:00.000Z', maxConnections: 2, enabled: true });
    expect(sim.line('nxtuser1')?.bouquets).toEqual([1, 2, 3]);
    expect(sent.find((req) => req.url === '/lines/create/0')?.form).toMatchObject({ line_type: 'line', package: '12', current_bouquets: '1,2,3' });
    expect(fromNxtDate('15-09-2030 10:30', 'Europe/Berlin')).toBe('2030-09-15T08:30:00.000Z');
    expect(fromNxtDate('<span>15-09-2030 08:30</span>', 'UTC')).toBe('2030-09-15T08:30:00.000Z');
    expect(fromNxtDate('', 'UTC')).toBeNull();
  });

  it('maps {"error": …} answers and treats an existing username with another password as a duplicate', async () => {
    await start({ credits: 3 });
    await create('d-1', '12', { username: 'dupe01', password: 'first-pass' });
    expect(await pluginFailureOf(create('d-2', '11', { username: 'dupe01', password: 'other-pass' }))).toMatchObject({ code: 'DUPLICATE_USERNAME' });
    expect(await pluginFailureOf(create('d-3', '11'))).toMatchObject({ code: 'INSUFFICIENT_CREDITS', providerMessage: 'You do not have enough credits.' });
    expect(await pluginFailureOf(create('d-4', '99'))).toMatchObject({ code: 'PACKAGE_NOT_FOUND' });
    // Same username and password: the earlier attempt's line.
    expect((await create('d-1', '12', { username: 'dupe01', password: 'first-pass' })).externalId).toBe('1001');
  });

  it("extends with the package the extend page pre-selects, only as often as needed (retry-safe), and deletes idempotently", async () => {
    await start();
    sim.clock.set(new Date('2030-01-10T00:00:00Z'));
    const line = await create('e-1', '11');
    const extended = await client.extendLine({ line, expiresAt: '2030-03-20T00:00:00.000Z' });
    expect(extended.expiresAt).toBe('2030-04-10T00:00:00.000Z');
    await client.extendLine({ line, expiresAt: '2030-03-20T00:00:00.000Z' });
    expect(sim.ledger.map((entry) => entry.action)).toEqual(['create', 'extend', 'extend']);
    expect(await pluginFailureOf(client.extendLine({ line: { externalId: '4242', username: 'ghost' }, expiresAt: '2031-01-01T00:00:00Z' }))).toMatchObject({ code: 'USER_NOT_FOUND' });
    await client.deleteLine(line);
    await client.deleteLine(line);
    expect(sim.lines()).toHaveLength(0);
  });

  it('counts live connections per username from /rconnections/data (ip as HTML link) and reads credits', async () => {
    await start({ credits: 42 });
    sim.connections.push({ username: 'u1', stream_display_name: 'News', ip: '10.0.0.1', user_agent: 'VLC', date_start: '01-01-2030 10:00' }, { username: 'u1', stream_display_name: 'Sport', ip: '10.0.0.2', user_agent: 'VLC', date_start: '01-01-2030 10:05' });
    expect(await client.connectionCount()).toEqual({ total: 2, byLine: { u1: 2 } });
    expect(await client.credits()).toBe(42);
    expect((await client.testConnection()).stages[1].detail).toMatch(/42 credits/);
  });

  it('recognises the login page by its form action, not by any password field', () => {
    expect(isLoginPage('<form method="POST" action="https://p.example/login"><input name="password"></form>')).toBe(true);
    expect(isLoginPage('<form action="/lines/create/0"><input type="text" name="password"></form>')).toBe(false);
  });
});
