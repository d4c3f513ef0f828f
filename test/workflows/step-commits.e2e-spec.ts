import { testMode, waitFor } from '../helpers/test-app';
import { buy, eventsOf, Lifecycle, runsOf, sql, startLifecycle, subscription, waitForRun, waitForStatus } from './lifecycle-fixture';

/**
 * A step that called out (the panel) is recorded with the run's next commit. When that commit is
 * a database-only step that fails, the panel step's success must still be recorded, once, with the
 * failure: the line id is kept and the line is never created twice.
 */
describe(`step commits (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle();
  });
  afterAll(() => life?.close());

  const missingSubscription = '0190a000-0000-7000-8000-000000000001';
  const workflow = (panelId: string) =>
    [
      'id: line-then-activate',
      'on:',
      '  manual: true',
      'steps:',
      '  - id: line',
      '    uses: panel.createLine',
      '    with:',
      `      panel: "${panelId}"`,
      '      package: "2"',
      '      days: 30',
      '      username: step_commit_user',
      '  - id: activate',
      '    uses: subscription.activate',
      '    with:',
      `      subscription: "${missingSubscription}"`,
      '      line: ${{ steps.line.output }}',
      '',
    ].join('\n');

  it('records a panel step that succeeded together with the failure of the database step after it', async () => {
    await life.hub.http.post('/workflows').send({ yaml: workflow(life.panelId) }).expect(201);
    const started = (await life.hub.http.post('/workflows/line-then-activate/run').send({ inputs: {} }).expect(202)).body;
    const run = await waitForRun(life.hub, { workflowId: 'line-then-activate' }, 'failed');
    expect(run.id).toBe(started.id);
    expect(run.error).toMatchObject({ stepId: 'activate' });
    const [line, activate] = run.steps;
    expect(line).toMatchObject({ stepId: 'line', status: 'succeeded', attempts: 1 });
    expect(line.output.lineId).toBeTruthy();
    expect(activate).toMatchObject({ stepId: 'activate', status: 'failed' });
    expect(life.sim.lines().filter((row) => row.username === 'step_commit_user')).toHaveLength(1);

    const audit = (await life.hub.http.get('/audit').query({ targetId: run.id, limit: 50 }).expect(200)).body.items as { action: string; details: Record<string, unknown> }[];
    const stepEntries = audit.filter((entry) => entry.action.startsWith('workflow.step.')).map((entry) => `${entry.action}:${String(entry.details.stepId)}`);
    expect(stepEntries.sort()).toEqual(['workflow.step.failed:activate', 'workflow.step.succeeded:line']);
    const created = (await eventsOf(life.hub, 'line.created')).filter((event) => event.payload.username === 'step_commit_user');
    expect(created).toHaveLength(1);
  });

  const noteThenLine = (id: string, panelId: string, lineInputs: string[]) =>
    [`id: ${id}`, 'on:', '  manual: true', 'steps:', '  - id: note', '    uses: log', '    with:', '      message: before the line', '  - id: line', '    uses: panel.createLine', '    with:', `      panel: "${panelId}"`, ...lineInputs.map((line) => `      ${line}`), ''].join('\n');

  it('starts a step that calls out in the commit of the database-only step before it', async () => {
    await life.hub.http.post('/workflows').send({ yaml: noteThenLine('note-then-line', life.panelId, ['package: "2"', 'days: 30', 'username: merged_start_user']) }).expect(201);
    const started = (await life.hub.http.post('/workflows/note-then-line/run').send({ inputs: {} }).expect(202)).body;
    const run = await waitForRun(life.hub, { workflowId: 'note-then-line' }, 'succeeded');
    expect(run.id).toBe(started.id);
    expect(run.steps.map((step: { stepId: string; status: string; attempts: number }) => `${step.stepId}:${step.status}:${step.attempts}`)).toEqual(['note:succeeded:1', 'line:succeeded:1']);
    // Two commits: the log step with the line's start, then the line's result with the end of the run.
    const [stored] = await sql<{ version: number | string }>(life.hub, `select version from hub_workflow_run where id = '${run.id}'`);
    expect(Number(stored.version)).toBe(2);
    expect(life.sim.lines().filter((row) => row.username === 'merged_start_user')).toHaveLength(1);
  });

  it('leaves a next step that cannot start to its own attempt, which records the failure on that step', async () => {
    // No package and no subscription: the line's prepare fails (INVALID_INPUT), not the log step.
    await life.hub.http.post('/workflows').send({ yaml: noteThenLine('note-then-bad-line', life.panelId, ['days: 30']) }).expect(201);
    await life.hub.http.post('/workflows/note-then-bad-line/run').send({ inputs: {} }).expect(202);
    const run = await waitForRun(life.hub, { workflowId: 'note-then-bad-line' }, 'failed');
    expect(run.error).toMatchObject({ stepId: 'line', code: 'INVALID_INPUT' });
    expect(run.steps.map((step: { stepId: string; status: string; attempts: number }) => `${step.stepId}:${step.status}:${step.attempts}`)).toEqual(['note:succeeded:1', 'line:failed:1']);
  });

  it('reads the subscription afresh in each commit: a change made through the API between two steps is seen, not overwritten', async () => {
    const { subscriptionId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'active');
    const yaml = [
      'id: suspend-then-cancel',
      'on:',
      '  manual: true',
      'inputs:',
      '  subscriptionId: { type: string, required: true }',
      'steps:',
      '  - id: suspend',
      '    uses: subscription.suspend',
      '    with:',
      '      subscription: ${{ inputs.subscriptionId }}',
      '  - id: line',
      '    uses: panel.disableLine',
      '    with:',
      '      subscription: ${{ inputs.subscriptionId }}',
      '  - id: cancel',
      '    uses: subscription.cancel',
      '    with:',
      '      subscription: ${{ inputs.subscriptionId }}',
      '',
    ].join('\n');
    await life.hub.http.post('/workflows').send({ yaml }).expect(201);
    // The panel answers slowly: the run's advance holds the subscription (from its first commit) while the operator acts.
    life.sim.setFaults({ latencyMs: 600 });
    try {
      const started = (await life.hub.http.post('/workflows/suspend-then-cancel/run').send({ inputs: { subscriptionId } }).expect(202)).body;
      await waitForStatus(life.hub, subscriptionId, 'suspended');
      await life.hub.http.post(`/subscriptions/${subscriptionId}/reactivate`).send({ reason: 'operator: paid at the counter' }).expect(200);
      const run = await waitForRun(life.hub, { workflowId: 'suspend-then-cancel' }, 'succeeded');
      expect(run.id).toBe(started.id);
    } finally {
      life.sim.resetFaults();
    }
    const sub = await subscription(life.hub, subscriptionId);
    expect(sub.status).toBe('cancelled');
    const moves = sub.history.map((entry: { from: string | null; to: string; reason: string }) => `${entry.from}→${entry.to}`);
    expect(moves.slice(-3)).toEqual(['active→suspended', 'suspended→active', 'active→cancelled']);
    // The built-in runs these changes started (disable, enable, cancel the line) end before the hub closes.
    await waitFor(async () => (await runsOf(life.hub, { subscriptionId })).every((run) => ['succeeded', 'failed', 'cancelled'].includes(run.status)), { timeoutMs: 20_000, message: 'the subscription\'s runs to end' });
  });
});
