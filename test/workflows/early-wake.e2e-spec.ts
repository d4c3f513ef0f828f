import { EnqueueOptions, JobQueue } from '../../src/core/jobs/job-queue';
import { RunExecutor } from '../../src/workflows/engine/run-executor.service';
import { ADVANCE_JOB } from '../../src/workflows/engine/run-starter.service';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';

/**
 * A run's timer is a delayed job whose id names the time it was set for. When it fires early (in
 * scale-out, the clock of the process that set it ran ahead of the one that runs it), the run is
 * not due yet and must sleep again — under a job id of its own: the queue drops a job whose id is
 * the one still running, and the run would wait for the reaper (minutes) instead of its timer.
 */
const WAITS = ['id: waits', 'on:', '  manual: true', 'steps:', '  - id: pause', '    uses: delay', '    with:', '      duration: 3s', '  - id: after', '    uses: log', '    with:', '      message: done', ''].join('\n');

describe(`early timer wake (${testMode})`, () => {
  let hub: TestApp;

  beforeAll(async () => {
    // The reaper would hide a lost timer: it looks only at runs unchanged for an hour here.
    hub = await createTestApp({ env: { HUB_WORKFLOW_STALE_MS: '3600000' } });
    await hub.http.post('/workflows').send({ yaml: WAITS }).expect(201);
  }, 60_000);
  afterAll(() => hub?.close());

  it('sleeps again under a new job id and wakes when due', async () => {
    const id = (await hub.http.post('/workflows/waits/run').send({}).expect(202)).body.id as string;
    await waitFor(async () => (await hub.http.get(`/runs/${id}`).expect(200)).body.status === 'waiting', { message: 'the run to wait' });
    const run = (await hub.http.get(`/runs/${id}`).expect(200)).body as { steps: Array<{ stepId: string; nextAttemptAt: string | null }> };
    const due = Date.parse(run.steps.find((step) => step.stepId === 'pause')?.nextAttemptAt as string);
    expect(due).toBeGreaterThan(Date.now() + 1000);

    const queue = hub.app.get(JobQueue);
    const enqueued: Array<{ data: unknown; options: EnqueueOptions }> = [];
    const enqueue = queue.enqueue.bind(queue);
    const spy = jest.spyOn(queue, 'enqueue').mockImplementation(async (name: string, data: unknown, options?: EnqueueOptions) => {
      if (name === ADVANCE_JOB) enqueued.push({ data, options: options ?? {} });
      return enqueue(name, data, options);
    });
    try {
      // What the timer's job does when it fires before its time.
      await hub.app.get(RunExecutor).advance(id, due);
    } finally {
      spy.mockRestore();
    }

    expect(enqueued).toHaveLength(1);
    expect(enqueued[0].data).toEqual({ runId: id, wakeAt: due });
    expect(enqueued[0].options.delayMs).toBeGreaterThan(0);
    expect(enqueued[0].options.jobId).toMatch(new RegExp(`^wf:${id}:\\d+:t${due}e\\d+$`));
    await waitFor(async () => (await hub.http.get(`/runs/${id}`).expect(200)).body.status === 'succeeded', { timeoutMs: 15_000, message: 'the run to finish on time' });
  }, 30_000);
});
