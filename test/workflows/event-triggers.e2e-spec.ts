import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { EventsService } from '../../src/core/events/events.service';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { FAST_WORKFLOWS } from './lifecycle-fixture';

const workflow = (id: string, eventType: string, extra: string[] = []) =>
  [`id: ${id}`, 'on:', `  event: ${eventType}`, ...extra, 'steps:', '  - id: note', '    uses: log', '    with:', '      message: seen ${{ event.n }}', ''].join('\n');

/**
 * An event's runs are written in the transaction that emits it (the triggers' in-transaction
 * listener): they commit with the change, or not at all, and start once it has committed.
 */
describe(`event triggers in the emitting transaction (${testMode})`, () => {
  let hub: TestApp;
  let events: EventsService;

  beforeAll(async () => {
    hub = await createTestApp({ env: FAST_WORKFLOWS });
    events = hub.app.get(EventsService);
    await hub.http.post('/workflows').send({ yaml: workflow('in-tx-trigger', 'test.in_transaction') }).expect(201);
    await hub.http.post('/workflows').send({ yaml: workflow('in-tx-bad-key', 'test.bad_key', ['concurrency:', '  key: ${{ event.missing.field }}']) }).expect(201);
  });
  afterAll(() => hub?.close());

  const runsOf = (workflowId: string, eventId: string) =>
    (hub.app.get(MikroORM).em.fork() as unknown as SqlEntityManager).execute<{ id: string; status: string }[]>(`select id, status from hub_workflow_run where trigger_key = '${workflowId}:event:${eventId}'`);

  it('commits the run with the event, starts it after the commit, and writes none when the change rolls back', async () => {
    const emitted = await events.transaction(async (_em, emit) => emit({ type: 'test.in_transaction', payload: { n: 1 } }));
    // There the moment the change has committed: nothing is left to a later delivery.
    const [run] = await runsOf('in-tx-trigger', emitted.id);
    expect(run).toBeDefined();
    await waitFor(async () => (await runsOf('in-tx-trigger', emitted.id))[0]?.status === 'succeeded');

    let lost = '';
    const failing = events.transaction(async (_em, emit) => {
      lost = emit({ type: 'test.in_transaction', payload: { n: 2 } }).id;
      // An outbox row that cannot be written (its id is taken) fails the transaction after the triggers ran.
      emit({ type: 'test.clash', payload: {} }).id = emitted.id;
    });
    await expect(failing).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await runsOf('in-tx-trigger', lost)).toEqual([]);
  });

  it('lets the change commit when a run cannot be built, and audits why there is no run', async () => {
    const emitted = await events.transaction(async (_em, emit) => emit({ type: 'test.bad_key', payload: { n: 3 } }));
    expect(await runsOf('in-tx-bad-key', emitted.id)).toEqual([]);
    const audit = (await hub.http.get('/audit').query({ action: 'workflow.trigger.failed', targetId: 'in-tx-bad-key' }).expect(200)).body.items;
    expect(audit[0]).toMatchObject({ outcome: 'failure', details: { eventId: emitted.id, eventType: 'test.bad_key' } });
    expect(audit[0].details.error).toContain('missing');
  });

  it('starts the run of an event emitted in a nested transaction once the outer one has committed', async () => {
    const orm = hub.app.get(MikroORM);
    let emitted = '';
    await orm.em.fork().transactional(async () => {
      emitted = (await events.transaction(async (_em, emit) => emit({ type: 'test.in_transaction', payload: { n: 4 } }))).id;
    });
    // Written with the outer transaction; started by the event's delivery after it (the trigger key keeps it one run).
    await waitFor(async () => (await runsOf('in-tx-trigger', emitted))[0]?.status === 'succeeded', { timeoutMs: 20_000 });
    expect(await runsOf('in-tx-trigger', emitted)).toHaveLength(1);
  });
});
