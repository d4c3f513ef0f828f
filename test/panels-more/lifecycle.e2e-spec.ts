import { MikroORM } from '@mikro-orm/core';
import { Subscription } from '../../src/core/subscriptions/subscription.entity';
import type { NxtSimulator } from '../../src/plugins/panels/nxt/nxt.simulator';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { FAST_WORKFLOWS, newCustomer, runsOf, subscription, waitForRun, waitForStatus } from '../workflows/lifecycle-fixture';
import { PanelTarget, TARGETS } from './panel-targets';

/**
 * The built-in purchase → renewal → expiry → reactivation lifecycle against each of the three
 * simulators, with the simulator's state checked after each step.
 */
describe.each(Object.keys(TARGETS) as (keyof typeof TARGETS)[])(`built-in lifecycle on %s (${testMode})`, (name) => {
  let hub: TestApp;
  let target: PanelTarget;
  let productId: string;

  beforeAll(async () => {
    target = await TARGETS[name]();
    hub = await createTestApp({
      env: {
        ...FAST_WORKFLOWS,
        HUB_EXPIRY_SCAN_MS: '200',
        HUB_PANEL_HEALTH_INTERVAL_MS: '0',
        HUB_PACKAGE_SYNC_INTERVAL_MS: '0',
        // Time scale 1/10 000: grace 30m → 180 ms; retention 500h → 180 s (the line stays for reactivation).
        HUB_WORKFLOW_VARS: JSON.stringify({ 'expire-line': { gracePeriod: '30m', retention: '500h' } }),
      },
    });
    const panel = await hub.http
      .post('/panels')
      .send({ name: `${name} sim`, ...target.panel, options: { timeoutMs: 3000, retry: { attempts: 2, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } } })
      .expect(201);
    const product = await hub.http.post('/products').send({ name: `${name} product`, panelId: panel.body.id, ...target.product, maxConnections: 1, priceMinor: 999, currency: 'EUR' }).expect(201);
    productId = product.body.id;
  });
  afterAll(async () => {
    await hub?.close();
    await target?.close();
  });

  /** The panel line matches the subscription's expiry (exactly, at the panel's precision; package panels may run longer). */
  const expectLineMatches = (sub: Record<string, any>, enabled: boolean) => {
    const line = target.line(sub.username);
    expect(line).toBeDefined();
    const wanted = Date.parse(sub.expiresAt);
    const got = line?.expiresAtMs as number;
    expect(got).toBeGreaterThan(wanted - target.precisionMs);
    if (!target.expiryFromPackage) expect(got).toBeLessThan(wanted + target.precisionMs);
    expect(line?.enabled).toBe(enabled);
    expect(line?.packageId).toBe(target.product.packageExternalId);
  };
  const succeededSteps = (run: Record<string, any>) => run.steps.filter((step: { status: string }) => step.status === 'succeeded').map((step: { stepId: string }) => step.stepId);

  it('purchase → renewal → expiry → reactivation', async () => {
    // Purchase: the line is created with the product's package and expiry.
    const customerId = await newCustomer(hub);
    const order = await hub.http.post('/orders').send({ customerId, productId }).expect(201);
    const paid = await hub.http.post(`/orders/${order.body.id}/mark-paid`).send({ providerPaymentId: `bank-${order.body.id}` }).expect(200);
    const subscriptionId: string = paid.body.subscriptionId;
    const active = await waitForStatus(hub, subscriptionId, 'active');
    expect(active.lineId).toBeTruthy();
    expectLineMatches(active, true);

    // Renewal: the line's expiry moves with the subscription's. On NXT the session is ended in the
    // middle of the extend step: one re-login recovers it, and no step fails or is retried.
    const nxt = name === 'nxt' ? ((target as unknown as { sim: NxtSimulator }).sim as NxtSimulator) : undefined;
    const loginsBefore = nxt?.stats.logins ?? 0;
    let armed = true;
    if (nxt)
      nxt.beforeHandle = (request) => {
        if (armed && request.method === 'GET' && request.path.startsWith('/lines/extend/')) {
          armed = false;
          nxt.expireSessions();
        }
      };
    await hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({ reason: 'paid' }).expect(201);
    const renewal = await waitForRun(hub, { subscriptionId, workflowId: 'renew-on-payment' }, 'succeeded');
    expect(renewal.steps.every((step: { status: string; attempts: number }) => step.status !== 'failed' && step.attempts <= 1)).toBe(true);
    const renewed = await subscription(hub, subscriptionId);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.parse(active.expiresAt));
    expectLineMatches(renewed, true);
    if (nxt) {
      expect(armed).toBe(false);
      expect(nxt.stats.expiredAnswers).toBeGreaterThanOrEqual(1);
      expect(nxt.stats.logins - loginsBefore).toBe(1);
    }

    // Expiry: grace, then expired, and the line is disabled on the panel (on NXT: left to the panel's own expiry).
    await hub.app.get(MikroORM).em.fork().nativeUpdate(Subscription, { id: subscriptionId }, { expiresAt: new Date(Date.now() - 1000) });
    await waitForStatus(hub, subscriptionId, 'expired');
    // The run now waits out the retention period (the line is kept for a comeback).
    const expiry = await waitForRun(hub, { subscriptionId, workflowId: 'expire-line' }, 'waiting');
    expect(succeededSteps(expiry)).toEqual(['grace', 'check', 'expire', 'disable']);
    const disable = expiry.steps.find((step: { stepId: string }) => step.stepId === 'disable');
    if (name === 'nxt') {
      // NXT cannot disable lines but cuts them off at their own expiry: the step is satisfied, not
      // flagged for review, and says why. The line is untouched on the panel.
      expect(disable.output).toMatchObject({ satisfied: true, skipped: 'disableLine', panelExpiresAt: expect.any(String), reason: expect.stringContaining('cannot disable lines') });
      const onPanel = target.line(renewed.username);
      expect(onPanel?.enabled).toBe(true);
      // The panel shows minutes: the reported expiry is the simulator's within that precision, and still the renewed one.
      expect(Math.abs(Date.parse(disable.output.panelExpiresAt) - (onPanel?.expiresAtMs as number))).toBeLessThan(target.precisionMs);
      expect(onPanel?.expiresAtMs).toBeGreaterThan(Date.parse(renewed.expiresAt) - target.precisionMs);
      expect((await subscription(hub, subscriptionId)).status).toBe('expired');
    } else {
      expect(disable.output.satisfied).toBeUndefined();
      await waitFor(() => target.line(renewed.username)?.enabled === false, { message: 'the line to be disabled on the panel' });
    }

    // Reactivation by a renewal payment: extended from now and enabled again.
    await hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({ reason: 'came back' }).expect(201);
    await waitFor(async () => (await runsOf(hub, { subscriptionId, workflowId: 'renew-on-payment' })).filter((run) => run.status === 'succeeded').length === 2, { message: 'the second renewal run' });
    const reactivated = await waitForStatus(hub, subscriptionId, 'active');
    expect(Date.parse(reactivated.expiresAt)).toBeGreaterThan(Date.now());
    expectLineMatches(reactivated, true);
    // The comeback's renewal run (ids are time-ordered: the later of the two).
    const [comeback] = (await runsOf(hub, { subscriptionId, workflowId: 'renew-on-payment' })).sort((a, b) => (a.id < b.id ? 1 : -1));
    const enable = (await hub.http.get(`/runs/${comeback.id}`).expect(200)).body.steps.find((step: { stepId: string }) => step.stepId === 'enable');
    if (name === 'nxt') {
      // Enabling is satisfied by the extended expiry (the panel lets the line play until then).
      expect(enable).toMatchObject({ status: 'succeeded', output: { satisfied: true, skipped: 'enableLine', reason: expect.stringContaining('plays until its expiry') } });
      expect(Date.parse(enable.output.panelExpiresAt)).toBeGreaterThan(Date.now());
    } else {
      expect(enable).toMatchObject({ status: 'succeeded', output: { enabled: true } });
    }
  });
});
