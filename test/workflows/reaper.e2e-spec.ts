import { MikroORM } from '@mikro-orm/core';
import { DefinitionsService } from '../../src/workflows/engine/definitions.service';
import { RunStarter } from '../../src/workflows/engine/run-starter.service';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';

/**
 * The reaper re-kicks runs whose job was lost. Runs queued behind a concurrency key whose holder
 * waits on a long `delay` (the built-in expiry waits days) never change while they wait: they must
 * not fill the reaper's batch, or a run that really lost its job is never reached.
 */
const HELD = ['id: held', 'on:', '  manual: true', 'vars:', '  k: same', 'concurrency:', '  key: ${{ vars.k }}', 'steps:', '  - id: wait', '    uses: delay', '    with:', '      duration: 100h', ''].join('\n');
const PLAIN = ['id: plain', 'on:', '  manual: true', 'steps:', '  - id: note', '    uses: log', '    with:', '      message: hello', ''].join('\n');

describe(`workflow reaper (${testMode})`, () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_WORKFLOW_STALE_MS: '1000', HUB_WORKFLOW_REAP_MS: '200', HUB_WORKFLOW_REFRESH_MS: '200' } });
    await hub.http.post('/workflows').send({ yaml: HELD }).expect(201);
    await hub.http.post('/workflows').send({ yaml: PLAIN }).expect(201);
  }, 60_000);
  afterAll(() => hub?.close());

  /** What a crash between `RunStarter.start`'s commit and its `launch` leaves: a committed run that nothing advances. */
  async function orphanRun(workflowId: string): Promise<string> {
    const loaded = await hub.app.get(DefinitionsService).getLoaded(workflowId);
    const starter = hub.app.get(RunStarter);
    const run = starter.build({ workflowId, revision: loaded.revision.revision, revisionId: loaded.revision.id, compiled: loaded.compiled, trigger: { type: 'manual', actor: 'test' }, event: {}, inputs: {} });
    await hub.app.get(MikroORM).em.fork().transactional((tx) => starter.write(tx, run, loaded.compiled));
    return run.id;
  }

  const statusOf = async (id: string) => (await hub.http.get(`/runs/${id}`).expect(200)).body.status as string;
  const runOf = (body: { id: string }) => body.id;

  it('starts a run whose job was lost', async () => {
    const id = await orphanRun('plain');
    await waitFor(async () => (await statusOf(id)) === 'succeeded', { timeoutMs: 10_000, message: 'the orphaned run to be reaped' });
  }, 20_000);

  it('still reaches it when 200 runs wait behind a concurrency key whose holder is in a long delay', async () => {
    const holder = runOf((await hub.http.post('/workflows/held/run').send({}).expect(202)).body);
    await waitFor(async () => (await statusOf(holder)) === 'waiting', { message: 'the holder to wait' });
    for (let chunk = 0; chunk < 10; chunk++) {
      await Promise.all(Array.from({ length: 20 }, () => hub.http.post('/workflows/held/run').send({}).expect(202)));
    }
    expect((await hub.http.get('/runs').query({ workflowId: 'held', status: 'queued', limit: 100 }).expect(200)).body.items).toHaveLength(100);
    // Older than the reaper's staleness (1 s) by the time the orphan is written.
    const queuedAt = Date.now();
    await waitFor(() => Date.now() > queuedAt + 1500, { message: 'the queued runs to be older than the staleness' });

    const orphan = await orphanRun('plain');
    await waitFor(async () => (await statusOf(orphan)) === 'succeeded', { timeoutMs: 15_000, message: 'the orphaned run to be reaped behind 200 queued runs' });
    // The queued runs still wait: their holder is alive.
    expect(await statusOf(holder)).toBe('waiting');
    expect((await hub.http.get('/runs').query({ workflowId: 'held', status: 'running', limit: 100 }).expect(200)).body.items).toHaveLength(0);
  }, 90_000);

  it('moves the runs behind a lock whose holder ended without releasing it', async () => {
    const em = hub.app.get(MikroORM).em.fork();
    const [holder] = (await hub.http.get('/runs').query({ workflowId: 'held', status: 'waiting', limit: 1 }).expect(200)).body.items as Array<{ id: string }>;
    // A holder that ended in a crash between its end's commit and the lock's release (the lock row stays).
    await em.getConnection().execute(`update hub_workflow_run set status = 'cancelled', finished_at = updated_at where id = ?`, [holder.id]);
    expect(await em.getConnection().execute(`select run_id from hub_workflow_lock where run_id = ?`, [holder.id])).toHaveLength(1);
    // The oldest run behind it takes the lock and runs (it is in a long delay in turn: `waiting`).
    await waitFor(async () => (await hub.http.get('/runs').query({ workflowId: 'held', status: 'waiting', limit: 1 }).expect(200)).body.items.length === 1, {
      timeoutMs: 15_000,
      message: 'the next run behind the stale lock to start',
    });
  }, 30_000);
});
