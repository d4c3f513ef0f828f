import { createTestPanelClient, PluginError, PluginHttpClient, PluginHttpRequest, pluginFailureOf } from '../../../core/plugins/sdk';
import { DEFAULT_API_URL, OneStreamClient } from './onestream.client';
import { oneStreamPlugin } from './onestream.plugin';
import { OneStreamSimulator, OneStreamSimulatorOptions } from './onestream.simulator';
import { classifyOneStream, listOf } from './onestream.wire';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('1-Stream ext API', () => {
  let sim: OneStreamSimulator;
  let client: OneStreamClient;
  let sent: PluginHttpRequest[];
  const start = async (options: OneStreamSimulatorOptions = {}, config: Record<string, unknown> = {}) => {
    sim = await OneStreamSimulator.start({ credits: 15, ...options });
    ({ client, sent } = createTestPanelClient<OneStreamClient>(oneStreamPlugin, { apiKey: sim.apiKey, apiToken: sim.apiToken, apiUrl: sim.url, ...config }));
  };
  const create = (key: string, packageId = '108', extra: Record<string, unknown> = {}) => client.createLine({ packageId, expiresAt: null, maxConnections: 1, idempotencyKey: key, ...extra });
  const post = (path: string, body: unknown) => fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'x-api-key': sim.apiKey, 'x-auth-user': sim.apiToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  afterEach(() => sim?.close());

  it('authenticates with the two headers (names configurable) and JSON bodies; no base URL means the cloud origin', async () => {
    await start();
    await create('h-1');
    const call = sent.find((req) => req.method === 'POST') as PluginHttpRequest;
    expect(call.headers).toMatchObject({ 'X-Api-Key': sim.apiKey, 'X-Auth-User': sim.apiToken });
    expect(call.json).toMatchObject({ package: 108, max_connections: 1 });
    expect(call.form).toBeUndefined();
    const urls: string[] = [];
    const recorder: PluginHttpClient = { request: async (req) => (urls.push(req.url), Promise.reject(new PluginError('TIMEOUT', 'recorded only'))) };
    const cloud = createTestPanelClient(oneStreamPlugin, { apiKey: 'k', apiToken: 't', apiKeyHeader: 'X-Key' }, { http: recorder }).client;
    await cloud.listPackages!().catch(() => undefined);
    const local = createTestPanelClient(oneStreamPlugin, { apiKey: 'k', apiToken: 't', apiUrl: 'https://ignored.example' }, { baseUrl: 'http://127.0.0.1:9', http: recorder }).client;
    await local.listPackages!().catch(() => undefined);
    expect(urls).toEqual([`${DEFAULT_API_URL}/ext/packages`, 'http://127.0.0.1:9/ext/packages']);
  });

  it('creates by package: UUID id, ISO-8601 expiry with offset read as UTC, negative transaction_amount', async () => {
    await start();
    sim.clock.set(new Date('2030-01-31T10:00:00Z'));
    const line = await create('c-1', '108', { maxConnections: 3 });
    expect(line.externalId).toMatch(UUID);
    expect(line.expiresAt).toBe('2030-03-03T10:00:00.000Z');
    expect(line).toMatchObject({ packageId: '108', maxConnections: 3, bouquetIds: ['1', '2', '3'], enabled: true });
    expect(sim.ledger).toEqual([expect.objectContaining({ amount: -1, action: 'create' })]);
    const answer = await (await post('/ext/line/create', { package: 110 })).json();
    expect(answer).toMatchObject({ line_id: expect.stringMatching(UUID), expire_at: '2030-02-01T10:00:00+00:00', transaction_amount: 0 });
  });

  it('the same rid answers the first answer again with no second charge; a create retried after a lost answer is charged once', async () => {
    await start();
    const first = await (await post('/ext/line/create', { package: 109, username: 'rid-user', rid: 'abc-1' })).json();
    const second = await (await post('/ext/line/create', { package: 109, username: 'rid-user', rid: 'abc-1' })).json();
    expect(second).toEqual(first);
    expect(sim.credits).toBe(5);
    sim.setFaults({ failNext: 1, faultPhase: 'after' });
    expect(await pluginFailureOf(create('lost-1', '108'))).toMatchObject({ code: 'PANEL_UNAVAILABLE', retryable: true });
    const line = await create('lost-1', '108');
    expect(sim.lines().filter((row) => row.username === line.username)).toHaveLength(1);
    expect(sim.credits).toBe(4);
  });

  it('extends by renewing from the current expiry, repeating the package only as needed and never twice on a retry', async () => {
    await start();
    sim.clock.set(new Date('2030-01-10T00:00:00Z'));
    const line = await create('e-1', '108');
    const wanted = '2030-03-20T00:00:00.000Z';
    const extended = await client.extendLine({ line, expiresAt: wanted });
    expect(extended.expiresAt).toBe('2030-04-10T00:00:00.000Z');
    expect(sim.ledger.filter((entry) => entry.action === 'renew')).toHaveLength(2);
    await client.extendLine({ line, expiresAt: wanted });
    expect(sim.ledger.filter((entry) => entry.action === 'renew')).toHaveLength(2);
    expect(sim.credits).toBe(12);
  });

  it('maps insufficient credits, a taken username, an unknown package and a missing permission', async () => {
    await start({ credits: 10 });
    await create('m-1', '109', { username: 'taken01' });
    expect(await pluginFailureOf(create('m-2', '108'))).toMatchObject({ code: 'INSUFFICIENT_CREDITS', httpStatus: 422, providerMessage: 'You do not have enough credits.' });
    expect(await pluginFailureOf(client.call('POST', '/ext/line/create', { json: { package: 110, username: 'taken01' } }))).toMatchObject({ code: 'DUPLICATE_USERNAME' });
    expect(await pluginFailureOf(create('m-3', '999'))).toMatchObject({ code: 'PACKAGE_NOT_FOUND' });
    const line = (await client.findLineByUsername('taken01'))!;
    expect(await pluginFailureOf(client.updateLine({ line, password: 'new-pass-1' }))).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
    expect(await pluginFailureOf(client.enableLine({ externalId: '00000000-0000-4000-8000-000000000000', username: 'x' }))).toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('with editLines: set-expiry mode sets expire_at exactly (null = unlimited stays readable) and passwords change', async () => {
    await start({ permissions: ['indexPackages', 'indexLines', 'createLinesWithPackage', 'editLines', 'statusLineToggle', 'destroyLines'] }, { extendMode: 'set-expiry' });
    const line = await create('a-1', '108');
    const extended = await client.extendLine({ line, expiresAt: '2033-07-01T12:34:56.789Z' });
    expect(extended.expiresAt).toBe('2033-07-01T12:34:56.000Z');
    expect((await client.updateLine({ line, password: 'Fresh-pass-9', maxConnections: 4 })).maxConnections).toBe(4);
    expect(sim.line(line.username)?.password).toBe('Fresh-pass-9');
    await client.call('POST', `/ext/line/${line.externalId}/update-advanced`, { json: { expire_at: null } });
    expect((await client.getLine(line))?.expiresAt).toBeNull();
  });

  it('performs every genuine change: a repeat from the same state (1 → 2 → 1 → 2) or back to an earlier password gets its own rid', async () => {
    await start({ permissions: ['indexPackages', 'indexLines', 'createLinesWithPackage', 'editLines'] }, { extendMode: 'set-expiry' });
    const line = await create('rid-1', '108');
    await client.updateLine({ line, maxConnections: 2 });
    await client.updateLine({ line, maxConnections: 1 });
    expect((await client.updateLine({ line, maxConnections: 2 })).maxConnections).toBe(2);
    expect(sim.line(line.username)?.max_connections).toBe(2);
    await client.updateLine({ line, password: 'first-pass' });
    await client.updateLine({ line, password: 'second-pass' });
    const back = await client.updateLine({ line, password: 'first-pass' });
    expect({ panel: sim.line(line.username)?.password, reported: back.password }).toEqual({ panel: 'first-pass', reported: 'first-pass' });
    await client.extendLine({ line, expiresAt: '2033-01-01T00:00:00.000Z' });
    await client.extendLine({ line, expiresAt: '2034-01-01T00:00:00.000Z' });
    await client.extendLine({ line, expiresAt: '2033-01-01T00:00:00.000Z' });
    expect((await client.getLine(line))?.expiresAt).toBe('2033-01-01T00:00:00.000Z');
    const rids = sent.filter((req) => req.url.endsWith('/update-advanced')).map((req) => (req.json as { rid: string }).rid);
    expect(new Set(rids).size).toBe(rids.length);
  });

  it('filters requested bouquets to the package and finds lines through the paginated index', async () => {
    await start({ credits: 500 });
    const answer = (await (await post('/ext/line/create', { package: 108, username: 'bq-user', bouquets: [2, 9] })).json()) as { line_id: string };
    expect(sim.line('bq-user')?.bouquets).toEqual([2]);
    for (let i = 0; i < 120; i += 1) await post('/ext/line/create', { package: 110, username: `bulk${i}` });
    const index = (await (await fetch(`${sim.url}/ext/lines/index?page=2&per_page=50`, { headers: { 'x-api-key': sim.apiKey, 'x-auth-user': sim.apiToken } })).json()) as { data: { pagination: unknown } };
    expect(index.data.pagination).toEqual({ first_page: 1, last_page: 3, current_page: 2, per_page: 50, total: 121 });
    // Without a username the plugin pages through the index to find the line.
    expect((await client.getLine({ externalId: answer.line_id, username: '' }))?.username).toBe('bq-user');
  });

  it('reads both assumed error formats and a 200 carrying status "error"', async () => {
    const response = (status: number, body: unknown) => ({ status, headers: {}, body: JSON.stringify(body), json: () => body as never });
    expect(classifyOneStream(response(422, { message: 'The username has already been taken.', errors: { username: ['The username has already been taken.'] } }))?.code).toBe('DUPLICATE_USERNAME');
    expect(classifyOneStream(response(422, { status: 'error', error: { code: 422, message: 'You do not have enough credits.' } }))?.code).toBe('INSUFFICIENT_CREDITS');
    expect(classifyOneStream(response(200, { status: 'error', error: 'Selected package is not available' }))?.code).toBe('PACKAGE_NOT_FOUND');
    expect(classifyOneStream(response(403, { message: 'Your IP address is not allowed to use the API.' }))?.code).toBe('IP_NOT_ALLOWED');
    expect(classifyOneStream(response(403, { message: 'This action is unauthorized.' }))?.code).toBe('FORBIDDEN');
    expect(classifyOneStream(response(200, { line_id: 'x' }))).toBeUndefined();
  });

  it('describes an answer that is not a list by its shape, never quoting it (it may hold line passwords)', () => {
    let failure: unknown;
    try {
      listOf({ status: 'success', data: { line_id: 'x', username: 'alice', password: 'line-Pass-123' } });
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ code: 'UNKNOWN', providerMessage: 'object {status, data} with status "success"' });
  });
});
