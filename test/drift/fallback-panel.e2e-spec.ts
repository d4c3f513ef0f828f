import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { FAST_WORKFLOWS, newCustomer, waitForRun, waitForStatus } from '../workflows/lifecycle-fixture';

/**
 * Fallback panel (issue 7 item 7): a product names a fallback panel; when the primary's health
 * status is `down`, or its licence is full (MAX_USERS_REACHED), the purchase workflow's
 * `panel.createLine` provisions on the fallback, the run records it and the subscription follows
 * the line (with a history entry, an audit entry and `subscription.panel_changed`).
 */
describe(`fallback panel (${testMode})`, () => {
  let hub: TestApp;
  let primary: XuiAdminSimulator;
  let backup: XuiAdminSimulator;
  let primaryId: string;
  let backupId: string;
  let productId: string;

  const panel = async (name: string, sim: XuiAdminSimulator): Promise<string> =>
    (await hub.http.post('/panels').send({ name, type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials, options: { timeoutMs: 2000, retry: { attempts: 1, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } } }).expect(201)).body.id;

  beforeAll(async () => {
    primary = await XuiAdminSimulator.start();
    backup = await XuiAdminSimulator.start();
    hub = await createTestApp({ env: { ...FAST_WORKFLOWS, HUB_PANEL_HEALTH_INTERVAL_MS: '300', HUB_PACKAGE_SYNC_INTERVAL_MS: '0', HUB_RECONCILE_INTERVAL_MS: '0' } });
    primaryId = await panel('primary', primary);
    backupId = await panel('backup', backup);
  });
  afterAll(async () => {
    await hub?.close();
    await primary?.close();
    await backup?.close();
  });

  it('validates the fallback: another panel, with its package id', async () => {
    const base = { name: 'x', panelId: primaryId, packageExternalId: '2', durationUnit: 'days', durationValue: 30, maxConnections: 1, priceMinor: 100, currency: 'EUR' };
    expect((await hub.http.post('/products').send({ ...base, fallbackPanelId: primaryId, fallbackPackageExternalId: '1' }).expect(422)).body.code).toBe('INVALID_FALLBACK');
    expect((await hub.http.post('/products').send({ ...base, fallbackPanelId: backupId }).expect(422)).body.code).toBe('INVALID_FALLBACK');
    const product = await hub.http.post('/products').send({ ...base, name: '30 days', fallbackPanelId: backupId, fallbackPackageExternalId: '1' }).expect(201);
    expect(product.body).toMatchObject({ panelId: primaryId, fallbackPanelId: backupId, fallbackPackageExternalId: '1' });
    productId = product.body.id;
  });

  const purchase = async (): Promise<{ subscriptionId: string; sub: Record<string, any> }> => {
    const order = await hub.http.post('/orders').send({ customerId: await newCustomer(hub), productId }).expect(201);
    const paid = await hub.http.post(`/orders/${order.body.id}/mark-paid`).send({ providerPaymentId: `bank-${order.body.id}` }).expect(200);
    return { subscriptionId: paid.body.subscriptionId, sub: await waitForStatus(hub, paid.body.subscriptionId, 'active') };
  };

  it('provisions on the primary while it is healthy', async () => {
    await waitFor(async () => (await hub.http.get(`/panels/${primaryId}`).expect(200)).body.status === 'healthy', { timeoutMs: 10_000 });
    const { subscriptionId, sub } = await purchase();
    expect(primary.lineByUsername(sub.username)).toBeDefined();
    expect(backup.lineByUsername(sub.username)).toBeUndefined();
    const run = await waitForRun(hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
    const step = run.steps.find((item: { stepId: string }) => item.stepId === 'line');
    expect(step.output.panelId).toBe(primaryId);
    expect(step.output.fallback).toBeUndefined();
  });

  it('provisions on the fallback panel (with its package) when the primary is down, and the run and subscription show it', async () => {
    primary.setFaults({ wrongKey: true });
    await waitFor(async () => (await hub.http.get(`/panels/${primaryId}`).expect(200)).body.status === 'down', { timeoutMs: 10_000 });
    const { subscriptionId, sub } = await purchase();
    const line = backup.lineByUsername(sub.username);
    expect(line).toBeDefined();
    expect(line?.packageId).toBe(1);
    expect(primary.lineByUsername(sub.username)).toBeUndefined();
    expect(sub).toMatchObject({ panelId: backupId, packageExternalId: '1', lineId: String(line?.id) });
    const run = await waitForRun(hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
    const step = run.steps.find((item: { stepId: string }) => item.stepId === 'line');
    expect(step.output).toMatchObject({ panelId: backupId, fallback: { primaryPanelId: primaryId, reason: 'PANEL_DOWN' } });
    primary.setFaults({ wrongKey: false });
  });

  it('provisions on the fallback panel when the healthy primary answers MAX_USERS_REACHED, and the panel switch is visible (history, audit, event)', async () => {
    await waitFor(async () => (await hub.http.get(`/panels/${primaryId}`).expect(200)).body.status === 'healthy', { timeoutMs: 10_000, message: 'the primary to be healthy again' });
    // The primary's licence is full: its next create is refused.
    primary.setFaults({ maxLines: primary.lines().length });
    try {
      const { subscriptionId, sub } = await purchase();
      const line = backup.lineByUsername(sub.username);
      expect(line?.packageId).toBe(1);
      expect(primary.lineByUsername(sub.username)).toBeUndefined();
      expect(sub).toMatchObject({ panelId: backupId, packageExternalId: '1', lineId: String(line?.id) });
      const run = await waitForRun(hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
      const step = run.steps.find((item: { stepId: string }) => item.stepId === 'line');
      expect(step.output).toMatchObject({ panelId: backupId, fallback: { primaryPanelId: primaryId, reason: 'MAX_USERS_REACHED' } });
      expect(step.attempts).toBe(1);

      // The switch went through the subscriptions service: a history entry, an audit entry and an event.
      expect(sub.history).toContainEqual(expect.objectContaining({ reason: `fallback panel: MAX_USERS_REACHED (panel ${primaryId} → ${backupId})`, runId: run.id }));
      const audit = await hub.http.get('/audit').query({ action: 'subscription.panel_changed', targetId: subscriptionId }).expect(200);
      expect(audit.body.items).toEqual([expect.objectContaining({ details: expect.objectContaining({ before: { panelId: primaryId, packageExternalId: '2' }, after: { panelId: backupId, packageExternalId: '1' }, fallbackReason: 'MAX_USERS_REACHED', runId: run.id }) })]);
      const events = await hub.http.get('/events').query({ type: 'subscription.panel_changed', subjectId: subscriptionId }).expect(200);
      expect(events.body.items).toEqual([expect.objectContaining({ payload: expect.objectContaining({ panelId: backupId, previousPanelId: primaryId, fallbackReason: 'MAX_USERS_REACHED' }) })]);
    } finally {
      primary.setFaults({ maxLines: null });
    }
  });
});
