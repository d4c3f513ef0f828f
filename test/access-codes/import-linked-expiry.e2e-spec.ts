import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import request from 'supertest';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { createPortal, emitSubscriptionEvent } from './helpers';

/**
 * An import links codes to subscriptions and reads their expiry from the projection batch by
 * batch. A subscription event applied at the same time must not be lost on the imported codes.
 */
describe('import of codes linked to subscriptions', () => {
  let hub: TestApp;
  let orm: MikroORM;
  let portal: { id: string; name: string };

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_CODE_LOGIN_FAILURE_FLOOR_MS: '0' } });
    orm = hub.app.get(MikroORM);
    portal = await createPortal(hub, 'Linked import portal', 'http://linked-import.example.com');
  });
  afterAll(() => hub?.close());

  const job = async (id: string) => (await hub.http.get(`/access-codes/import/jobs/${id}`).expect(200)).body;

  it('gives imported codes the expiry the projection holds when the import ends', async () => {
    const subscriptionId = randomUUID();
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString();
    await emitSubscriptionEvent(hub, 'subscription.activated', { id: subscriptionId, status: 'active', expiresAt: later });
    const csv = `code,portal,username,password,expiry,subscription\nLNK4A,${portal.name},lnk_user,lnk-pass,,${subscriptionId}\n`;
    const started = (await hub.http.post('/access-codes/import').set('content-type', 'text/csv').send(csv).expect(202)).body;
    const done = await waitFor(async () => ((await job(started.id)).finished ? job(started.id) : undefined), { timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: 'completed', created: 1 });
    const [code] = (await hub.http.get('/access-codes').query({ subscriptionId }).expect(200)).body.items;
    expect(code).toMatchObject({ code: 'LNK4A', subscriptionExpiresAt: later, effectiveExpiresAt: later, state: 'active' });
  });

  // SQLite runs one writing transaction at a time. On PostgreSQL an event whose look-up for codes
  // ran before the import's insert and which commits after the import read the projection would
  // leave the codes with the expiry from before it.
  (testMode === 'scale-out' ? it : it.skip)('does not lose an event applied while the import writes', async () => {
    const subscriptionId = randomUUID();
    const paidUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await emitSubscriptionEvent(hub, 'subscription.activated', { id: subscriptionId, status: 'active', expiresAt: paidUntil });
    const ended = new Date(Date.now() - 86_400_000);
    let applied!: () => void;
    let release!: () => void;
    const appliedAndOpen = new Promise<void>((resolve) => (applied = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    // What the follower does for `subscription.expired`, held open before its commit: the
    // projection row is updated (and locked) and no code is behind it yet.
    const eventId = `ffffffff-ffff-7fff-8fff-${Date.now().toString(16).padStart(12, '0')}`;
    const following = orm.em.fork().transactional(async (em) => {
      await em.getConnection().execute('update hub_access_code_subscription set expires_at = ?, status = ?, last_event_id = ? where id = ?', [ended, 'grace', eventId, subscriptionId], 'run', em.getTransactionContext());
      applied();
      await gate;
    });
    await appliedAndOpen;
    const csv = `code,portal,username,password,expiry,subscription\nLNK4B,${portal.name},lnk_user2,lnk-pass2,,${subscriptionId}\n`;
    const started = (await hub.http.post('/access-codes/import').set('content-type', 'text/csv').send(csv).expect(202)).body;
    const waitingForLock = async () => {
      const rows = await orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`, [], 'all');
      return rows[0].n > 0;
    };
    await waitFor(async () => (await job(started.id)).finished || (await waitingForLock()), { timeoutMs: 30_000, message: 'the import to finish or to wait for the event' });
    release();
    await following;
    const done = await waitFor(async () => ((await job(started.id)).finished ? job(started.id) : undefined), { timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: 'completed', created: 1 });
    const [code] = (await hub.http.get('/access-codes').query({ subscriptionId }).expect(200)).body.items;
    expect(code).toMatchObject({ code: 'LNK4B', subscriptionExpiresAt: ended.toISOString(), effectiveExpiresAt: ended.toISOString(), state: 'expired' });
    await request(hub.app.getHttpServer()).post('/codes/login').send({ code: 'LNK4B' }).expect(401);
  });
});
