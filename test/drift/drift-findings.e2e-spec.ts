import { MikroORM } from '@mikro-orm/core';
import { Subscription } from '../../src/core/subscriptions/subscription.entity';
import { testMode, waitFor } from '../helpers/test-app';
import { nxtTarget, PanelTarget } from '../panels-more/panel-targets';
import { buy, FAST_WORKFLOWS, Lifecycle, newCustomer, startLifecycle, subscription, waitForRun, waitForStatus } from '../workflows/lifecycle-fixture';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * Stored drift (issue 7 §6): reconcile stores findings (GET /drift), one open finding per
 * subscription and kind; POST /drift/{id}/repair sets the panel back to the hub's intent, audited
 * and announced; findings resolve by themselves when the panel is back in sync; with
 * HUB_DRIFT_AUTO_REPAIR the scheduled reconcile repairs what it safely can.
 */
const QUIET = { HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' };
const MINUTE = 60_000;

/** A paid subscription whose purchase run has finished (no workflow busy with it). */
async function activeSubscription(life: Lifecycle): Promise<Record<string, any>> {
  const { subscriptionId } = await buy(life);
  await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
  return subscription(life.hub, subscriptionId);
}

async function findings(hub: TestApp, query: Record<string, string>): Promise<Record<string, any>[]> {
  return (await hub.http.get('/drift').query(query).expect(200)).body.items;
}

describe(`drift findings and repairs (${testMode})`, () => {
  let life: Lifecycle;
  beforeAll(async () => {
    life = await startLifecycle({ env: { ...QUIET, HUB_RECONCILE_INTERVAL_MS: '0' } });
  });
  afterAll(() => life?.close());

  it('a line deleted on the panel is stored as line_missing, and the repair recreates it with the hub\'s intent', async () => {
    const { hub, sim } = life;
    const sub = await activeSubscription(life);
    const original = sim.lineByUsername(sub.username);
    expect(original).toBeDefined();
    sim.deleteLineDirectly(original?.id as number);

    const report = (await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200)).body;
    expect(report).toMatchObject({ inSync: false, drift: [{ kind: 'line_missing', hub: sub.lineId, panel: null, findingId: expect.any(String) }] });
    const [listed] = await findings(hub, { subscriptionId: sub.id, status: 'open' });
    expect(listed).toMatchObject({ id: report.drift[0].findingId, kind: 'line_missing', status: 'open', subscriptionId: sub.id, panelId: life.panelId, lineId: sub.lineId, hub: sub.lineId, seenCount: 1, repair: null });
    expect((await hub.http.get(`/drift/${listed.id}`).expect(200)).body).toEqual(listed);

    const repaired = (await hub.http.post(`/drift/${listed.id}/repair`).send({ reason: 'line deleted by mistake' }).expect(200)).body;
    expect(repaired).toMatchObject({ status: 'repaired', repairedAt: expect.any(String), repair: { reason: 'line deleted by mistake', auto: false, action: 'createLine', result: { newLineId: expect.any(String) } } });

    // The line exists again on the panel: same credentials, the subscription's package, expiry and connections.
    const again = sim.lineByUsername(sub.username);
    expect(again).toMatchObject({ password: original?.password, packageId: 2, maxConnections: 2, enabled: true });
    expect(String(again?.id)).toBe(repaired.repair.result.newLineId);
    expect(Math.abs((again?.expiresAt?.getTime() ?? 0) - Date.parse(sub.expiresAt))).toBeLessThan(MINUTE);
    const after = await subscription(hub, sub.id);
    expect(after).toMatchObject({ status: 'active', lineId: String(again?.id), username: sub.username });
    expect(after.history).toContainEqual(expect.objectContaining({ reason: `drift repair: line deleted by mistake (line ${sub.lineId} → ${again?.id})` }));

    const audit = (await hub.http.get('/audit').query({ action: 'drift.repair', targetId: sub.id }).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ findingId: listed.id, kind: 'line_missing', reason: 'line deleted by mistake', action: 'createLine', newLineId: String(again?.id) }) })]);
    const events = (await hub.http.get('/events').query({ type: 'drift.*', subjectId: sub.id }).expect(200)).body.items.map((event: { type: string; payload: Record<string, unknown> }) => [event.type, event.payload.kind]);
    expect(events.sort()).toEqual([['drift.detected', 'line_missing'], ['drift.repaired', 'line_missing']]);

    // In sync now; a closed finding cannot be repaired twice.
    expect((await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200)).body).toMatchObject({ inSync: true, drift: [] });
    expect(await findings(hub, { subscriptionId: sub.id, status: 'open' })).toEqual([]);
    expect((await hub.http.post(`/drift/${listed.id}/repair`).send({}).expect(409)).body.code).toBe('DRIFT_NOT_OPEN');
  });

  it('a line shortened and disabled on the panel gives two findings; their repairs set the panel back', async () => {
    const { hub, sim } = life;
    const sub = await activeSubscription(life);
    const lineId = Number(sub.lineId);
    sim.editLineDirectly(lineId, { expiresAt: new Date(Date.now() + 86_400_000), enabled: false });

    const report = (await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200)).body;
    expect(report.drift.map((item: { kind: string }) => item.kind)).toEqual(['expiry_differs', 'enabled_differs']);
    const [expiry] = await findings(hub, { subscriptionId: sub.id, kind: 'expiry_differs' });
    const [enabled] = await findings(hub, { subscriptionId: sub.id, kind: 'enabled_differs', status: 'open' });
    expect(expiry).toMatchObject({ status: 'open', hub: sub.expiresAt });
    expect(enabled).toMatchObject({ status: 'open', hub: true, panel: false });
    expect(await findings(hub, { subscriptionId: sub.id, status: 'repaired' })).toEqual([]);
    expect((await findings(hub, { panelId: life.panelId, status: 'open' })).map((item) => item.id)).toEqual(expect.arrayContaining([expiry.id, enabled.id]));

    expect((await hub.http.post(`/drift/${expiry.id}/repair`).send({ reason: 'panel expiry edited by hand' }).expect(200)).body).toMatchObject({ status: 'repaired', repair: { action: 'extendLine' } });
    expect(Math.abs((sim.line(lineId)?.expiresAt?.getTime() ?? 0) - Date.parse(sub.expiresAt))).toBeLessThan(MINUTE);
    expect(sim.line(lineId)?.enabled).toBe(false);
    expect((await hub.http.post(`/drift/${enabled.id}/repair`).send({}).expect(200)).body).toMatchObject({ status: 'repaired', repair: { action: 'enableLine', reason: 'manual repair' } });
    expect(sim.line(lineId)?.enabled).toBe(true);

    expect((await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200)).body.inSync).toBe(true);
    expect((await findings(hub, { subscriptionId: sub.id, status: 'repaired' })).map((item) => item.kind).sort()).toEqual(['enabled_differs', 'expiry_differs']);
  });

  it('keeps one open finding per subscription and kind, and resolves it when the panel is back in sync', async () => {
    const { hub, sim } = life;
    const sub = await activeSubscription(life);
    sim.editLineDirectly(Number(sub.lineId), { maxConnections: 5 });
    await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    const [open, ...others] = await findings(hub, { subscriptionId: sub.id });
    expect(others).toEqual([]);
    expect(open).toMatchObject({ kind: 'connections_differs', status: 'open', hub: 2, panel: 5, seenCount: 2 });
    expect(Date.parse(open.lastSeenAt)).toBeGreaterThan(Date.parse(open.firstSeenAt));

    sim.editLineDirectly(Number(sub.lineId), { maxConnections: 2 });
    expect((await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200)).body.inSync).toBe(true);
    expect((await hub.http.get(`/drift/${open.id}`).expect(200)).body).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String), repairedAt: null });
    const types = (await hub.http.get('/events').query({ type: 'drift.*', subjectId: sub.id }).expect(200)).body.items.map((event: { type: string }) => event.type);
    expect(types.sort()).toEqual(['drift.detected', 'drift.resolved']);
    expect((await hub.http.post(`/drift/${open.id}/repair`).send({}).expect(409)).body.code).toBe('DRIFT_NOT_OPEN');
  });

  it('refuses a repair while a workflow run is changing the line, and when the subscription changed since the finding', async () => {
    const { hub, sim } = life;
    const sub = await activeSubscription(life);
    const lineId = Number(sub.lineId);
    sim.editLineDirectly(lineId, { enabled: false });
    await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    const [finding] = await findings(hub, { subscriptionId: sub.id, status: 'open' });

    // A renewal whose panel call hangs (until the panel timeout): its run is busy with the line.
    sim.setFaults({ hangNext: 1 });
    await hub.http.post(`/subscriptions/${sub.id}/renew`).send({ reason: 'paid' }).expect(201);
    const running = await waitFor(async () => {
      const [run] = (await hub.http.get('/runs').query({ subscriptionId: sub.id, workflowId: 'renew-on-payment' }).expect(200)).body.items;
      return run?.status === 'running' && sim.stats.injectedHangs > 0 ? run : null;
    }, { message: 'the renewal run to hang on the panel' });
    const busy = (await hub.http.post(`/drift/${finding.id}/repair`).send({}).expect(409)).body;
    expect(busy).toMatchObject({ code: 'SUBSCRIPTION_BUSY', runIds: [running.id], hint: expect.any(String) });
    expect(sim.line(lineId)?.enabled).toBe(false);
    await waitForRun(hub, { subscriptionId: sub.id, workflowId: 'renew-on-payment' }, 'succeeded');

    // The expiry moved with the renewal, the enabled intent did not: this finding still repairs.
    expect((await hub.http.post(`/drift/${finding.id}/repair`).send({}).expect(200)).body.status).toBe('repaired');
    expect(sim.line(lineId)?.enabled).toBe(true);

    // An expiry finding goes stale when the hub's expiry changes before the repair.
    sim.editLineDirectly(lineId, { expiresAt: new Date(Date.now() + 86_400_000) });
    await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    const [expiry] = await findings(hub, { subscriptionId: sub.id, status: 'open', kind: 'expiry_differs' });
    await hub.app.get(MikroORM).em.fork().nativeUpdate(Subscription, { id: sub.id }, { expiresAt: new Date(Date.now() + 90 * 86_400_000) });
    expect((await hub.http.post(`/drift/${expiry.id}/repair`).send({}).expect(409)).body).toMatchObject({ code: 'DRIFT_STALE', findingId: expiry.id });
    expect(Math.abs((sim.line(lineId)?.expiresAt?.getTime() ?? 0) - (Date.now() + 86_400_000))).toBeLessThan(MINUTE);
    expect((await hub.http.get(`/drift/${expiry.id}`).expect(200)).body.status).toBe('open');
  });

  it('validates the filters and ids', async () => {
    expect((await life.hub.http.get('/drift').query({ status: 'fixed' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await life.hub.http.get('/drift').query({ kind: 'everything' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await life.hub.http.get('/drift/0192f0c0-0000-7000-8000-000000000001').expect(404)).body.code).toBe('NOT_FOUND');
  });
});

describe(`drift repair without the capability (NXT, ${testMode})`, () => {
  let hub: TestApp;
  let target: PanelTarget;
  let productId: string;
  beforeAll(async () => {
    target = await nxtTarget();
    hub = await createTestApp({ env: { ...FAST_WORKFLOWS, ...QUIET, HUB_RECONCILE_INTERVAL_MS: '0' } });
    const panel = await hub.http.post('/panels').send({ name: 'nxt sim', ...target.panel, options: { timeoutMs: 3000, retry: { attempts: 2, baseDelayMs: 50 } } }).expect(201);
    productId = (await hub.http.post('/products').send({ name: 'nxt product', panelId: panel.body.id, ...target.product, maxConnections: 1, priceMinor: 999, currency: 'EUR' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await hub?.close();
    await target?.close();
  });

  it('answers 422 REPAIR_NOT_SUPPORTED naming the capability, and leaves the finding open', async () => {
    const order = await hub.http.post('/orders').send({ customerId: await newCustomer(hub), productId }).expect(201);
    const paid = await hub.http.post(`/orders/${order.body.id}/mark-paid`).send({ providerPaymentId: `bank-${order.body.id}` }).expect(200);
    const sub = await waitForStatus(hub, paid.body.subscriptionId, 'active');
    await waitForRun(hub, { subscriptionId: sub.id, workflowId: 'provision-on-purchase' }, 'succeeded');
    target.disableOnPanel(sub.username);
    await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    const [finding] = await findings(hub, { subscriptionId: sub.id, kind: 'enabled_differs' });
    const problem = (await hub.http.post(`/drift/${finding.id}/repair`).send({ reason: 'try' }).expect(422)).body;
    expect(problem).toMatchObject({ code: 'REPAIR_NOT_SUPPORTED', capability: 'enableLine', kind: 'enabled_differs', hint: expect.stringContaining('by hand') });
    expect((await hub.http.get(`/drift/${finding.id}`).expect(200)).body.status).toBe('open');
    expect(target.line(sub.username)?.enabled).toBe(false);
  });
});

describe(`drift auto-repair on the scheduled reconcile (${testMode})`, () => {
  let life: Lifecycle;
  beforeAll(async () => {
    life = await startLifecycle({ env: { ...QUIET, HUB_RECONCILE_INTERVAL_MS: '300', HUB_DRIFT_AUTO_REPAIR: 'true' } });
  });
  afterAll(() => life?.close());

  it('sets expiry and enabled state back, and recreates a missing line on a panel that charges nothing', async () => {
    const { hub, sim } = life;
    const sub = await activeSubscription(life);
    const lineId = Number(sub.lineId);
    sim.editLineDirectly(lineId, { expiresAt: new Date(Date.now() + 86_400_000), enabled: false });
    await waitFor(() => sim.line(lineId)?.enabled === true && Math.abs((sim.line(lineId)?.expiresAt?.getTime() ?? 0) - Date.parse(sub.expiresAt)) < MINUTE, { message: 'the scheduled reconcile to repair the line' });
    const repaired = await waitFor(async () => {
      const items = await findings(hub, { subscriptionId: sub.id, status: 'repaired' });
      return items.length === 2 ? items : null;
    });
    expect(repaired.map((item) => [item.kind, item.repair.auto, item.repair.reason]).sort()).toEqual([
      ['enabled_differs', true, 'auto-repair (HUB_DRIFT_AUTO_REPAIR)'],
      ['expiry_differs', true, 'auto-repair (HUB_DRIFT_AUTO_REPAIR)'],
    ]);

    sim.deleteLineDirectly(lineId);
    const recreated = await waitFor(() => sim.lineByUsername(sub.username), { message: 'the missing line to be recreated' });
    await waitFor(async () => (await subscription(hub, sub.id)).lineId === String(recreated.id), { message: 'the subscription to point at the new line' });
    expect(recreated).toMatchObject({ packageId: 2, enabled: true });
    expect(await findings(hub, { subscriptionId: sub.id, status: 'open' })).toEqual([]);
  });
});
