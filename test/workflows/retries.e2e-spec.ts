import { testMode, waitFor } from '../helpers/test-app';
import { buy, eventsOf, Lifecycle, sql, startLifecycle, subscription, waitForRun, waitForStatus } from './lifecycle-fixture';

describe(`workflow retries and failure handling (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle();
  });
  afterAll(() => life?.close());
  afterEach(() => life.sim.resetFaults());

  const lineStep = (run: Record<string, any>) => run.steps.find((step: { stepId: string }) => step.stepId === 'line');

  it('retries a panel that is down for three attempts and succeeds on the fourth, with the backoff of the definition', async () => {
    life.sim.setFaults({ failNext: 3 });
    const { subscriptionId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'active');
    const run = await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
    const step = lineStep(run);
    expect(step.attempts).toBe(4);
    expect(step.attemptLog.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['failed', 'failed', 'failed', 'succeeded']);
    expect(step.attemptLog[0].error).toMatchObject({ code: 'PANEL_UNAVAILABLE', retryable: true });
    expect(step.attemptLog[0].error.hint).toBeTruthy();
    // 1, 5 and 15 minutes at the test's 1/10 000 time scale: 6, 30 and 90 ms between attempts.
    const gaps = step.attemptLog.slice(1).map((attempt: { startedAt: string }, i: number) => new Date(attempt.startedAt).getTime() - new Date(step.attemptLog[i].finishedAt).getTime());
    expect(gaps[1]).toBeGreaterThanOrEqual(25);
    expect(gaps[2]).toBeGreaterThanOrEqual(85);
    expect(life.sim.lines().filter((line) => line.username === lineStep(run).output.username)).toHaveLength(1);
    // A retry looks for an earlier attempt's line first (the simulator records the requests it answered: the last attempt's).
    const lookups = life.sim.requests.filter((request) => request.action === 'get_lines' && request.params['search[value]']?.[0] === lineStep(run).output.username);
    expect(lookups).toHaveLength(1);
  });

  it('fails the run after the last attempt, flags the subscription for review, alerts, and completes on POST /runs/{id}/retry', async () => {
    life.sim.setFaults({ errorRate: 1 });
    const { subscriptionId } = await buy(life);
    const failed = await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'failed');
    expect(lineStep(failed)).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.error).toMatchObject({ code: 'PANEL_UNAVAILABLE', stepId: 'line' });
    expect(failed.steps.map((step: { stepId: string; status: string }) => `${step.stepId}:${step.status}`)).toEqual(['provisioning:succeeded', 'line:failed', 'activate:skipped', 'review:succeeded', 'alert:succeeded']);
    const review = await subscription(life.hub, subscriptionId);
    expect(review.status).toBe('failed');
    expect(review.reviewReason).toMatchObject({ runId: failed.id });
    const alert = await waitFor(async () => (await eventsOf(life.hub, 'workflow.run.failed')).find((event) => event.payload.runId === failed.id));
    expect(alert.payload).toMatchObject({ workflowId: 'provision-on-purchase', status: 'failed', subscriptionId, errorCode: 'PANEL_UNAVAILABLE', failedStep: 'line' });
    expect(alert.payload.errorHint).toBeTruthy();

    const notFailed = await life.hub.http.post(`/runs/${failed.id}/retry`).send({}).expect(400);
    expect(notFailed.body.code).toBe('VALIDATION_FAILED');
    life.sim.resetFaults();
    await life.hub.http.post(`/runs/${failed.id}/retry`).send({ reason: 'panel is back' }).expect(200);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    const retried = await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
    expect(retried.id).toBe(failed.id);
    expect(retried.steps.map((step: { stepId: string; status: string }) => `${step.stepId}:${step.status}`)).toEqual(['provisioning:succeeded', 'line:succeeded', 'activate:succeeded', 'review:skipped', 'alert:skipped']);
    expect(life.sim.lines().filter((line) => line.username === active.username)).toHaveLength(1);
    const audit = (await life.hub.http.get('/audit').query({ action: 'workflow.run.retry', targetId: failed.id }).expect(200)).body.items;
    expect(audit[0].details).toMatchObject({ reason: 'panel is back', failedStep: 'line' });
    const again = await life.hub.http.post(`/runs/${failed.id}/retry`).send({ reason: 'twice' }).expect(409);
    expect(again.body.code).toBe('RUN_NOT_FAILED');
  });

  it('never retries a non-retryable error', async () => {
    const product = await life.hub.http.post('/products').send({ name: 'Gone package', panelId: life.panelId, packageExternalId: '999', durationUnit: 'days', durationValue: 1, maxConnections: 1, priceMinor: 100, currency: 'EUR' }).expect(201);
    const customer = await life.hub.http.post('/customers').send({ email: `gone-${Date.now()}@example.com` }).expect(201);
    const order = await life.hub.http.post('/orders').send({ customerId: customer.body.id, productId: product.body.id }).expect(201);
    const paid = await life.hub.http.post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
    const failed = await waitForRun(life.hub, { subscriptionId: paid.body.subscriptionId, workflowId: 'provision-on-purchase' }, 'failed');
    expect(lineStep(failed)).toMatchObject({ status: 'failed', attempts: 1, error: expect.objectContaining({ code: 'PACKAGE_NOT_FOUND', retryable: false }) });
  });

  // PostgreSQL aborts a transaction of its own accord (here a trigger raises its deadlock error);
  // SQLite's equivalent, a busy file, needs another process holding the write lock for seconds.
  (testMode === 'scale-out' ? it : it.skip)('retries a database-only step whose transaction the database aborted (a deadlock), though the step allows one attempt', async () => {
    await sql(life.hub, 'create sequence hub_test_deadlocks');
    await sql(
      life.hub,
      `create function hub_test_deadlock() returns trigger language plpgsql as $$ begin
         if new.status = 'active' and old.status = 'provisioning' and nextval('hub_test_deadlocks') = 1 then raise exception 'deadlock detected (simulated)' using errcode = '40P01'; end if;
         return new;
       end $$`,
    );
    await sql(life.hub, 'create trigger hub_test_deadlock before update on hub_subscription for each row execute function hub_test_deadlock()');
    try {
      const { subscriptionId } = await buy(life);
      const done = await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
      const activate = done.steps.find((step: { stepId: string }) => step.stepId === 'activate');
      expect(activate).toMatchObject({ status: 'succeeded', attempts: 2 });
      // The failed commit left nothing behind, in the rows or in the engine's memory: one failed attempt, then one that succeeded.
      expect(activate.attemptLog).toEqual([
        expect.objectContaining({ attempt: 1, outcome: 'failed', error: expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', retryable: true }) }),
        expect.objectContaining({ attempt: 2, outcome: 'succeeded' }),
      ]);
      expect(done.steps.map((step: { stepId: string; status: string }) => `${step.stepId}:${step.status}`)).toEqual(['provisioning:succeeded', 'line:succeeded', 'activate:succeeded', 'review:skipped', 'alert:skipped']);
      expect(await subscription(life.hub, subscriptionId)).toMatchObject({ status: 'active' });
      expect((await sql<{ n: string }>(life.hub, "select count(*) as n from hub_audit_entry where action = 'workflow.step.retry_scheduled' and details->>'stepId' = 'activate'"))[0]).toEqual({ n: '1' });
    } finally {
      await sql(life.hub, 'drop trigger hub_test_deadlock on hub_subscription');
      await sql(life.hub, 'drop function hub_test_deadlock');
      await sql(life.hub, 'drop sequence hub_test_deadlocks');
    }
  });

  it('replays a run from the start and cancels a waiting run, both audited with their reason', async () => {
    const { subscriptionId } = await buy(life);
    const done = await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
    const replay = await life.hub.http.post(`/runs/${done.id}/replay`).send({ reason: 'check idempotency', revision: 'latest' }).expect(201);
    expect(replay.body.parentRunId).toBe(done.id);
    const replayed = await waitFor(async () => {
      const body = (await life.hub.http.get(`/runs/${replay.body.id}`).expect(200)).body;
      return body.status === 'succeeded' ? body : null;
    });
    expect(replayed.trigger).toMatchObject({ type: 'replay', reason: 'check idempotency' });
    // The replay creates under its original's key: it looks the line up and finds it, so there is still one.
    const username = lineStep(done).output.username as string;
    expect(lineStep(replayed).output.username).toBe(username);
    expect(life.sim.lines().filter((line) => line.username === username)).toHaveLength(1);
    const yaml = ['id: slow', 'on:', '  manual: true', 'steps:', '  - id: wait', '    uses: delay', '    with:', '      duration: 100h', '  - id: after', '    uses: log', '    with:', '      message: never', ''].join('\n');
    await life.hub.http.post('/workflows').send({ yaml }).expect(201);
    const started = (await life.hub.http.post('/workflows/slow/run').send({}).expect(202)).body;
    const waiting = await waitFor(async () => {
      const run = (await life.hub.http.get(`/runs/${started.id}`).expect(200)).body;
      return run.status === 'waiting' ? run : null;
    });
    // Not replayed while it has not finished (a replay shares its keys), nor the purchase while its replay runs.
    expect((await life.hub.http.post(`/runs/${waiting.id}/replay`).send({ reason: 'too early' }).expect(409)).body.code).toBe('RUN_NOT_FINISHED');
    const cancelled = await life.hub.http.post(`/runs/${waiting.id}/cancel`).send({ reason: 'customer left' }).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const audit = (await life.hub.http.get('/audit').query({ action: 'workflow.run.cancel', targetId: waiting.id }).expect(200)).body.items;
    expect(audit[0].details.reason).toBe('customer left');
    const finished = await life.hub.http.post(`/runs/${waiting.id}/cancel`).send({ reason: 'again' }).expect(409);
    expect(finished.body.code).toBe('RUN_FINISHED');
    const after = (await life.hub.http.get(`/runs/${waiting.id}`).expect(200)).body;
    expect(after.steps.map((step: { status: string }) => step.status)).toEqual(['cancelled', 'cancelled']);
    // Finished, it can be replayed; not again while that replay waits.
    const second = (await life.hub.http.post(`/runs/${waiting.id}/replay`).send({ reason: 'customer back' }).expect(201)).body;
    expect((await life.hub.http.post(`/runs/${waiting.id}/replay`).send({ reason: 'twice' }).expect(409)).body.code).toBe('REPLAY_IN_PROGRESS');
    await life.hub.http.post(`/runs/${second.id}/cancel`).send({ reason: 'done testing' }).expect(200);
  });
});
