import { MikroORM } from '@mikro-orm/core';
import { newId } from '../../src/core/database/ids';
import { EventRow } from '../../src/core/events/event.entity';
import { EventsService } from '../../src/core/events/events.service';
import { JobQueue } from '../../src/core/jobs/job-queue';
import { HubScheduler } from '../../src/core/scheduler/scheduler.service';
import { createTestApp, createTestDatabase, TestApp, TestDatabase, testMode, waitFor } from '../helpers/test-app';

describe(`jobs, schedulers and outbox events (${testMode})`, () => {
  let database: TestDatabase;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  // Every app of a test shares the queue: close them so a later test's jobs meet only its own handlers.
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(() => database?.drop());

  async function start(env: Record<string, string> = {}): Promise<TestApp> {
    const app = await createTestApp({ database, env: { HUB_JOB_LEASE_MS: '1500', ...env } });
    apps.push(app);
    return app;
  }

  it('runs the schedulers in exactly one of two processes sharing a database', async () => {
    const [a, b] = [await start(), await start()];
    const leaders = await waitFor(() => {
      const flags = [a, b].map((app) => app.app.get(HubScheduler).isLeader());
      return flags.filter(Boolean).length === 1 ? flags : undefined;
    });
    expect(leaders.filter(Boolean)).toHaveLength(1);
    const leader = leaders[0] ? a : b;
    const follower = leaders[0] ? b : a;
    await leader.close();
    // The follower takes over once the lease of the closed leader is released.
    await waitFor(() => follower.app.get(HubScheduler).isLeader(), { timeoutMs: 20_000, message: 'the follower to take over' });
  });

  it('keeps a delayed job across a restart and runs it once when due', async () => {
    const first = await start();
    const runs: string[] = [];
    await first.app.get(JobQueue).enqueue('test.delayed', { n: 1 }, { jobId: 'delayed-1', delayMs: 1500 });
    await first.close();
    const second = await start();
    second.app.get(JobQueue).register<{ n: number }>('test.delayed', async (job) => {
      runs.push(`${job.id}:${job.data.n}`);
    });
    await waitFor(() => runs.length === 1, { timeoutMs: 15_000, message: 'the delayed job' });
    expect(runs).toEqual(['delayed-1:1']);
    // Enqueuing the same job id again is a no-op.
    await second.app.get(JobQueue).enqueue('test.delayed', { n: 2 }, { jobId: 'delayed-1' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runs).toHaveLength(1);
  });

  it('retries a failing job with backoff and gives up after its attempts', async () => {
    const hub = await start();
    const attempts: number[] = [];
    hub.app.get(JobQueue).register('test.flaky', async (job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error('transient');
    });
    await hub.app.get(JobQueue).enqueue('test.flaky', {}, { attempts: 5, backoffMs: 50 });
    await waitFor(() => attempts.length === 3, { message: 'three attempts' });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('dispatches an outbox event to its listeners after commit and lists it', async () => {
    const hub = await start();
    const events = hub.app.get(EventsService);
    const seen: string[] = [];
    events.listen('test.*', 'test.collector', async (event) => {
      seen.push(`${event.type}:${String(event.payload.n)}`);
    });
    await expect(
      events.transaction(async (_em, emit) => {
        emit({ type: 'test.rolled_back', payload: { n: 0 } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await events.transaction(async (_em, emit) => {
      emit({ type: 'test.happened', payload: { n: 1 }, subject: { type: 'thing', id: 't-1' } });
    });
    await waitFor(() => seen.length === 1, { message: 'the listener' });
    expect(seen).toEqual(['test.happened:1']);
    const listed = await hub.http.get('/events').query({ type: 'test.*' }).expect(200);
    expect(listed.body.items.map((event: { type: string }) => event.type)).toEqual(['test.happened']);
    expect(listed.body.items[0]).toMatchObject({ subject: { type: 'thing', id: 't-1' }, payload: { n: 1 } });
    await events.transaction(async (_em, emit) => {
      emit({ type: 'under_score.created', payload: {} });
      emit({ type: 'underXscore.created', payload: {} });
    });
    const byPrefix = await hub.http.get('/events').query({ type: 'under_score.*' }).expect(200);
    expect(byPrefix.body.items.map((event: { type: string }) => event.type)).toEqual(['under_score.created']);
    const bySubject = await hub.http.get('/events').query({ subjectType: 'thing', subjectId: 't-1' }).expect(200);
    expect(bySubject.body.items).toHaveLength(1);
  });

  it('fans out an event whose first dispatch job ran before its transaction had committed (the outbox sweeper, within seconds)', async () => {
    const hub = await start();
    const events = hub.app.get(EventsService);
    const seen: string[] = [];
    events.listen('test.late_commit', 'test.late-commit-collector', async (event) => void seen.push(event.id));
    // What a transaction nested in another leaves: its dispatch job runs while the outer one has not committed yet…
    const id = newId(Date.now() - 10_000);
    const queue = hub.app.get(JobQueue);
    const completedBefore = (await queue.counts()).completed;
    await events.dispatch([id]);
    await waitFor(async () => (await queue.counts()).completed > completedBefore, { message: 'the early dispatch job to complete' });
    // …then the outer transaction commits the event (older than the sweeper's delay).
    await hub.app.get(MikroORM).em.fork().insert(EventRow, { id, type: 'test.late_commit', occurredAt: new Date(Date.now() - 10_000), correlationId: 'late-commit', payload: {}, dispatchedAt: null });
    await waitFor(() => seen.includes(id), { timeoutMs: 20_000, message: 'the sweeper to fan the event out' });
    await waitFor(async () => (await hub.app.get(MikroORM).em.fork().findOne(EventRow, { id }))?.dispatchedAt, { message: 'the event to be marked dispatched' });
    expect(seen.filter((seenId) => seenId === id)).toHaveLength(1);
  }, 40_000);

  it('runs a first attempt in process when it consumes jobs, and hands a failed or unplaced one to the queue', async () => {
    const api = await start({ HUB_ROLE: 'api' });
    const worker = await start();
    const ran: string[] = [];
    const failedOnce = new Set<string>();
    for (const [name, hub] of [['api', api], ['worker', worker]] as const) {
      hub.app.get(JobQueue).register<{ fail: boolean }>('test.inline', async (job) => {
        ran.push(`${name}:${job.id}`);
        if (job.data.fail && !failedOnce.has(job.id)) {
          failedOnce.add(job.id);
          throw new Error('the first attempt fails');
        }
      });
    }
    // In a consuming process the attempt has run (in process) by the time the call resolves.
    await expect(worker.app.get(JobQueue).runOrEnqueue('test.inline', { fail: false }, { jobId: 'inline-1' })).resolves.toBe('ran');
    expect(ran).toEqual(['worker:inline-1']);
    // A failed first attempt goes to the queue under the same id and is retried there.
    await expect(worker.app.get(JobQueue).runOrEnqueue('test.inline', { fail: true }, { jobId: 'inline-2', backoffMs: 50 })).resolves.toBe('enqueued');
    await waitFor(() => ran.filter((entry) => entry.includes('inline-2')).length === 2, { message: 'the queued retry' });
    // A process that does not run jobs (HUB_ROLE=api) only enqueues; a worker runs the job.
    await expect(api.app.get(JobQueue).runOrEnqueue('test.inline', { fail: false }, { jobId: 'inline-3' })).resolves.toBe('enqueued');
    await waitFor(() => ran.some((entry) => entry.startsWith('worker:inline-3')), { message: 'the worker to run the enqueued job' });
    expect(ran.filter((entry) => entry.startsWith('api:'))).toEqual([]);
  });

  it('lets first attempts beyond the in-process limit wait for a free slot rather than go through the store', async () => {
    const worker = await start({ HUB_JOB_CONCURRENCY: '2' });
    const queue = worker.app.get(JobQueue);
    let running = 0;
    let most = 0;
    queue.register('test.slots', async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
    });
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => queue.runOrEnqueue('test.slots', {}, { jobId: `slot-${i}` })));
    expect(outcomes).toEqual(Array(8).fill('ran'));
    expect(most).toBe(2);
  });

  it('runs work handed over with runNow at once even when every slot is taken, then gives the extra slot back', async () => {
    const worker = await start({ HUB_JOB_CONCURRENCY: '2' });
    const queue = worker.app.get(JobQueue);
    const started: string[] = [];
    let releaseHeld!: () => void;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    queue.register('test.now', async (job) => {
      started.push(job.id);
      if (job.id.startsWith('held')) await held;
    });
    const holders = [0, 1].map((i) => queue.runOrEnqueue('test.now', {}, { jobId: `held-${i}` }));
    const waiting = queue.runOrEnqueue('test.now', {}, { jobId: 'waiting-0' });
    await waitFor(() => started.length === 2, { message: 'both slots to be held' });
    // Both slots are held and a job waits in line: runNow does not wait behind it.
    const now = await queue.runNow('test.now', {}, { jobId: 'now-0' });
    // Its extra slot was given back, not handed on: the job in line still waits for one of the two.
    await new Promise((resolve) => setTimeout(resolve, 50));
    releaseHeld();
    expect(now).toBe('ran');
    expect(started).toEqual(['held-0', 'held-1', 'now-0']);
    expect(await Promise.all([...holders, waiting])).toEqual(['ran', 'ran', 'ran']);
    expect(started).toContain('waiting-0');
  });

  it('keeps in-process slots per job name: short jobs run while long ones hold every slot of theirs', async () => {
    const worker = await start({ HUB_JOB_CONCURRENCY: '2' });
    const queue = worker.app.get(JobQueue);
    let releaseLong!: () => void;
    const longHeld = new Promise<void>((resolve) => (releaseLong = resolve));
    queue.register('test.long', () => longHeld);
    const shortRan: string[] = [];
    queue.register('test.short', async (job) => {
      shortRan.push(job.id);
    });
    const long = [0, 1, 2].map((i) => queue.runOrEnqueue('test.long', {}, { jobId: `long-${i}` }));
    // Both slots of test.long are taken (the third waits in line); test.short still runs at once.
    await expect(queue.runOrEnqueue('test.short', {}, { jobId: 'short-1' })).resolves.toBe('ran');
    expect(shortRan).toEqual(['short-1']);
    releaseLong();
    expect(await Promise.all(long)).toEqual(['ran', 'ran', 'ran']);
  });

  it('retries a listener whose in-process delivery failed through the queue, then marks the event dispatched', async () => {
    const hub = await start();
    const events = hub.app.get(EventsService);
    const deliveries: string[] = [];
    events.listen('test.flaky_listener', 'test.flaky-listener', async (event) => {
      deliveries.push(event.id);
      if (deliveries.length === 1) throw new Error('listener down once');
    });
    await events.transaction(async (_em, emit) => {
      emit({ type: 'test.flaky_listener', payload: {} });
    });
    await waitFor(() => deliveries.length === 2, { timeoutMs: 15_000, message: 'the queued redelivery' });
    expect(new Set(deliveries).size).toBe(1);
    const dispatched = await waitFor(async () => {
      const listed = await hub.http.get('/events').query({ type: 'test.flaky_listener' }).expect(200);
      return listed.body.items[0]?.dispatchedAt ? listed.body.items[0] : undefined;
    });
    expect(dispatched.dispatchedAt).toEqual(expect.any(String));
  });

  it('lets a running job finish when the process shuts down', async () => {
    const hub = await start();
    const finished: string[] = [];
    let started = false;
    hub.app.get(JobQueue).register('test.slow', async (job) => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 400));
      finished.push(job.id);
    });
    await hub.app.get(JobQueue).enqueue('test.slow', {}, { jobId: 'slow-1' });
    await waitFor(() => started, { message: 'the job to start' });
    await hub.close();
    expect(finished).toEqual(['slow-1']);
  });

  it('hands a job that outlasts the shutdown timeout back to the queue, where another process runs it', async () => {
    const first = await start({ HUB_SHUTDOWN_TIMEOUT_MS: '100' });
    let started = false;
    first.app.get(JobQueue).register('test.stuck', async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 4000));
    });
    await first.app.get(JobQueue).enqueue('test.stuck', {}, { jobId: 'stuck-1' });
    await waitFor(() => started, { message: 'the job to start' });
    await first.close();
    const second = await start();
    const ranOn: string[] = [];
    second.app.get(JobQueue).register('test.stuck', async (job) => {
      ranOn.push(job.id);
    });
    await waitFor(() => ranOn.length === 1, { timeoutMs: 15_000, message: 'the handed-back job' });
    expect(ranOn).toEqual(['stuck-1']);
  });
});
