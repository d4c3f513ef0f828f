import { MikroORM } from '@mikro-orm/core';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { InterceptingProxy, ProxyDecision } from '../helpers/intercepting-proxy';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `POST /panels/{id}/lines/{lineId}/extend` with `days` reads the panel's expiry and adds to it.
 * When the panel applies the extend but the hub never hears back (a 502 after the change, or a
 * timeout), the operator's retry with the same Idempotency-Key must set the expiry the first
 * attempt planned, not add the days to the already extended expiry.
 */
describe('extending a line by days under an Idempotency-Key when the panel applied it but the answer was lost', () => {
  let hub: TestApp;
  let sim: XuiAdminSimulator;
  let proxy: InterceptingProxy;
  let panelId: string;
  let lines = 0;

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start();
    proxy = await InterceptingProxy.start(sim.url);
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' } });
    const created = await hub.http
      .post('/panels')
      .send({
        name: 'XUI behind a lossy link',
        type: 'xui-admin',
        baseUrl: proxy.url,
        credentials: sim.credentials,
        options: { timeoutMs: 1000, retry: { attempts: 2, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } },
      })
      .expect(201);
    panelId = created.body.id;
  });
  afterEach(() => {
    proxy.decide = () => 'pass';
  });
  afterAll(async () => {
    await hub?.close();
    await proxy?.close();
    await sim?.close();
  });

  /** A running line expiring in ten days (whole seconds, as the panel stores them). */
  const runningLine = () => {
    const expiresAt = new Date(Math.floor((Date.now() + 10 * DAY_MS) / 1000) * 1000);
    lines += 1;
    return { id: String(sim.insertLine({ username: `extend-${lines}`, password: 'pw-extend-1', expiresAt }).id), expiresAt: expiresAt.getTime() };
  };
  const onEdit = (decision: ProxyDecision) => {
    proxy.decide = (url, body) => (`${url} ${body}`.includes('action=edit_line') ? decision : 'pass');
  };
  const expiryOnPanel = (lineId: string) => sim.line(lineId)?.expiresAt?.getTime();
  const extend = (lineId: string, key: string, body: Record<string, unknown>) => hub.http.post(`/panels/${panelId}/lines/${lineId}/extend`).set('Idempotency-Key', key).send(body);

  it('after a 5xx whose change went through, the retry sets the planned expiry (days added once) and a later retry replays it', async () => {
    const line = runningLine();
    const planned = line.expiresAt + 30 * DAY_MS;
    onEdit('fail-after');
    const first = await extend(line.id, 'extend-lost-1', { days: 30 });
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(first.body.code).toBe('PANEL_UNAVAILABLE');
    expect(expiryOnPanel(line.id)).toBe(planned); // the panel did extend the line

    proxy.decide = () => 'pass';
    const retry = await extend(line.id, 'extend-lost-1', { days: 30 }).expect(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body.expiresAt).toBe(new Date(planned).toISOString());
    expect(expiryOnPanel(line.id)).toBe(planned);

    const replay = await extend(line.id, 'extend-lost-1', { days: 30 }).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(retry.body);
    expect(expiryOnPanel(line.id)).toBe(planned);
  });

  it('after a timeout (504) whose change went through, the retry sets the planned expiry', async () => {
    const line = runningLine();
    const planned = line.expiresAt + 7 * DAY_MS;
    onEdit('hold');
    const first = await extend(line.id, 'extend-timeout-1', { days: 7 }).expect(504);
    expect(first.body.code).toBe('TIMEOUT');
    expect(expiryOnPanel(line.id)).toBe(planned);

    proxy.decide = () => 'pass';
    const retry = await extend(line.id, 'extend-timeout-1', { days: 7 }).expect(200);
    expect(retry.body.expiresAt).toBe(new Date(planned).toISOString());
    expect(expiryOnPanel(line.id)).toBe(planned);
  });

  it('refuses the key with another body (422) and a retry while another runs (409), then lets the retry through', async () => {
    const line = runningLine();
    const planned = line.expiresAt + 30 * DAY_MS;
    onEdit('fail-after');
    expect((await extend(line.id, 'extend-race-1', { days: 30 })).status).toBeGreaterThanOrEqual(500);

    const other = await extend(line.id, 'extend-race-1', { days: 31 }).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // A retry whose panel call hangs holds the key; a second retry meanwhile is refused.
    onEdit('hold');
    const heldBefore = proxy.held;
    const running = extend(line.id, 'extend-race-1', { days: 30 }).then((res) => res);
    await waitFor(() => proxy.held > heldBefore, { message: 'the retry to reach the panel' });
    const concurrent = await extend(line.id, 'extend-race-1', { days: 30 }).expect(409);
    expect(concurrent.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect((await running).status).toBe(504);

    proxy.decide = () => 'pass';
    const retry = await extend(line.id, 'extend-race-1', { days: 30 }).expect(200);
    expect(retry.body.expiresAt).toBe(new Date(planned).toISOString());
    expect(expiryOnPanel(line.id)).toBe(planned);
  });

  it('keeps the failed attempt retryable with its plan sealed, never in clear text', async () => {
    const line = runningLine();
    const planned = new Date(line.expiresAt + 30 * DAY_MS).toISOString();
    onEdit('fail-after');
    expect((await extend(line.id, 'extend-sealed-1', { days: 30 })).status).toBeGreaterThanOrEqual(500);
    const rows = (await hub.app.get(MikroORM).em.getConnection().execute('select * from hub_idempotency_record')) as { state: string; plan_sealed: string | null }[];
    const retryable = rows.filter((row) => row.state === 'retryable' && row.plan_sealed);
    expect(retryable.length).toBeGreaterThan(0);
    for (const row of retryable) expect(row.plan_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain(planned);
    expect(JSON.stringify(rows)).not.toContain(planned.slice(0, 10));
  });

  it('without an Idempotency-Key, extends by absolute expiresAt are safe to repeat', async () => {
    const line = runningLine();
    const expiresAt = '2033-03-03T03:03:03.000Z';
    for (let i = 0; i < 2; i += 1) {
      const res = await hub.http.post(`/panels/${panelId}/lines/${line.id}/extend`).send({ expiresAt }).expect(200);
      expect(res.body.expiresAt).toBe(expiresAt);
    }
    expect(expiryOnPanel(line.id)).toBe(Date.parse(expiresAt));
  });
});
