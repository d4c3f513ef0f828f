import { createTestPanelClient, memoryStateStore, PanelClient, pluginFailureOf } from '../../../core/plugins/sdk';
import { XC_TEST_PACKAGES } from './xtream-codes.fixtures';
import { xtreamCodesPlugin } from './xtream-codes.plugin';
import { XtreamCodesSimulator } from './xtream-codes.simulator';
import { classifyXcResponse } from './xtream-codes.wire';

const answer = (status: number, body: string) => ({ status, body, headers: {}, json: () => JSON.parse(body) });

describe('Xtream Codes api.php wire quirks', () => {
  let sim: XtreamCodesSimulator;
  let client: PanelClient;

  beforeAll(async () => {
    sim = await XtreamCodesSimulator.start();
    client = createTestPanelClient(xtreamCodesPlugin, { apiPass: sim.apiPass, packages: XC_TEST_PACKAGES }, { baseUrl: sim.url, state: memoryStateStore() }).client;
  });
  afterAll(() => sim.close());
  afterEach(() => sim.resetFaults());
  const last = (sub: string) => [...sim.requests].reverse().find((request) => request.sub === sub)?.params ?? {};

  it('reads the allow-list and key refusals under key "0" (HTTP 200)', async () => {
    expect(classifyXcResponse(answer(200, '{"result":false,"0":"IP FORBIDDEN"}'))?.code).toBe('IP_NOT_ALLOWED');
    expect(classifyXcResponse(answer(200, '{"result":false,"0":"KEY WRONG"}'))?.code).toBe('AUTH_FAILED');
    sim.setFaults({ ipNotAllowed: true });
    expect(await pluginFailureOf(client.getLine!({ externalId: '1', username: 'u', password: 'p' }))).toMatchObject({ code: 'IP_NOT_ALLOWED', retryable: false });
  });

  it('reads empty bodies of unknown actions as NOT_SUPPORTED, and the other error strings', async () => {
    const empty = await fetch(`${sim.url}/api.php?action=user&sub=delete&api_pass=${sim.apiPass}`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe('');
    expect(classifyXcResponse(answer(200, ''))?.code).toBe('NOT_SUPPORTED');
    expect(classifyXcResponse(answer(200, '{"result":false,"error":"EXISTS"}'))?.code).toBe('DUPLICATE_USERNAME');
    expect(classifyXcResponse(answer(200, '{"result":false,"error":"PARAMETER ERROR"}'))?.code).toBe('INVALID_INPUT');
    expect(classifyXcResponse(answer(200, '{"result":false,"error":"NOT EXISTS"}'))).toBeUndefined();
  });

  it('sends unix timestamps and bouquets as a JSON string in user_data[...], and keeps the api_pass out of the URL', async () => {
    const line = await client.createLine!({ packageId: 'full', expiresAt: '2031-01-02T03:04:05.000Z', maxConnections: 2, idempotencyKey: 'xc-1' });
    const params = last('create');
    expect(params['user_data[exp_date]']).toEqual([String(Date.parse('2031-01-02T03:04:05Z') / 1000)]);
    expect(params['user_data[bouquet]']).toEqual(['[1,2,3]']);
    expect(sim.line(line.externalId)).toMatchObject({ bouquets: [1, 2, 3], maxConnections: 2, expiresAt: new Date('2031-01-02T03:04:05Z') });
    expect(line).toMatchObject({ packageId: 'full', bouquetIds: ['1', '2', '3'], expiresAt: '2031-01-02T03:04:05.000Z' });
  });

  it('stores a form array of bouquets as strings (the panel JSON-encodes arrays), unlike a JSON string', async () => {
    await fetch(`${sim.url}/api.php`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `api_pass=${sim.apiPass}&action=user&sub=create&user_data[username]=arr&user_data[password]=pw&user_data[bouquet][]=1&user_data[bouquet][]=2` });
    expect(sim.lines().find((line) => line.username === 'arr')?.bouquets).toEqual(['1', '2']);
  });

  it('detects duplicates on username AND password only, so the plugin refuses a reused username itself', async () => {
    const first = await client.createLine!({ username: 'shared-name', password: 'one-pass', packageId: 'news', expiresAt: null, maxConnections: 1, idempotencyKey: 'xc-dup-1' });
    const direct = await fetch(`${sim.url}/api.php`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `api_pass=${sim.apiPass}&action=user&sub=create&user_data[username]=shared-name&user_data[password]=other-pass` }).then((res) => res.json() as Promise<{ result: boolean }>);
    expect(direct.result).toBe(true);
    expect(await pluginFailureOf(client.createLine!({ username: 'shared-name', password: 'third-pass', packageId: 'news', expiresAt: null, maxConnections: 1, idempotencyKey: 'xc-dup-2' }))).toMatchObject({ code: 'DUPLICATE_USERNAME' });
    expect(first.expiresAt).toBeNull();
  });

  it('addresses lines by username + password: extend, change password, then the new password finds it', async () => {
    const line = await client.createLine!({ packageId: 'news', expiresAt: '2030-01-01T00:00:00.000Z', maxConnections: 1, idempotencyKey: 'xc-pw' });
    await client.extendLine!({ line, expiresAt: '2030-02-01T00:00:00.000Z' });
    expect(last('edit')).toMatchObject({ username: [line.username], password: [line.password], 'user_data[exp_date]': [String(Date.parse('2030-02-01T00:00:00Z') / 1000)] });
    const changed = await client.updateLine!({ line, password: 'new-secret-pw', packageId: 'full' });
    expect(changed).toMatchObject({ password: 'new-secret-pw', packageId: 'full', expiresAt: '2030-02-01T00:00:00.000Z' });
    expect(await client.getLine!(line)).toBeNull();
    expect(await client.getLine!({ ...line, password: 'new-secret-pw' })).toMatchObject({ externalId: line.externalId });
    expect(await pluginFailureOf(client.getLine!({ externalId: line.externalId, username: line.username }))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('has no delete: the capability is absent', () => {
    expect(xtreamCodesPlugin.manifest.capabilities).not.toContain('deleteLine');
    expect(client.deleteLine).toBeUndefined();
  });

  it('verifies lines through player_api.php in the XC dialect (auth:0, and status for inactive lines)', async () => {
    const line = await client.createLine!({ packageId: 'full', expiresAt: '2035-01-01T00:00:00.000Z', maxConnections: 3, idempotencyKey: 'xc-verify' });
    expect(await client.verifyLine!(line)).toMatchObject({ valid: true, status: 'active', maxConnections: 3, expiresAt: '2035-01-01T00:00:00.000Z' });
    await client.disableLine!(line);
    expect(await client.verifyLine!(line)).toMatchObject({ valid: false, status: 'disabled', expiresAt: '2035-01-01T00:00:00.000Z' });
    expect(await client.verifyLine!({ ...line, password: 'wrong' })).toEqual({ valid: false, status: 'invalid' });
    sim.clock.advance(20 * 365 * 86_400_000);
    await client.enableLine!(line);
    expect(await client.verifyLine!(line)).toMatchObject({ valid: false, status: 'expired' });
  });

  it('keeps the result:true + NOT ENOUGH CREDITS oddity of reg_user credits', async () => {
    const refused = await fetch(`${sim.url}/api.php?api_pass=${sim.apiPass}&action=reg_user&sub=credits&id=2&amount=-1000`).then((res) => res.json());
    expect(refused).toEqual({ result: true, error: 'NOT ENOUGH CREDITS' });
    expect(sim.reseller(2)?.credits).toBe(50);
  });
});
