import { MikroORM } from '@mikro-orm/core';
import { AuditService } from '../../src/core/audit/audit.service';
import { sqlOf } from '../../src/core/database/prepared-statements';
import { EventsService } from '../../src/core/events/events.service';
import { testMode } from '../helpers/test-app';
import { buy, eventsOf, Lifecycle, newCustomer, sql, startLifecycle, subscription, waitForRun, waitForStatus } from './lifecycle-fixture';

/**
 * A run triggered by an event has its first commit in the transaction that emits the event: its
 * leading database-only steps run there, and the step after them, which calls out, starts there
 * and is performed right after the commit. If one of those steps fails there, none of their work
 * is kept, and the run starts the usual way, which records the failure.
 */
describe(`a run's first steps in its trigger's commit (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle();
  });
  afterAll(() => life?.close());

  const stepRows = (runId: string) => sql<{ step_id: string; status: string; attempts: number | string }>(life.hub, `select step_id, status, attempts from hub_workflow_step where run_id = '${runId}' order by position`);

  it('commits the purchase run with its provisioning step done and its line step started, together with the payment', async () => {
    const { subscriptionId, orderId } = await buy(life);
    // Nothing has been read back or committed since the payment's answer: this is the payment's commit.
    const [run] = await sql<{ id: string; status: string; version: number | string; correlation_id: string }>(life.hub, `select id, status, version, correlation_id from hub_workflow_run where subscription_id = '${subscriptionId}'`);
    expect(run.status).not.toBe('queued');
    const [provisioning, line] = await stepRows(run.id);
    expect(provisioning).toMatchObject({ step_id: 'provisioning', status: 'succeeded' });
    expect(line.step_id).toBe('line');
    expect(['running', 'succeeded']).toContain(line.status);
    expect((await subscription(life.hub, subscriptionId)).status).not.toBe('pending');

    await waitForStatus(life.hub, subscriptionId, 'active');
    const done = await waitForRun(life.hub, { subscriptionId }, 'succeeded');
    expect(done.steps.map((step: { stepId: string; attempts: number }) => `${step.stepId}:${step.attempts}`)).toEqual(['provisioning:1', 'line:1', 'activate:1', 'review:0', 'alert:0']);
    // One commit of its own after the payment's: the line's result with the end of the run.
    const [stored] = await sql<{ version: number | string }>(life.hub, `select version from hub_workflow_run where id = '${run.id}'`);
    expect(Number(stored.version)).toBe(2);

    // The engine's entries, not the caller's: the system actor, tied to the payment by its correlation id.
    const audit = (await life.hub.http.get('/audit').query({ correlationId: run.correlation_id, limit: 100 }).expect(200)).body.items as Array<{ action: string; actorType: string; targetId: string }>;
    const provisioned = audit.filter((entry) => entry.action === 'subscription.provisioning' && entry.targetId === subscriptionId);
    expect(provisioned).toHaveLength(1);
    expect(provisioned[0].actorType).toBe('system');
    expect(audit.find((entry) => entry.action === 'workflow.step.succeeded' && entry.targetId === run.id)?.actorType).toBe('system');
    expect(audit.find((entry) => entry.action === 'order.mark_paid' && entry.targetId === orderId)?.actorType).toBe('api_key');
  });

  it('reads in a purchase only what it has not at hand: the order (with its product), then the subscription once more for its activation', async () => {
    const customer = await newCustomer(life.hub);
    const order = await life.hub.http.post('/orders').send({ customerId: customer, productId: life.productId }).expect(201);
    const connection = life.hub.app.get(MikroORM).em.getConnection();
    const execute = jest.spyOn(connection, 'execute');
    try {
      const paid = await life.hub.http.post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
      await waitForRun(life.hub, { subscriptionId: paid.body.subscriptionId }, 'succeeded');
      const reads = execute.mock.calls.map(([query]) => sqlOf(String(query))).filter((text) => /^\s*select\b/i.test(text));
      // Each read is a round trip of its own. The payment's transaction creates the subscription:
      // its provisioning step and the line step's plan take it (and its product) from there.
      expect(reads.filter((text) => /\b(from|join) "?hub_product"?\s/.test(text))).toHaveLength(1);
      expect(reads.filter((text) => /\bfrom "?hub_subscription"?\s/.test(text))).toHaveLength(1);
    } finally {
      execute.mockRestore();
    }
  });

  it('undoes the first steps done in the trigger when one fails there; the run starts the usual way and records the failure once', async () => {
    const { subscriptionId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'active');
    const missing = '0190a000-0000-7000-8000-0000000000aa';
    const yaml = [
      'id: inline-undo',
      'on:',
      '  event: test.inline_undo',
      'steps:',
      '  - id: suspend',
      '    uses: subscription.suspend',
      '    with:',
      '      subscription: ${{ event.subscriptionId }}',
      '  - id: broken',
      '    uses: subscription.activate',
      '    with:',
      `      subscription: "${missing}"`,
      '      line: { lineId: "1", username: "nobody" }',
      '  - id: line',
      '    uses: panel.createLine',
      '    with:',
      `      panel: "${life.panelId}"`,
      '      package: "2"',
      '      days: 30',
      '      username: inline_undo_user',
      '',
    ].join('\n');
    await life.hub.http.post('/workflows').send({ yaml }).expect(201);

    const checkpoint = jest.spyOn(life.hub.app.get(AuditService), 'checkpoint');
    const emitted = await life.hub.app.get(EventsService).transaction(async (_em, emit) => emit({ type: 'test.inline_undo', payload: { subscriptionId } }));
    // The first steps were tried in the emitting transaction, which committed all the same, with the run.
    expect(checkpoint).toHaveBeenCalled();
    checkpoint.mockRestore();
    const [row] = await sql<{ id: string }>(life.hub, `select id from hub_workflow_run where trigger_key = 'inline-undo:event:${emitted.id}'`);
    expect(row).toBeDefined();

    const run = await waitForRun(life.hub, { workflowId: 'inline-undo' }, 'failed');
    expect(run.error).toMatchObject({ stepId: 'broken', code: 'NOT_FOUND' });
    expect(run.steps.map((step: { stepId: string; status: string; attempts: number }) => `${step.stepId}:${step.status}:${step.attempts}`)).toEqual(['suspend:succeeded:1', 'broken:failed:1', 'line:skipped:0']);
    expect(life.sim.lines().filter((line) => line.username === 'inline_undo_user')).toHaveLength(0);

    // The attempt in the trigger's transaction left nothing behind (had its write stayed, the usual
    // attempt would have found the subscription suspended already and recorded no move at all):
    // one move, with its history entry, audit entry and event; one entry per step.
    const sub = await subscription(life.hub, subscriptionId);
    // Suspended, then flagged for review by the run's failure.
    expect(sub.status).toBe('failed');
    expect(sub.history.filter((entry: { to: string }) => entry.to === 'suspended')).toHaveLength(1);
    const moves = (await life.hub.http.get('/audit').query({ action: 'subscription.suspended', targetId: subscriptionId }).expect(200)).body.items;
    expect(moves).toHaveLength(1);
    expect((await eventsOf(life.hub, 'subscription.suspended')).filter((event) => event.payload.subscriptionId === subscriptionId)).toHaveLength(1);
    const audit = (await life.hub.http.get('/audit').query({ targetId: run.id, limit: 50 }).expect(200)).body.items as Array<{ action: string; details: Record<string, unknown> }>;
    const stepEntries = audit.filter((entry) => entry.action.startsWith('workflow.step.')).map((entry) => `${entry.action}:${String(entry.details.stepId)}`);
    expect(stepEntries.sort()).toEqual(['workflow.step.failed:broken', 'workflow.step.succeeded:suspend']);
  });
});
