import { MikroORM } from '@mikro-orm/core';
import { Subscription } from '../../src/core/subscriptions/subscription.entity';
import { testMode, waitFor } from '../helpers/test-app';
import { buy, eventsOf, Lifecycle, runsOf, startLifecycle, subscription, waitForRun, waitForStatus } from './lifecycle-fixture';

const DAY = 86_400_000;

describe(`subscription lifecycle workflows (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle({
      env: {
        HUB_EXPIRY_SCAN_MS: '200',
        HUB_EXPIRING_DAYS: '3',
        // With the 1/10 000 time scale: grace 30m → 180 ms, retention 10h → 3.6 s.
        HUB_WORKFLOW_VARS: JSON.stringify({ 'expire-line': { gracePeriod: '30m', retention: '10h' }, 'suspend-on-payment-failure': { gracePeriod: '30m' } }),
      },
    });
  });
  afterAll(() => life?.close());

  const lineOf = (sub: Record<string, any>) => life.sim.line(Number(sub.lineId));
  const setExpiry = (id: string, expiresAt: Date) => life.hub.app.get(MikroORM).em.fork().nativeUpdate(Subscription, { id }, { expiresAt });

  it('renewal extends from the current expiry, and two renewals with one concurrency key run one after the other', async () => {
    const { subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    const start = new Date(active.expiresAt).getTime();
    await life.hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({ reason: 'paid cash' }).expect(201);
    await life.hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({ reason: 'paid again' }).expect(201);
    const runs = await waitFor(async () => {
      const all = (await runsOf(life.hub, { subscriptionId, workflowId: 'renew-on-payment' })).filter((run) => run.status === 'succeeded');
      return all.length === 2 ? all : null;
    }, { message: 'two renewal runs' });
    const [first, second] = [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(new Date(first.finishedAt).getTime()).toBeLessThanOrEqual(new Date(second.startedAt).getTime());
    expect(first.concurrencyKey).toBe(subscriptionId);
    const renewed = await subscription(life.hub, subscriptionId);
    expect(new Date(renewed.expiresAt).getTime()).toBe(start + 60 * DAY);
    expect(Math.abs((lineOf(renewed)?.expiresAt as Date).getTime() - (start + 60 * DAY))).toBeLessThan(1000);
    expect((await eventsOf(life.hub, 'subscription.renewed')).filter((event) => event.payload.subscriptionId === subscriptionId)).toHaveLength(2);
  });

  it('expiry: grace, then the line is disabled, then deleted after the retention period', async () => {
    const { subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    await setExpiry(subscriptionId, new Date(Date.now() - 1000));
    const expired = await waitForStatus(life.hub, subscriptionId, 'expired');
    expect(expired.history.map((entry: { to: string }) => entry.to)).toEqual(['pending', 'provisioning', 'active', 'grace', 'expired']);
    await waitFor(() => lineOf(active)?.enabled === false, { message: 'the line to be disabled' });
    await waitFor(() => life.sim.line(Number(active.lineId)) === undefined, { timeoutMs: 20_000, message: 'the line to be deleted after retention' });
    const run = await waitForRun(life.hub, { subscriptionId, workflowId: 'expire-line' }, 'succeeded');
    expect(run.steps.filter((step: { status: string }) => step.status === 'succeeded').map((step: { stepId: string }) => step.stepId)).toEqual(['grace', 'check', 'expire', 'disable', 'retention', 'recheck', 'delete', 'forget']);
    expect((await subscription(life.hub, subscriptionId)).lineDeletedAt).not.toBeNull();
  });

  it('an expiry after a renewal during the previous expiry\'s retention is handled on time, by a run of its own', async () => {
    const { subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    await setExpiry(subscriptionId, new Date(Date.now() - 1000));
    await waitForStatus(life.hub, subscriptionId, 'expired');
    await waitFor(() => lineOf(active)?.enabled === false, { message: 'the line to be disabled' });
    // The first expiry's run is in its retention delay (3.6 s here) when the customer renews…
    await life.hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({}).expect(201);
    await waitFor(async () => (await subscription(life.hub, subscriptionId)).status === 'active' && lineOf(active)?.enabled === true, { message: 'the renewal to enable the line' });
    // …and the renewed period ends too, before that retention is over.
    await setExpiry(subscriptionId, new Date(Date.now() - 1000));
    const again = await waitForStatus(life.hub, subscriptionId, 'expired');
    await waitFor(() => lineOf(active)?.enabled === false, { message: 'the line to be disabled again' });
    const runs = await runsOf(life.hub, { subscriptionId, workflowId: 'expire-line' });
    expect(runs).toHaveLength(2);
    const [first, second] = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(second.concurrencyKey).toBe(`${subscriptionId}@${again.expiresAt}`);
    // The first run ends without deleting the line of a period that is not its own; the second deletes it after its retention.
    const firstDone = await waitFor(async () => {
      const run = (await life.hub.http.get(`/runs/${first.id}`).expect(200)).body;
      return run.status === 'succeeded' ? run : null;
    }, { timeoutMs: 20_000, message: 'the first expiry run to end' });
    // The second expiry did not wait for the first run's retention.
    expect(new Date(second.startedAt).getTime()).toBeLessThan(new Date(firstDone.finishedAt).getTime());
    expect(firstDone.steps.find((step: { stepId: string }) => step.stepId === 'delete').status).toBe('skipped');
    await waitFor(() => life.sim.line(Number(active.lineId)) === undefined, { timeoutMs: 20_000, message: 'the line to be deleted after the second retention' });
  });

  it('a renewal during grace keeps the line: nothing is disabled', async () => {
    const { subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    await life.hub.app.get(MikroORM).em.fork().nativeUpdate(Subscription, { id: subscriptionId }, { expiresAt: new Date(Date.now() - 1000), status: 'grace' });
    await life.hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({}).expect(201);
    await waitForRun(life.hub, { subscriptionId, workflowId: 'renew-on-payment' }, 'succeeded');
    const renewed = await subscription(life.hub, subscriptionId);
    expect(renewed.status).toBe('active');
    expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(lineOf(active)?.enabled).toBe(true);
  });

  it('suspend disables the line and reactivation enables it again', async () => {
    const { subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    await life.hub.http.post(`/subscriptions/${subscriptionId}/suspend`).send({ reason: 'chargeback dispute' }).expect(200);
    await waitFor(() => lineOf(active)?.enabled === false, { message: 'the line to be disabled' });
    const bad = await life.hub.http.post(`/subscriptions/${subscriptionId}/suspend`).send({ reason: 'again' }).expect(200);
    expect(bad.body.status).toBe('suspended');
    await life.hub.http.post(`/subscriptions/${subscriptionId}/reactivate`).send({ reason: 'dispute settled' }).expect(200);
    await waitFor(() => lineOf(active)?.enabled === true, { message: 'the line to be enabled' });
    await waitForRun(life.hub, { subscriptionId, workflowId: 'reactivate-line' }, 'succeeded');
    expect((await subscription(life.hub, subscriptionId)).status).toBe('active');
  });

  it('upgrade changes the package and connections of the line', async () => {
    const { subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    const bigger = await life.hub.http.post('/products').send({ name: 'Full, 3 screens', panelId: life.panelId, packageExternalId: '1', durationUnit: 'days', durationValue: 30, maxConnections: 3, priceMinor: 1999, currency: 'EUR' }).expect(201);
    const order = await life.hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({ productId: bigger.body.id }).expect(201);
    expect(order.body.kind).toBe('upgrade');
    await waitForRun(life.hub, { subscriptionId, workflowId: 'upgrade-package' }, 'succeeded');
    const line = lineOf(active);
    expect(line?.packageId).toBe(1);
    expect(line?.maxConnections).toBe(3);
    const upgraded = await subscription(life.hub, subscriptionId);
    expect(upgraded).toMatchObject({ productId: bigger.body.id, packageExternalId: '1', maxConnections: 3, expiresAt: active.expiresAt });
  });

  it('refund cancels the subscription and disables the line', async () => {
    const { subscriptionId, orderId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    await life.hub.http.post(`/orders/${orderId}/mark-refunded`).send({ reason: 'customer asked' }).expect(200);
    await waitForStatus(life.hub, subscriptionId, 'cancelled');
    await waitFor(() => lineOf(active)?.enabled === false, { message: 'the line to be disabled' });
    const conflict = await life.hub.http.post(`/subscriptions/${subscriptionId}/reactivate`).send({ reason: 'no' }).expect(409);
    expect(conflict.body.code).toBe('INVALID_SUBSCRIPTION_TRANSITION');
  });

  it('a failed renewal payment suspends after the grace period (and the line is disabled)', async () => {
    const { subscriptionId, customerId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    const order = await life.hub.http.post('/orders').send({ customerId, productId: life.productId, kind: 'renewal', subscriptionId }).expect(201);
    await life.hub.http.post(`/orders/${order.body.id}/mark-failed`).send({ reason: 'card declined' }).expect(200);
    await waitForStatus(life.hub, subscriptionId, 'suspended');
    await waitFor(() => lineOf(active)?.enabled === false, { message: 'the line to be disabled' });
  });

  it('emits subscription.expiring once, and the reminder workflow turns it into customer.renewal_reminder', async () => {
    const { subscriptionId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'active');
    // A minute under a day: a scan that took its clock reading just before this update still
    // counts one day left (ceil of the remaining days), whatever the scheduling.
    await setExpiry(subscriptionId, new Date(Date.now() + DAY - 60_000));
    await waitForRun(life.hub, { subscriptionId, workflowId: 'expiring-reminder' }, 'succeeded');
    const reminder = await waitFor(async () => (await eventsOf(life.hub, 'customer.renewal_reminder')).find((event) => event.payload.subscriptionId === subscriptionId));
    expect(reminder.payload.daysLeft).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 600)); // three more scans
    expect((await eventsOf(life.hub, 'subscription.expiring')).filter((event) => event.payload.subscriptionId === subscriptionId)).toHaveLength(1);
  });

  it('reconcile reports drift between the hub and the panel, and repairs the expiry on request', async () => {
    const { subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    expect((await life.hub.http.post(`/subscriptions/${subscriptionId}/reconcile`).expect(200)).body).toMatchObject({ inSync: true, drift: [] });
    const wanted = new Date(Math.floor((Date.now() + 90 * DAY) / 1000) * 1000);
    await setExpiry(subscriptionId, wanted);
    const report = (await life.hub.http.post(`/subscriptions/${subscriptionId}/reconcile`).expect(200)).body;
    expect(report).toMatchObject({ inSync: false, drift: [expect.objectContaining({ kind: 'expiry_differs', hub: wanted.toISOString() })] });
    const repaired = (await life.hub.http.post(`/subscriptions/${subscriptionId}/reconcile`).query({ repair: 'true' }).expect(200)).body;
    expect(repaired.drift[0]).toMatchObject({ kind: 'expiry_differs', repaired: true });
    expect(Math.abs((lineOf(active)?.expiresAt as Date).getTime() - wanted.getTime())).toBeLessThan(1000);
    expect((await life.hub.http.post(`/subscriptions/${subscriptionId}/reconcile`).expect(200)).body.inSync).toBe(true);
    life.sim.deleteLineDirectly(Number(active.lineId));
    const missing = (await life.hub.http.post(`/subscriptions/${subscriptionId}/reconcile`).expect(200)).body;
    expect(missing.drift).toEqual([expect.objectContaining({ kind: 'line_missing' })]);
  });
});
