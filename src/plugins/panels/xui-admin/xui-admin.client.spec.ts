import { createTestPanelClient, PanelClient, pluginFailureOf } from '../../../core/plugins/sdk';
import { xuiAdminPlugin } from './xui-admin.plugin';
import { XuiAdminSimulator } from './xui-admin.simulator';
import { classifyXuiResponse } from './xui-admin.wire';

const response = (status: number, body: string) => ({ status, body, headers: {}, json: () => JSON.parse(body) });

describe('XUI.one admin wire quirks', () => {
  let sim: XuiAdminSimulator;
  let client: PanelClient;

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start({ timeZone: 'Europe/Paris' });
    client = createTestPanelClient(xuiAdminPlugin, { ...sim.credentials, timeZone: 'Europe/Paris' }, { baseUrl: sim.url, timeoutMs: 2000 }).client;
  });
  afterAll(() => sim.close());
  afterEach(() => sim.resetFaults());

  const lastRequest = (action: string) => [...sim.requests].reverse().find((request) => request.action === action)?.params ?? {};

  it('sends expiry as a date string in the account time zone and reads back a unix timestamp', async () => {
    const line = await client.createLine!({ packageId: '1', expiresAt: '2031-05-06T07:08:09.000Z', maxConnections: 1, idempotencyKey: 'tz-1' });
    expect(lastRequest('create_line').exp_date).toEqual(['2031-05-06 09:08:09']);
    expect(sim.rawLine(Number(line.externalId))?.exp_date).toBe(Date.parse('2031-05-06T07:08:09Z') / 1000);
    expect(line.expiresAt).toBe('2031-05-06T07:08:09.000Z');
    expect((line.raw as Record<string, unknown>).exp_date).toBe(String(Date.parse('2031-05-06T07:08:09Z') / 1000));
  });

  it('learns a time zone the panel reads expiries in other than the configured one, and writes them where they belong', async () => {
    // Configured as UTC (the default) while the API account reads wall-clock time in Europe/Paris.
    const { client: misconfigured } = createTestPanelClient(xuiAdminPlugin, sim.credentials, { baseUrl: sim.url, timeoutMs: 2000 });
    const epoch = (iso: string) => Date.parse(iso) / 1000;
    const line = await misconfigured.createLine!({ packageId: '1', expiresAt: '2031-01-10T12:00:00.000Z', maxConnections: 1, idempotencyKey: 'tz-skew-1' });
    expect(sim.rawLine(Number(line.externalId))?.exp_date).toBe(epoch('2031-01-10T12:00:00Z'));
    expect(line.expiresAt).toBe('2031-01-10T12:00:00.000Z');
    // The next writes use what was learned: one edit each, and a full-state edit keeps the expiry where it is.
    const edits = () => sim.requests.filter((request) => request.action === 'edit_line').length;
    const before = edits();
    await misconfigured.extendLine!({ line: { externalId: line.externalId, username: line.username }, expiresAt: '2031-02-10T12:00:00.000Z' });
    expect(edits() - before).toBe(1);
    expect(lastRequest('edit_line').exp_date).toEqual(['2031-02-10 13:00:00']);
    expect(sim.rawLine(Number(line.externalId))?.exp_date).toBe(epoch('2031-02-10T12:00:00Z'));
    // Across a daylight-saving change the offset differs: one more write corrects it.
    await misconfigured.extendLine!({ line: { externalId: line.externalId, username: line.username }, expiresAt: '2031-07-10T12:00:00.000Z' });
    expect(lastRequest('edit_line').exp_date).toEqual(['2031-07-10 14:00:00']);
    expect(sim.rawLine(Number(line.externalId))?.exp_date).toBe(epoch('2031-07-10T12:00:00Z'));
    await misconfigured.updateLine!({ line: { externalId: line.externalId, username: line.username }, maxConnections: 2 });
    expect(sim.rawLine(Number(line.externalId))?.exp_date).toBe(epoch('2031-07-10T12:00:00Z'));
  });

  it('refuses to edit a line whose exp_date is no timestamp instead of resending it as unlimited', async () => {
    const line = sim.insertLine({ username: 'raw-expiry', password: 'pw123456', expiresAt: new Date('2030-01-01T00:00:00Z'), bouquets: [1], maxConnections: 1 });
    // What a bad edit leaves: the raw text stored as given (panels.md: edit stores exp_date raw).
    await fetch(`${sim.url}/${sim.accessCode}/?api_key=${sim.apiKey}&action=edit_line&id=${line.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=raw-expiry&password=pw123456&exp_date=1970-01-01%2000%3A00%3A00' });
    expect(await pluginFailureOf(client.updateLine!({ line: { externalId: String(line.id), username: 'raw-expiry' }, maxConnections: 2 }))).toMatchObject({ message: expect.stringContaining('not a timestamp') });
    expect(sim.rawLine(line.id)?.exp_date).toBe('1970-01-01 00:00:00');
  });

  it('sends bouquets as a JSON string (not a form array) and all output formats', async () => {
    await client.createLine!({ packageId: '3', expiresAt: null, maxConnections: 1, idempotencyKey: 'bq-1' });
    const params = lastRequest('create_line');
    expect(params.bouquets_selected).toEqual(['[3]']);
    expect(params['bouquets_selected[]']).toBeUndefined();
    expect(params['access_output[]']).toEqual(['1', '2', '3']);
    expect(params.exp_date).toBeUndefined();
  });

  it('resends the complete line on edit_line and omits false flags (edit is a full overwrite)', async () => {
    const line = await client.createLine!({ packageId: '2', expiresAt: '2030-01-01T00:00:00.000Z', maxConnections: 2, isTrial: true, idempotencyKey: 'full-1' });
    await client.disableLine!({ externalId: line.externalId, username: line.username });
    await client.extendLine!({ line: { externalId: line.externalId, username: line.username }, expiresAt: '2030-06-01T00:00:00.000Z' });
    const params = lastRequest('edit_line');
    expect(params).toMatchObject({ username: [line.username], password: [line.password], max_connections: ['2'], enabled: ['0'], admin_enabled: ['1'], bouquets_selected: ['[1,2,3]'], 'access_output[]': ['1', '2', '3'], is_trial: ['1'], package_id: ['2'] });
    expect(params.is_restreamer).toBeUndefined();
    expect(params.is_stalker).toBeUndefined();
    expect(sim.line(line.externalId)).toMatchObject({ enabled: false, isTrial: true, maxConnections: 2, bouquets: [1, 2, 3], expiresAt: new Date('2030-06-01T00:00:00Z') });
  });

  it('the simulator really overwrites: an edit without exp_date or flags clears them', async () => {
    const line = sim.insertLine({ username: 'overwrite-me', password: 'pw123456', expiresAt: new Date('2030-01-01T00:00:00Z'), bouquets: [1], maxConnections: 3, enabled: false });
    const url = `${sim.url}/${sim.accessCode}/?api_key=${sim.apiKey}&action=edit_line&id=${line.id}`;
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'is_trial=0' }).then((res) => res.json() as Promise<{ status: string }>);
    expect(answer.status).toBe('STATUS_SUCCESS');
    expect(sim.line(line.id)).toMatchObject({ expiresAt: null, bouquets: [], maxConnections: 1, enabled: true, isTrial: true, allowedOutputs: [] });
  });

  it('the simulator keeps usernames unique regardless of case, and frees one when its line is renamed or deleted', async () => {
    const edit = (id: number, body: string) =>
      fetch(`${sim.url}/${sim.accessCode}/?api_key=${sim.apiKey}&action=edit_line&id=${id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).then((res) => res.json() as Promise<{ status: string }>);
    const line = sim.insertLine({ username: 'Case-Name', password: 'pw123456' });
    expect(() => sim.insertLine({ username: 'case-name', password: 'pw123456' })).toThrow(/STATUS_EXISTS_USERNAME/);
    expect(sim.lineByUsername('CASE-NAME')?.id).toBe(line.id);
    expect((await edit(line.id, 'username=renamed-name&password=pw123456')).status).toBe('STATUS_SUCCESS');
    expect(sim.lineByUsername('case-name')).toBeUndefined();
    const reuse = sim.insertLine({ username: 'case-name', password: 'pw123456' });
    expect(sim.lineByUsername('RENAMED-name')?.id).toBe(line.id);
    sim.deleteLineDirectly(line.id);
    expect(sim.insertLine({ username: 'renamed-name', password: 'pw123456' }).id).not.toBe(line.id);
    expect(sim.lineByUsername('case-name')?.id).toBe(reuse.id);
  });

  it('reads bare arrays (get_packages, get_bouquets) and envelopes (get_package)', async () => {
    const packages = await client.listPackages!();
    expect(packages.map((pkg) => pkg.externalId)).toEqual(['1', '2', '3']);
    expect(packages[2]).toMatchObject({ name: 'News 30 days', channelCount: 25, vodCount: 0, durationDays: 30, creditCost: 0.5 });
    expect(await client.getPackage!('2')).toMatchObject({ externalId: '2', durationDays: 360, maxConnections: 2 });
    expect(await client.getPackage!('99')).toBeNull();
  });

  it('looks for an earlier attempt\'s line before creating, except on a first create', async () => {
    const lookups = () => sim.requests.filter((request) => request.action === 'get_lines').length;
    const before = lookups();
    const first = await client.createLine!({ username: 'first-create', packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'first-1', firstCreate: true });
    expect(lookups()).toBe(before);
    const again = await client.createLine!({ username: 'first-create', packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'first-1' });
    expect(lookups()).toBe(before + 1);
    expect(again.externalId).toBe(first.externalId);
  });

  it('maps STATUS_* codes inside HTTP 200 bodies', async () => {
    sim.insertLine({ username: 'taken-name', password: 'pw123456' });
    expect((await pluginFailureOf(client.createLine!({ username: 'taken-name', packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'dup-1' }))).code).toBe('DUPLICATE_USERNAME');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_EXISTS_USERNAME","data":{"username":"x"}}'))?.code).toBe('DUPLICATE_USERNAME');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_INVALID_DATE","data":{}}'))?.code).toBe('INVALID_INPUT');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_INSUFFICIENT_CREDITS"}'))?.code).toBe('INSUFFICIENT_CREDITS');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_NO_TRIALS"}'))?.code).toBe('NO_TRIALS_LEFT');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_FAILURE","error":"Invalid API key."}'))?.code).toBe('AUTH_FAILED');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_FAILURE","error":"Invalid action."}'))?.code).toBe('NOT_SUPPORTED');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_FAILURE"}'))).toBeUndefined();
    // A full licence (answer undocumented: the assumed shapes).
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_FAILURE","error":"Maximum number of users reached for your license."}'))?.code).toBe('MAX_USERS_REACHED');
    expect(classifyXuiResponse(response(200, '{"status":"STATUS_MAX_USERS"}'))?.code).toBe('MAX_USERS_REACHED');
  });

  it('rejects a unix timestamp as exp_date input like PHP DateTime does (STATUS_INVALID_DATE)', async () => {
    const url = `${sim.url}/${sim.accessCode}/?api_key=${sim.apiKey}&action=create_line`;
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=tsuser&exp_date=1735689600' }).then((res) => res.json());
    expect(answer).toMatchObject({ status: 'STATUS_INVALID_DATE', data: { username: 'tsuser', exp_date: '1735689600' } });
  });

  it('reads nginx pages: 403 allow-list, 404 unknown access code, 503 rate limit, and the empty body of a missing permission', async () => {
    sim.setFaults({ ipNotAllowed: true });
    const ip = await pluginFailureOf(client.getLine!({ externalId: '1', username: '' }));
    expect(ip).toMatchObject({ code: 'IP_NOT_ALLOWED', httpStatus: 403, retryable: false });
    sim.resetFaults();
    const wrongCode = createTestPanelClient(xuiAdminPlugin, { accessCode: 'nope', apiKey: sim.apiKey }, { baseUrl: sim.url }).client;
    const notFound = await pluginFailureOf(wrongCode.listPackages!());
    expect(notFound).toMatchObject({ code: 'AUTH_FAILED', httpStatus: 404 });
    expect(notFound.hint).toContain('access code');
    sim.setFaults({ rateLimitPerSecond: 0 });
    expect(await pluginFailureOf(client.listPackages!())).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    sim.resetFaults();
    sim.deniedActions.add('get_packages');
    try {
      expect(await pluginFailureOf(client.listPackages!())).toMatchObject({ code: 'FORBIDDEN' });
      const test = await client.testConnection!();
      expect(test).toMatchObject({ ok: false, failedStage: 'permissions' });
    } finally {
      sim.deniedActions.delete('get_packages');
    }
  });

  it('finds a line by exact username although the search matches several', async () => {
    sim.insertLine({ username: 'alice', password: 'pw123456' });
    sim.insertLine({ username: 'alice2', password: 'pw123456' });
    expect((await client.findLineByUsername!('alice'))?.username).toBe('alice');
    expect(await client.findLineByUsername!('alic')).toBeNull();
  });

  it('counts live connections and reports server status', async () => {
    const line = sim.insertLine({ username: 'watcher', password: 'pw123456' });
    sim.addConnection(line.id);
    sim.addConnection(line.id);
    expect(await client.connectionCount!()).toEqual({ total: 2, byLine: { [String(line.id)]: 2 } });
    expect((await client.serverStatus!()).servers).toEqual([expect.objectContaining({ id: '1', name: 'Main Server', online: true, activeConnections: 2 })]);
  });

  it('verifies a line through player_api.php (XUI dialect: 404 page for anything that cannot play)', async () => {
    const line = await client.createLine!({ packageId: '1', expiresAt: '2035-01-01T00:00:00.000Z', maxConnections: 2, idempotencyKey: 'verify-1' });
    expect(await client.verifyLine!({ externalId: line.externalId, username: line.username, password: line.password })).toMatchObject({ valid: true, status: 'active', expiresAt: '2035-01-01T00:00:00.000Z', maxConnections: 2 });
    await client.disableLine!({ externalId: line.externalId, username: line.username });
    expect(await client.verifyLine!({ externalId: line.externalId, username: line.username, password: line.password })).toEqual({ valid: false, status: 'invalid' });
  });
  it('reads a package once a minute for the creates that copy its bouquets; getPackage reads it afresh', async () => {
    let now = Date.parse('2031-01-01T00:00:00Z');
    const clocked = createTestPanelClient(xuiAdminPlugin, sim.credentials, { baseUrl: sim.url, timeoutMs: 2000, clock: { now: () => new Date(now) } }).client;
    const pkg = sim.addPackage({ package_name: 'Cached', bouquets: [1] });
    const reads = () => sim.requests.filter((request) => request.action === 'get_package' && request.params.id?.[0] === String(pkg.id)).length;
    const create = (key: string) => clocked.createLine!({ packageId: String(pkg.id), expiresAt: null, maxConnections: 1, idempotencyKey: key, firstCreate: true });
    await Promise.all([create('cache-1'), create('cache-2')]);
    expect(reads()).toBe(1);
    sim.addPackage({ ...pkg, bouquets: [1, 2] });
    await create('cache-3');
    expect(lastRequest('create_line').bouquets_selected).toEqual(['[1]']);
    now += 60_001;
    await create('cache-4');
    expect(reads()).toBe(2);
    expect(lastRequest('create_line').bouquets_selected).toEqual(['[1,2]']);
    sim.addPackage({ ...pkg, bouquets: [3] });
    expect(((await clocked.getPackage!(String(pkg.id)))?.raw as { bouquets: unknown }).bouquets).toBe('[3]');
    await create('cache-5');
    expect(lastRequest('create_line').bouquets_selected).toEqual(['[3]']);
    expect(reads()).toBe(3);
  });

  it('does not keep a missing package or a failed read', async () => {
    await expect(client.createLine!({ packageId: '998', expiresAt: null, maxConnections: 1, idempotencyKey: 'missing-1', firstCreate: true })).rejects.toMatchObject({ code: 'PACKAGE_NOT_FOUND' });
    sim.addPackage({ id: 998, package_name: 'Late', bouquets: [2] });
    await client.createLine!({ packageId: '998', expiresAt: null, maxConnections: 1, idempotencyKey: 'missing-2', firstCreate: true });
    expect(lastRequest('create_line').bouquets_selected).toEqual(['[2]']);
  });
});
