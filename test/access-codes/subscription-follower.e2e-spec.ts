import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { lockSubscriptionProjection } from '../../src/core/access-codes/access-code-rules';
import { SubscriptionExpiry } from '../../src/core/access-codes/subscription-expiry.entity';
import { AccessCodesService } from '../../src/core/access-codes/access-codes.service';
import { SubscriptionFollower } from '../../src/core/access-codes/subscription-follower.service';
import { DEFERRED } from '../../src/core/database/postgresql-batching';
import { sqlOf } from '../../src/core/database/prepared-statements';
import { EventsService, HubEvent } from '../../src/core/events/events.service';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { audit, createCode, createPortal, events } from './helpers';

/** A UUIDv7-shaped event id for an instant (ids sort by their first 48 bits, the time). */
function eventIdAt(ms: number, seq = 0): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7000-8000-${seq.toString(16).padStart(12, '0')}`;
}

function subscriptionEvent(id: string, type: string, subscription: Record<string, unknown>): HubEvent {
  return { id, type, occurredAt: new Date().toISOString(), correlationId: 'follower-spec', subject: { type: 'subscription', id: String(subscription.id) }, payload: { subscription } };
}

describe('subscription follower', () => {
  let hub: TestApp;
  let follower: SubscriptionFollower;
  let orm: MikroORM;
  const base = Date.now();

  beforeAll(async () => {
    hub = await createTestApp();
    follower = hub.app.get(SubscriptionFollower);
    orm = hub.app.get(MikroORM);
  });
  afterAll(() => hub?.close());

  const projection = (id: string) => orm.em.fork().findOne(SubscriptionExpiry, { id });
  const code = async (id: string) => (await hub.http.get(`/access-codes/${id}`).expect(200)).body;

  it('applies newer events to the projection, ignores older and repeated ones, and changes only what the snapshot carries', async () => {
    const id = randomUUID();
    const first = new Date(base + 30 * 86_400_000);
    await follower.apply(subscriptionEvent(eventIdAt(base, 5), 'subscription.created', { id, status: 'active', expiresAt: first.toISOString() }));
    expect(await projection(id)).toMatchObject({ status: 'active', expiresAt: first, lastEventId: eventIdAt(base, 5) });

    // Older (delivered late) and the same event again with other content: both ignored.
    await follower.apply(subscriptionEvent(eventIdAt(base, 4), 'subscription.suspended', { id, status: 'suspended', expiresAt: null }));
    await follower.apply(subscriptionEvent(eventIdAt(base, 5), 'subscription.suspended', { id, status: 'suspended', expiresAt: null }));
    expect(await projection(id)).toMatchObject({ status: 'active', expiresAt: first, lastEventId: eventIdAt(base, 5) });

    // No expiresAt in the snapshot: the expiry stays; no status: the status stays.
    await follower.apply(subscriptionEvent(eventIdAt(base + 1), 'subscription.suspended', { id, status: 'suspended' }));
    expect(await projection(id)).toMatchObject({ status: 'suspended', expiresAt: first, lastEventId: eventIdAt(base + 1) });
    await follower.apply(subscriptionEvent(eventIdAt(base + 2), 'subscription.cancelled', { id, expiresAt: null }));
    expect(await projection(id)).toMatchObject({ status: 'suspended', expiresAt: null, lastEventId: eventIdAt(base + 2) });
    // An unparseable expiry counts as absent.
    await follower.apply(subscriptionEvent(eventIdAt(base + 3), 'subscription.renewed', { id, status: 'active', expiresAt: 'soon' }));
    expect(await projection(id)).toMatchObject({ status: 'active', expiresAt: null, lastEventId: eventIdAt(base + 3) });
  });

  it('follows inside the transaction that emits: the projection commits with the change and rolls back with it', async () => {
    const events = hub.app.get(EventsService);
    const id = randomUUID();
    const at = new Date(base + 3 * 86_400_000);
    const subject = { type: 'subscription', id };
    const first = await events.transaction(async (_em, emit) => emit({ type: 'subscription.activated', payload: { subscription: { id, status: 'active', expiresAt: at.toISOString() } }, subject }));
    // Read right after the commit: nothing is left to a later delivery.
    expect(await projection(id)).toMatchObject({ lastEventId: first.id, status: 'active', expiresAt: at });
    const failing = events.transaction(async (_em, emit) => {
      emit({ type: 'subscription.suspended', payload: { subscription: { id, status: 'suspended' } }, subject });
      // An outbox row that cannot be written (its id is taken) fails the transaction after the follower ran.
      emit({ type: 'test.clash', payload: {} }).id = first.id;
    });
    await expect(failing).rejects.toThrow();
    expect(await projection(id)).toMatchObject({ lastEventId: first.id, status: 'active', expiresAt: at });
  });

  it('applies the first event to a row a code link created empty', async () => {
    const id = randomUUID();
    await orm.em.fork().transactional((em) => lockSubscriptionProjection(em, id));
    expect(await projection(id)).toMatchObject({ lastEventId: '', expiresAt: null, status: null });
    const at = new Date(base + 86_400_000);
    await follower.apply(subscriptionEvent(eventIdAt(base, 1), 'subscription.activated', { id, status: 'active', expiresAt: at.toISOString() }));
    expect(await projection(id)).toMatchObject({ lastEventId: eventIdAt(base, 1), expiresAt: at, status: 'active' });
  });

  it('without codes, an event is the projection upsert and at most one code lookup, sent together on PostgreSQL', async () => {
    const id = randomUUID();
    const connection = orm.em.getConnection();
    const statements: string[] = [];
    const execute = connection.execute;
    connection.execute = function (this: unknown, ...args: Parameters<typeof execute>) {
      if (/hub_access_code/.test(sqlOf(String(args[0])))) statements.push(String(args[0]));
      return execute.apply(this, args);
    } as typeof execute;
    try {
      await follower.apply(subscriptionEvent(eventIdAt(base + 10), 'subscription.created', { id, status: 'active', expiresAt: new Date(base).toISOString() }));
      await follower.apply(subscriptionEvent(eventIdAt(base + 11), 'subscription.activated', { id, status: 'active' }));
    } finally {
      connection.execute = execute;
    }
    // The look-up asks whether the projection took the event too (nobody waits for the upsert: on
    // PostgreSQL it travels with the look-up, one round trip); the second event carries no expiry,
    // so no code can be behind it and there is no look-up.
    expect(statements.map((sql) => sqlOf(sql).replace(DEFERRED, '').split(' ').slice(0, 3).join(' '))).toEqual(['insert into hub_access_code_subscription', 'select id from', 'insert into hub_access_code_subscription']);
    expect(statements[0].startsWith(DEFERRED)).toBe(true);
  });

  it('moves the linked codes with audit entries and events, and leaves them alone when nothing changes for them', async () => {
    const portal = await createPortal(hub, 'Follower portal', 'http://follower.example.com');
    const id = randomUUID();
    const linked = await createCode(hub, { portalId: portal.id, subscriptionId: id });
    const pinned = await createCode(hub, { portalId: portal.id, subscriptionId: id, expiresAt: new Date(base + 5 * 86_400_000).toISOString() });
    const later = new Date(base + 40 * 86_400_000).toISOString();
    await follower.apply(subscriptionEvent(eventIdAt(base + 20), 'subscription.renewed', { id, status: 'active', expiresAt: later }));
    expect(await code(linked.id)).toMatchObject({ subscriptionExpiresAt: later, effectiveExpiresAt: later });
    expect(await code(pinned.id)).toMatchObject({ subscriptionExpiresAt: later, expiryMode: 'date' });
    const follows = async (codeId: string) => (await audit(hub, { targetId: codeId })).filter((entry) => entry.action === 'access_code.follow_subscription');
    expect((await follows(linked.id)).map((entry) => entry.details.fields)).toEqual([['subscriptionExpiresAt', 'effectiveExpiresAt']]);
    expect((await follows(pinned.id)).map((entry) => entry.details.fields)).toEqual([['subscriptionExpiresAt']]);
    expect((await events(hub, 'access_code.updated', linked.id)).map((event) => event.payload.cause)).toEqual(['subscription.renewed']);

    // Status only, the same expiry again, and an older event: the codes are not touched.
    await follower.apply(subscriptionEvent(eventIdAt(base + 21), 'subscription.suspended', { id, status: 'suspended' }));
    await follower.apply(subscriptionEvent(eventIdAt(base + 22), 'subscription.activated', { id, status: 'active', expiresAt: later }));
    await follower.apply(subscriptionEvent(eventIdAt(base + 19), 'subscription.expired', { id, status: 'expired', expiresAt: null }));
    expect(await follows(linked.id)).toHaveLength(1);
    expect(await code(linked.id)).toMatchObject({ subscriptionExpiresAt: later, effectiveExpiresAt: later });

    // expiresAt null is a change: the codes lose the expiry.
    await follower.apply(subscriptionEvent(eventIdAt(base + 23), 'subscription.cancelled', { id, status: 'cancelled', expiresAt: null }));
    expect(await code(linked.id)).toMatchObject({ subscriptionExpiresAt: null, effectiveExpiresAt: null, state: 'active' });
    expect(await follows(linked.id)).toHaveLength(2);
    expect(await projection(id)).toMatchObject({ status: 'cancelled', expiresAt: null, lastEventId: eventIdAt(base + 23) });
  });

  // SQLite runs one transaction at a time; on PostgreSQL the follower must wait for the row lock a
  // code being linked holds, then see that code (else it would keep an unknown expiry until the next event).
  (testMode === 'scale-out' ? it : it.skip)('waits for a code being linked and then moves it too', async () => {
    const portal = await createPortal(hub, 'Race portal', 'http://race.example.com');
    const id = randomUUID();
    let locked!: () => void;
    let release!: () => void;
    const linkedAndWaiting = new Promise<void>((resolve) => (locked = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const linking = hub.app.get(EventsService).transaction(async (em, emit) => {
      const created = await hub.app.get(AccessCodesService).createIn(em, emit, { portalId: portal.id, username: 'race', password: 'Pa55-word!', subscriptionId: id });
      locked();
      await gate;
      return created.id;
    });
    await linkedAndWaiting;
    const at = new Date(base + 50 * 86_400_000).toISOString();
    const applying = follower.apply(subscriptionEvent(eventIdAt(base + 30), 'subscription.activated', { id, status: 'active', expiresAt: at }));
    const waiting = async () => {
      const rows = await orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`, [], 'all');
      return rows[0].n > 0;
    };
    await waitFor(waiting, { message: 'the follower to wait for the projection row lock' });
    release();
    const codeId = await linking;
    await applying;
    expect(await code(codeId)).toMatchObject({ subscriptionExpiresAt: at, effectiveExpiresAt: at });
  });
});
