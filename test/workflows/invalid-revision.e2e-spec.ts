import { createTestApp, createTestDatabase, TestApp, TestDatabase, testMode, waitFor } from '../helpers/test-app';

jest.mock('iptv-hub-plugin-acme', () => jest.requireActual('../fixtures/acme-plugin/acme.plugin'), { virtual: true });

/**
 * A run keeps the revision it started with. When that revision no longer validates (the plugin
 * that contributed one of its actions was removed, or an upgrade made an input stricter), the run
 * fails at once, at the step it was at, instead of being retried and re-kicked forever; once the
 * cause is fixed, a retry resumes it there.
 */
const YAML = ['id: acme-later', 'on:', '  manual: true', 'steps:', '  - id: wait', '    uses: delay', '    with:', '      duration: 2s', '  - id: reset', '    uses: acme.resetPassword', '    with:', '      panel: 00000000-0000-0000-0000-000000000000', '      lineId: "1"', ''].join('\n');
const ENV = { HUB_WORKFLOW_STALE_MS: '1000', HUB_WORKFLOW_REAP_MS: '200', HUB_WORKFLOW_REFRESH_MS: '200' };
const WITH_PLUGIN = { ...ENV, HUB_PLUGINS: 'iptv-hub-plugin-acme' };

type Run = { status: string; error?: { code: string; stepId?: string; hint?: string }; steps: Array<{ stepId: string; status: string }> };

describe(`a run whose revision no longer validates (${testMode})`, () => {
  let database: TestDatabase;
  let hub: TestApp | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  const runOf = async (app: TestApp, id: string) => (await app.http.get(`/runs/${id}`).expect(200)).body as Run;
  const ended = (run: Run) => ['failed', 'succeeded', 'cancelled'].includes(run.status);

  it('fails at the step it was at, audited and announced, and resumes there on a retry once the plugin is back', async () => {
    hub = await createTestApp({ database, env: WITH_PLUGIN });
    await hub.http.post('/workflows').send({ yaml: YAML }).expect(201);
    const runId = (await hub.http.post('/workflows/acme-later/run').send({}).expect(202)).body.id as string;
    await waitFor(async () => (await runOf(hub!, runId)).status === 'waiting', { message: 'the run to wait on its delay' });
    await hub.close();

    // The operator removes the plugin.
    hub = await createTestApp({ database, env: ENV });
    const failed = await waitFor(async () => {
      const run = await runOf(hub!, runId);
      return ended(run) ? run : null;
    }, { timeoutMs: 15_000, message: 'the run to end' });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'REVISION_INVALID', stepId: 'wait' } });
    expect(failed.error?.hint).toContain('/retry');
    expect(failed.steps.map((step) => `${step.stepId}:${step.status}`)).toEqual(['wait:failed', 'reset:skipped']);
    const audit = (await hub.http.get('/audit').query({ targetId: runId, limit: 100 }).expect(200)).body.items as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['workflow.step.failed', 'workflow.run.failed']));
    await hub.close();

    // The plugin is back: the retry resumes at the delay and goes on to the plugin's step.
    hub = await createTestApp({ database, env: WITH_PLUGIN });
    await hub.http.post(`/runs/${runId}/retry`).send({ reason: 'acme plugin reinstalled' }).expect(200);
    const retried = await waitFor(async () => {
      const run = await runOf(hub!, runId);
      return ended(run) ? run : null;
    }, { timeoutMs: 15_000, message: 'the retried run to end' });
    expect(retried.steps.find((step) => step.stepId === 'wait')?.status).toBe('succeeded');
    // Its step ran this time (and failed on its own terms: the panel it names does not exist).
    expect(retried.error?.code).not.toBe('REVISION_INVALID');
    expect(retried.error?.stepId).toBe('reset');
  }, 60_000);
});
