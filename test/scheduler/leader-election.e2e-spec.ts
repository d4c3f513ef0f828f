import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { LeaderElection } from '../../src/core/scheduler/leader-election';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';

/**
 * The scheduler lease between candidates sharing one database. The hub under test is an API
 * process (HUB_ROLE=api), which never campaigns itself: the candidates are the ones made here,
 * each standing for one process.
 */
describe(`scheduler leader election (${testMode})`, () => {
  let hub: TestApp;
  let orm: MikroORM;

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_ROLE: 'api' } });
    orm = hub.app.get(MikroORM);
  });
  afterAll(() => hub?.close());
  beforeEach(async () => {
    await (orm.em.fork() as unknown as SqlEntityManager).execute('delete from hub_lease');
  });
  afterEach(() => jest.restoreAllMocks());

  it('a holder that stopped renewing (paused past its lease) stops leading once another candidate took over', async () => {
    const paused = new LeaderElection(orm, 400);
    const other = new LeaderElection(orm, 400);
    expect(await paused.heartbeat()).toBe(true);
    expect(await other.heartbeat()).toBe(false);
    // `paused` sends no heartbeat from here on, as a process stopped by a GC pause or SIGSTOP.
    await waitFor(() => other.heartbeat(), { timeoutMs: 5_000, message: 'the other candidate to take the expired lease' });
    // When it runs again, its next tick must not find it still leading.
    expect(paused.isLeader()).toBe(false);
    expect(other.isLeader()).toBe(true);
    expect(await paused.heartbeat()).toBe(false);
  });

  it('a holder whose renewals stop succeeding stops leading when its lease runs out, not at some later heartbeat', async () => {
    const holder = new LeaderElection(orm, 300);
    expect(await holder.heartbeat()).toBe(true);
    await waitFor(() => !holder.isLeader(), { timeoutMs: 3_000, message: 'the unrenewed lease to lapse locally' });
  });

  it('a candidate whose clock runs ahead does not take the lease from a live holder', async () => {
    const holder = new LeaderElection(orm, 60_000);
    const skewed = new LeaderElection(orm, 60_000);
    expect(await holder.heartbeat()).toBe(true);
    // The other process's wall clock is two minutes ahead of this one's (no NTP, a drifting VM).
    const realNow = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 120_000);
    expect(await skewed.heartbeat()).toBe(false);
    jest.restoreAllMocks();
    expect(await holder.heartbeat()).toBe(true);
    expect(holder.isLeader()).toBe(true);
    expect(skewed.isLeader()).toBe(false);
  });

  it('a released lease is taken over at once', async () => {
    const first = new LeaderElection(orm, 60_000);
    const second = new LeaderElection(orm, 60_000);
    expect(await first.heartbeat()).toBe(true);
    expect(await second.heartbeat()).toBe(false);
    await first.release();
    expect(await second.heartbeat()).toBe(true);
    expect(await first.heartbeat()).toBe(false);
  });
});
