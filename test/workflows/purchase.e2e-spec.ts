import { MikroORM } from '@mikro-orm/core';
import { EventRow } from '../../src/core/events/event.entity';
import { toHubEvent } from '../../src/core/events/events.service';
import { TriggersService } from '../../src/workflows/engine/triggers.service';
import { testMode, waitFor } from '../helpers/test-app';
import { buy, eventsOf, sql, subscription, Lifecycle, startLifecycle, waitForRun, waitForStatus } from './lifecycle-fixture';

describe(`purchase → line (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle();
  });
  afterAll(() => life?.close());

  it('turns a paid order into one line with the product settings, an active subscription, events and a correlated audit trail', async () => {
    const before = Date.now();
    const { orderId, subscriptionId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');

    const lines = life.sim.lines();
    expect(lines).toHaveLength(1);
    const [line] = lines;
    // A first create (a username made up for this attempt) has no earlier line to look for; retries do look (retries e2e).
    expect(life.sim.requests.map((request) => request.action).filter((action) => ['get_lines', 'get_line', 'get_package', 'create_line'].includes(action))).toEqual(['get_package', 'create_line']);
    expect(String(line.id)).toBe(active.lineId);
    expect(line.username).toBe(active.username);
    expect(line.maxConnections).toBe(2);
    expect(line.packageId).toBe(2);
    const expected = before + 30 * 86_400_000;
    expect(Math.abs((line.expiresAt as Date).getTime() - expected)).toBeLessThan(120_000);
    expect(Math.abs(new Date(active.expiresAt).getTime() - expected)).toBeLessThan(120_000);
    expect(active.hasPassword).toBe(true);
    expect(JSON.stringify(active)).not.toContain(line.password);

    const [row] = await sql<{ password_sealed: string }>(life.hub, `select password_sealed from hub_subscription where id = '${subscriptionId}'`);
    expect(row.password_sealed).toMatch(/^v1\./);
    expect(row.password_sealed).not.toContain(line.password);

    const run = await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
    expect(run.revision).toBeGreaterThanOrEqual(1);
    expect(run.steps.map((step: { stepId: string; status: string }) => `${step.stepId}:${step.status}`)).toEqual(['provisioning:succeeded', 'line:succeeded', 'activate:succeeded', 'review:skipped', 'alert:skipped']);
    const lineStep = run.steps.find((step: { stepId: string }) => step.stepId === 'line');
    expect(lineStep.output).toMatchObject({ lineId: String(line.id), username: line.username, password: '[redacted]' });
    expect(JSON.stringify(run)).not.toContain(line.password);

    // Two commits of the run: the first (database-only) step with the line step's start and the
    // plan it creates by (fixed before the panel sees the create); then the line's result with the
    // activation and the end of the run.
    const [stored] = await sql<{ version: number | string }>(life.hub, `select version from hub_workflow_run where id = '${run.id}'`);
    expect(Number(stored.version)).toBe(2);

    const runs = (await life.hub.http.get('/runs').query({ subscriptionId }).expect(200)).body.items;
    expect(runs.filter((item: { workflowId: string }) => item.workflowId === 'provision-on-purchase')).toHaveLength(1);

    const created = await waitFor(async () => (await eventsOf(life.hub, 'line.created')).find((event) => event.payload.subscriptionId === subscriptionId));
    expect(created.payload).toMatchObject({ panelId: life.panelId, lineId: String(line.id) });
    expect(JSON.stringify(created.payload)).not.toContain(line.password);
    const succeeded = (await eventsOf(life.hub, 'workflow.run.succeeded')).find((event) => event.payload.runId === run.id);
    expect(succeeded?.payload).toMatchObject({ workflowId: 'provision-on-purchase', status: 'succeeded', subscriptionId });
    const activated = (await eventsOf(life.hub, 'subscription.activated')).find((event) => event.payload.subscriptionId === subscriptionId);
    expect(activated?.payload.subscription).toMatchObject({ id: subscriptionId, status: 'active', lineId: String(line.id) });

    // One correlation id ties the order, the run, its steps and the panel calls together.
    const correlationId = run.correlationId;
    const audit = (await life.hub.http.get('/audit').query({ correlationId, limit: 200 }).expect(200)).body.items as { action: string; targetId: string }[];
    const actions = audit.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['order.mark_paid', 'workflow.run.create', 'workflow.step.succeeded', 'panel.createLine', 'workflow.run.succeeded']));
    expect(audit.filter((entry) => entry.action === 'workflow.step.succeeded')).toHaveLength(3);
    expect(audit.some((entry) => entry.action === 'panel.call')).toBe(true);
    expect(audit.find((entry) => entry.action === 'order.mark_paid')?.targetId).toBe(orderId);
  });

  it('starts one run when the same event is delivered twice, and the same payment id is a no-op', async () => {
    const { orderId, subscriptionId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'active');
    await life.hub.http.post(`/orders/${orderId}/mark-paid`).send({ providerPaymentId: `bank-${orderId}` }).expect(200);
    const all = await eventsOf(life.hub, 'payment.succeeded');
    const [event] = all.filter((item) => item.payload.orderId === orderId);
    // Deliver the same event to the trigger listener again, as an at-least-once redelivery would.
    const row = await life.hub.app.get(MikroORM).em.fork().findOneOrFail(EventRow, { id: event.id });
    await life.hub.app.get(TriggersService).onEvent(toHubEvent(row));
    await life.hub.app.get(TriggersService).onEvent(toHubEvent(row));
    const runs = (await life.hub.http.get('/runs').query({ subscriptionId, workflowId: 'provision-on-purchase' }).expect(200)).body.items;
    expect(runs).toHaveLength(1);
    const { username } = await subscription(life.hub, subscriptionId);
    expect(life.sim.lines().filter((line) => line.username === username)).toHaveLength(1);
    expect((await eventsOf(life.hub, 'payment.succeeded')).filter((item) => item.payload.orderId === orderId)).toHaveLength(1);
  });
});
