import { createTestPanelClient, memoryStateStore, pluginFailureOf, PluginHttpRequest } from '../../../core/plugins/sdk';
import { MinistraClient } from './ministra.client';
import { ministraPlugin } from './ministra.plugin';
import { MinistraSimulator, MinistraSimulatorOptions } from './ministra.simulator';

describe('Ministra REST API v1', () => {
  let sim: MinistraSimulator;
  let client: MinistraClient;
  let sent: PluginHttpRequest[];
  const start = async (options: MinistraSimulatorOptions = {}, config: Record<string, unknown> = {}) => {
    sim = await MinistraSimulator.start(options);
    ({ client, sent } = createTestPanelClient<MinistraClient>(ministraPlugin, { login: sim.options.authLogin, password: sim.options.authPassword, ...config }, { baseUrl: sim.url, state: memoryStateStore() }));
  };
  const create = (key: string, extra: Record<string, unknown> = {}) => client.createLine({ packageId: 'premium', expiresAt: '2031-05-04T10:20:30.000Z', maxConnections: 1, idempotencyKey: key, ...extra });
  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${sim.url}${path}`, { ...init, headers: { authorization: `Basic ${Buffer.from(`${sim.options.authLogin}:${sim.options.authPassword}`).toString('base64')}`, ...(init.headers as Record<string, string>) } });

  afterEach(() => sim.close());

  it('sends form-encoded bodies; the API reads a JSON body as empty', async () => {
    await start();
    await create('form-1', { username: 'alice01' });
    const post = sent.find((req) => req.method === 'POST');
    expect(post?.form).toMatchObject({ login: 'alice01', account_number: 'alice01', tariff_plan: 'premium', status: 1 });
    expect(post?.json).toBeUndefined();
    const answer = await (await raw('/stalker_portal/api/v1/accounts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bob' }) })).json();
    expect(answer).toEqual({ status: 'ERROR', results: null, error: 'HTTP POST data is empty' });
  });

  it('uses HTTP Basic auth: 401 with WWW-Authenticate is AUTH_FAILED; an API without auth works without a header', async () => {
    await start();
    const response = await fetch(`${sim.url}/stalker_portal/api/v1/tariffs`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="Stalker API"');
    expect(await response.json()).toEqual({ status: 'ERROR', results: '', error: '401 Unauthorized request' });
    const bad = createTestPanelClient(ministraPlugin, { login: 'billing', password: 'nope-nope' }, { baseUrl: sim.url }).client;
    expect(await pluginFailureOf(bad.listPackages!())).toMatchObject({ code: 'AUTH_FAILED', httpStatus: 401 });
    await sim.close();
    await start({ authLogin: '' }, { login: '', password: '' });
    expect((await client.testConnection()).ok).toBe(true);
    expect(sent.every((req) => !req.headers?.authorization)).toBe(true);
  });

  it('reports a disabled API (404 "API not enabled") as FORBIDDEN with the custom.ini fix', async () => {
    await start({ enableApi: false });
    const result = await client.testConnection();
    expect(result).toMatchObject({ ok: false, failedStage: 'permissions' });
    expect(result.stages.at(-1)?.hint).toMatch(/enable_api = true/);
  });

  it('maps the envelope errors and answers on both /api/ and /api/v1/', async () => {
    await start({}, { apiPath: '/stalker_portal/api/' });
    await create('dup-1', { username: 'carol01' });
    expect(await pluginFailureOf(create('dup-2', { username: 'carol01' }))).toMatchObject({ code: 'DUPLICATE_USERNAME' });
    expect(await pluginFailureOf(client.call('POST', 'tariffs', [], { name: 'x' }))).toMatchObject({ code: 'NOT_SUPPORTED', providerMessage: 'Resource "tariffs" does not support action "create"' });
    expect(await pluginFailureOf(client.call('GET', 'no_such_thing'))).toMatchObject({ code: 'NOT_SUPPORTED', providerMessage: 'Resource "NoSuchThing" does not exist' });
    expect(await pluginFailureOf(client.call('PUT', 'accounts', ['a', 'b'], { status: 1 }))).toMatchObject({ code: 'INVALID_INPUT', providerMessage: 'Only one identifier allowed' });
    expect(await pluginFailureOf(client.call('POST', 'accounts', [], { login: 'dave01', stb_mac: '00:1A:79:XX' }))).toMatchObject({ code: 'INVALID_INPUT', providerMessage: 'Not valid mac address' });
  });

  it('create answers only `true`: the plugin reads the account back by login', async () => {
    await start();
    expect(await (await raw('/stalker_portal/api/v1/accounts', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'login=erin01&password=pw' })).json()).toEqual({ status: 'OK', results: true });
    const line = await create('read-back', { username: 'frank01', password: 'Fr4nk-pass' });
    expect(sent.map((req) => `${req.method} ${req.url.replace(/^.*api\/v1\//, '')}`)).toEqual(['GET users/frank01', 'GET tariffs', 'POST accounts', 'GET users/frank01']);
    expect(line).toMatchObject({ externalId: 'frank01', username: 'frank01', password: 'Fr4nk-pass', packageId: 'premium', enabled: true, maxConnections: 1 });
    expect(sim.checkPassword('frank01', 'Fr4nk-pass')).toBe(true);
  });

  it('refuses an unknown tariff external id (the portal would silently give the default plan)', async () => {
    await start();
    expect(await pluginFailureOf(create('tariff-1', { packageId: 'platinum' }))).toMatchObject({ code: 'PACKAGE_NOT_FOUND' });
    expect(sim.accounts()).toHaveLength(0);
    await client.call('POST', 'accounts', [], { login: 'gina01', account_number: 'gina01', tariff_plan: 'platinum' });
    expect((await client.getLine({ externalId: 'gina01', username: 'gina01' }))?.packageId).toBe('basic');
    expect((await client.listPackages()).map((pkg) => pkg.externalId)).toEqual(['basic', 'premium']);
  });

  it('inverts status: API 1 = on is DB 0 = on, and the box is told (cut off / cut on)', async () => {
    await start();
    const line = await create('status-1', { username: 'hank01' });
    expect(sim.account('hank01')?.status).toBe(0);
    expect((await client.disableLine(line)).enabled).toBe(false);
    expect(sim.account('hank01')?.status).toBe(1);
    expect((await client.enableLine(line)).enabled).toBe(true);
    expect(sim.account('hank01')?.status).toBe(0);
    expect(sim.events).toEqual([{ login: 'hank01', event: 'cut_off' }, { login: 'hank01', event: 'cut_on' }]);
  });

  it('extends end_date (wall-clock time in the portal time zone), changes tariff and password', async () => {
    await start({ internalBilling: true }, { timeZone: 'Europe/Berlin' });
    const line = await create('update-1', { username: 'ivy01', packageId: 'basic' });
    expect(sim.account('ivy01')?.end_date).toBe('2031-05-04 12:20:30');
    expect(line.expiresAt).toBe('2031-05-04T10:20:30.000Z');
    const extended = await client.extendLine({ line, expiresAt: '2032-01-15T23:30:00.000Z' });
    expect(sim.account('ivy01')?.end_date).toBe('2032-01-16 00:30:00');
    expect(extended.expiresAt).toBe('2032-01-15T23:30:00.000Z');
    const updated = await client.updateLine({ line, packageId: 'premium', password: 'N3w-password' });
    expect(updated.packageId).toBe('premium');
    expect(sim.checkPassword('ivy01', 'N3w-password')).toBe(true);
    expect(await pluginFailureOf(client.updateLine({ line, maxConnections: 3 }))).toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('without internal billing end_date is hidden: the plugin reports the expiry it set, and declares hub-enforced expiry', async () => {
    await start({ internalBilling: false });
    const line = await create('hidden-1', { username: 'jack01' });
    expect(sim.account('jack01')?.end_date).toBe('2031-05-04 10:20:30');
    expect((line.raw as Record<string, unknown>).end_date).toBeUndefined();
    expect((await client.getLine(line))?.expiresAt).toBe('2031-05-04T10:20:30.000Z');
    expect(ministraPlugin.manifest.notes?.expiryEnforcedByHub).toBe(true);
    sim.clock.set(new Date('2031-05-05T00:00:00Z'));
    expect(sim.runExpiryCron()).toBe(0);
    expect(sim.account('jack01')?.status).toBe(0);
  });

  it('with internal billing the expiry cron blocks accounts on their end_date day', async () => {
    await start({ internalBilling: true });
    const line = await create('cron-1', { username: 'kim01' });
    sim.clock.set(new Date('2031-05-04T00:01:00Z'));
    expect(sim.runExpiryCron()).toBe(1);
    expect((await client.getLine(line))?.enabled).toBe(false);
  });

  it('addresses accounts by account number, MAC or login; an account number with several boxes is matched by login', async () => {
    await start();
    const line = await create('ids-1', { username: 'lena01' });
    sim.seedUser({ login: 'lena01-box2', ls: 'lena01', stb_mac: '00:1A:79:00:00:02' });
    expect(await client.call('GET', 'accounts', ['lena01'])).toHaveLength(2);
    expect((await client.getLine(line))?.username).toBe('lena01');
    expect((await client.getLine({ externalId: 'lena01', username: 'lena01-box2' }))?.username).toBe('lena01-box2');
    expect(await client.call('GET', 'users', ['00:1A:79:00:00:02'])).toMatchObject({ login: 'lena01-box2' });
    expect(await client.call('GET', 'users', ['lena01'])).toMatchObject({ login: 'lena01', account_number: 'lena01' });
    expect(await pluginFailureOf(client.call('GET', 'accounts', ['lena01', 'nobody']))).toMatchObject({ providerMessage: 'One or more identifiers are incorrect' });
  });

  it('changes and deletes one user of a shared account number, never the other boxes on it', async () => {
    await start();
    const line = await create('shared-1', { username: 'lena01' });
    sim.seedUser({ login: 'lena01-box2', ls: 'lena01', stb_mac: '00:1A:79:00:00:02', status: 0, end_date: '2030-01-01 00:00:00' });
    await client.disableLine(line);
    await client.extendLine({ line, expiresAt: '2032-01-01T00:00:00.000Z' });
    await client.updateLine({ line, packageId: 'basic' });
    // (The portal's status column: 0 = active, 1 = disabled.)
    expect(sim.account('lena01')).toMatchObject({ status: 1, tariff_plan_id: 1 });
    expect(sim.account('lena01-box2')).toMatchObject({ status: 0, end_date: '2030-01-01 00:00:00', tariff_plan_id: 0 });
    expect(sent.filter((req) => req.method === 'PUT').map((req) => req.url)).toEqual(Array(3).fill('stalker_portal/api/v1/users/lena01'));
    // Optional packages exist per account number only: a change would reach the other box.
    expect(await pluginFailureOf(client.setSubscriptions(line, ['sport']))).toMatchObject({ code: 'NOT_SUPPORTED' });
    // Without the login, a shared number does not say which user is meant.
    expect(await pluginFailureOf(client.disableLine({ externalId: 'lena01', username: '' }))).toMatchObject({ code: 'INVALID_INPUT' });
    // DELETE exists only per account number: the user is given a number of its own first.
    await client.deleteLine(line);
    expect(sim.accounts().map((row) => [row.login, row.ls])).toEqual([['lena01-box2', 'lena01']]);
    expect(sent.filter((req) => req.method === 'DELETE').map((req) => req.url)).toEqual([expect.stringMatching(/^stalker_portal\/api\/v1\/accounts\/del-[0-9a-f]{8}$/)]);
    await client.deleteLine(line);
    expect(sim.accounts()).toHaveLength(1);
  });

  it('deletes a user with no account number of its own (made on the portal) through one it is given', async () => {
    await start();
    sim.seedUser({ login: 'solo01' });
    await client.deleteLine({ externalId: '', username: 'solo01' });
    expect(sim.account('solo01')).toBeUndefined();
  });

  it('lists service packages and manages account subscriptions (POST = set, PUT = add/remove, by external id)', async () => {
    await start();
    const line = await create('subs-1', { username: 'mia01' });
    expect((await client.listServicePackages()).map((pkg) => pkg.external_id)).toEqual(['tv-base', 'vod', 'sport']);
    expect(await client.setSubscriptions(line, ['sport', 'vod'])).toBe(true);
    expect((await client.getSubscriptions(line))[0].subscribed.sort()).toEqual(['sport', 'vod']);
    await client.changeSubscriptions(line, { remove: ['vod'] });
    expect((await client.getSubscriptions(line))[0]).toMatchObject({ subscribed: ['sport'], subscribed_id: ['3'] });
    expect((await client.getLine(line))?.bouquetIds).toEqual(['sport']);
    // tariffs/<id> takes the numeric internal id; an unknown one is null, not an error.
    expect(await client.call('GET', 'tariffs', ['2'])).toMatchObject({ external_id: 'premium' });
    expect(await client.call('GET', 'tariffs', ['99'])).toBeNull();
  });
});
