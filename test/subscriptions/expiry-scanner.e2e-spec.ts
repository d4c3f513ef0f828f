import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { ExpiryScanner } from '../../src/core/subscriptions/expiry-scanner.service';
import { Subscription } from '../../src/core/subscriptions/subscription.entity';
import { SubscriptionsService } from '../../src/core/subscriptions/subscriptions.service';
import { testMode, waitFor } from '../helpers/test-app';
import { eventsOf, Lifecycle, newCustomer, sql, startLifecycle } from '../workflows/lifecycle-fixture';

const DAY = 86_400_000;

/**
 * The expiry scanner (subscription.expired / subscription.expiring) in batches, against rows that
 * change while it runs. Scans are started by the test (`scan(now)`), not by the schedule.
 */
describe(`expiry scanner (${testMode})`, () => {
  let life: Lifecycle;
  let scanner: ExpiryScanner;
  let customerId: string;

  beforeAll(async () => {
    life = await startLifecycle({ env: { HUB_EXPIRY_SCAN_MS: '3600000', HUB_RECONCILE_INTERVAL_MS: '0', HUB_EXPIRY_BATCH: '7', HUB_EXPIRING_DAYS: '3' } });
    scanner = life.hub.app.get(ExpiryScanner);
    customerId = await newCustomer(life.hub);
  });
  afterAll(() => life?.close());

  let lines = 0;
  /** Active subscriptions with a line, expiring at `expiresAt`, written straight to the database. */
  async function insert(count: number, expiresAt: Date): Promise<string[]> {
    const em = life.hub.app.get(MikroORM).em.fork();
    const rows = Array.from({ length: count }, () => {
      lines += 1;
      return em.create(Subscription, { customer: customerId, product: life.productId, panel: life.panelId, status: 'active', packageExternalId: '2', maxConnections: 2, expiresAt, lineId: `9${lines}`, username: `scan${lines}`, history: [] });
    });
    await em.flush();
    return rows.map((row) => row.id);
  }

  async function statusOf(id: string): Promise<string> {
    const [row] = await sql<{ status: string }>(life.hub, `select status from hub_subscription where id = '${id}'`);
    return row.status;
  }

  async function eventCounts(type: string, ids: string[]): Promise<number[]> {
    const events = await eventsOf(life.hub, type);
    return ids.map((id) => events.filter((event) => event.payload.subscriptionId === id).length);
  }

  /** PostgreSQL: a transaction holding the subscription's row lock, as a renewal in another process does. */
  async function lockRow(id: string): Promise<Client> {
    const client = new Client({ connectionString: life.hub.database.env.DATABASE_URL });
    await client.connect();
    await client.query('begin');
    await client.query('select id from hub_subscription where id = $1 for update', [id]);
    return client;
  }

  async function someoneWaitsForALock(): Promise<void> {
    await waitFor(async () => Number((await sql<{ n: string }>(life.hub, `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0].n) > 0, { timeoutMs: 10_000, message: 'the scan to wait for the row lock' });
  }

  it('expires and announces every subscription once when many expire in the same second, across batches and two overlapping scans', async () => {
    const second = Math.floor(Date.now() / 1000) * 1000;
    const due = await insert(30, new Date(second - 60_000));
    const soon = await insert(30, new Date(second + DAY));
    const now = new Date();
    // Two scans at once: a former leader still finishing its tick while the new leader starts one.
    const reports = await Promise.all([scanner.scan(now), scanner.scan(now)]);
    expect(await eventCounts('subscription.expired', due)).toEqual(due.map(() => 1));
    expect(await eventCounts('subscription.expiring', soon)).toEqual(soon.map(() => 1));
    expect(await Promise.all(due.map(statusOf))).toEqual(due.map(() => 'grace'));
    expect(reports.reduce((sum, report) => sum + report.expired, 0)).toBe(30);
    expect(reports.reduce((sum, report) => sum + report.expiring, 0)).toBe(30);
    // A later scan finds nothing left to do.
    expect(await scanner.scan()).toEqual({ expired: 0, expiring: 0 });
  });

  // Embedded mode runs one transaction at a time, so a renewal cannot commit in the middle of a
  // scan's batch there; on PostgreSQL it can, between the batch's select and its update.
  const concurrent = testMode === 'scale-out' ? it : it.skip;

  concurrent('a subscription renewed while its batch is being expired stays active (no grace, no subscription.expired)', async () => {
    const due = await insert(5, new Date(Date.now() - 60_000));
    const renewed = due[2];
    const renewal = await lockRow(renewed);
    const scanning = scanner.scan();
    await someoneWaitsForALock();
    // The renewal commits while the scan holds the old expiry in its batch.
    await renewal.query('update hub_subscription set expires_at = $1, expiring_notified_for = null where id = $2', [new Date(Date.now() + 30 * DAY), renewed]);
    await renewal.query('commit');
    await renewal.end();
    const report = await scanning;
    expect(await statusOf(renewed)).toBe('active');
    expect(await eventCounts('subscription.expired', [renewed])).toEqual([0]);
    expect(report.expired).toBe(4);
    expect(await Promise.all(due.filter((id) => id !== renewed).map(statusOf))).toEqual(['grace', 'grace', 'grace', 'grace']);
  });

  concurrent('a subscription renewed while its reminder is being sent gets no reminder for the expiry it no longer has', async () => {
    const [renewed] = await insert(1, new Date(Date.now() + DAY));
    const renewal = await lockRow(renewed);
    const scanning = scanner.scan();
    await someoneWaitsForALock();
    await renewal.query('update hub_subscription set expires_at = $1, expiring_notified_for = null where id = $2', [new Date(Date.now() + 31 * DAY), renewed]);
    await renewal.query('commit');
    await renewal.end();
    await scanning;
    expect(await eventCounts('subscription.expiring', [renewed])).toEqual([0]);
    const [row] = await sql<{ expiring_notified_for: unknown }>(life.hub, `select expiring_notified_for from hub_subscription where id = '${renewed}'`);
    expect(row.expiring_notified_for).toBeNull();
  });

  it('reminds once per expiry, and again for the expiry a renewal moved it to', async () => {
    const expiresAt = new Date(Math.floor((Date.now() + 2 * DAY) / 1000) * 1000);
    const [id] = await insert(1, expiresAt);
    await scanner.scan();
    await scanner.scan();
    expect(await eventCounts('subscription.expiring', [id])).toEqual([1]);
    const subscriptions = life.hub.app.get(SubscriptionsService);
    const { subscription } = await subscriptions.inTransaction((unit) => subscriptions.extend(unit, id, { duration: { unit: 'days', value: 30 } }, { reason: 'renewal paid' }));
    const next = subscription.expiresAt as Date;
    expect(next.getTime()).toBe(expiresAt.getTime() + 30 * DAY);
    await scanner.scan();
    expect(await eventCounts('subscription.expiring', [id])).toEqual([1]);
    // Two days before the new expiry (the scan's clock moved on): one reminder for it.
    await scanner.scan(new Date(next.getTime() - 2 * DAY));
    await scanner.scan(new Date(next.getTime() - 2 * DAY + 60_000));
    const reminders = (await eventsOf(life.hub, 'subscription.expiring')).filter((event) => event.payload.subscriptionId === id);
    expect(reminders.map((event) => [event.payload.expiresAt, event.payload.daysLeft])).toEqual([
      [expiresAt.toISOString(), 2],
      [next.toISOString(), 2],
    ]);
  });
});
