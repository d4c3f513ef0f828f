import { MikroORM } from '@mikro-orm/core';
import { AuditService } from '../../src/core/audit/audit.service';
import { sqlOf } from '../../src/core/database/prepared-statements';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';

describe('audit log hash chain', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp();
  });
  afterAll(() => hub?.close());

  it('queues every entry in the statement that writes it and seals it with a row of its own, never rewriting the entry', async () => {
    const audit = hub.app.get(AuditService);
    const connection = hub.app.get(MikroORM).em.getConnection();
    await waitFor(async () => (await audit.verify()).unsealed === 0, { message: 'the sealer' });
    // Held back from the sealer for the moment: the scheduler's next round may come at any time.
    const seal = jest.spyOn(audit, 'seal').mockResolvedValue(0);
    try {
      const entries = await Promise.all([audit.record({ action: 'test.queue', target: { type: 'thing', id: 'a' } }), audit.record({ action: 'test.queue', target: { type: 'thing', id: 'b' } })]);
      const ids = entries.map((entry) => entry.id).sort();
      const queued: { entry_id: string }[] = await connection.execute('select entry_id from hub_audit_pending order by entry_id');
      expect(queued.map((row) => row.entry_id)).toEqual(expect.arrayContaining(ids));
      const page = await hub.http.get('/audit').query({ action: 'test.queue' }).expect(200);
      expect(page.body.items.map((item: { chainSeq: string | null; hash: string | null }) => [item.chainSeq, item.hash])).toEqual([[null, null], [null, null]]);
      expect(await audit.verify()).toMatchObject({ valid: true, unsealed: expect.any(Number) });
      expect((await audit.verify()).unsealed).toBeGreaterThanOrEqual(2);

      // An entry removed before the sealer reaches it: skipped (and reported), its place in the queue cleared.
      await connection.execute('delete from hub_audit_entry where id = ?', [ids[0]]);
      seal.mockRestore();
      expect(await audit.seal()).toBeGreaterThanOrEqual(2);
      const seals: { entry_id: string }[] = await connection.execute(`select entry_id from hub_audit_seal where entry_id in (?, ?)`, ids);
      expect(seals.map((row) => row.entry_id)).toEqual([ids[1]]);
      expect(await connection.execute('select entry_id from hub_audit_pending')).toEqual([]);
      const sealed = await hub.http.get('/audit').query({ action: 'test.queue' }).expect(200);
      expect(sealed.body.items).toEqual([expect.objectContaining({ id: ids[1], chainSeq: expect.stringMatching(/^[1-9][0-9]*$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
      expect(await audit.verify()).toMatchObject({ valid: true, unsealed: 0 });
    } finally {
      seal.mockRestore();
    }
  });

  it('detects an edited or deleted entry', async () => {
    for (let i = 0; i < 5; i++) await hub.http.post('/customers').send({ email: `chain${i}@example.com` }).expect(201);
    const audit = hub.app.get(AuditService);
    await waitFor(async () => (await audit.verify()).unsealed === 0, { message: 'the sealer' });
    expect(await audit.verify()).toMatchObject({ valid: true, firstBrokenId: null });

    const connection = hub.app.get(MikroORM).em.getConnection();
    const [victim] = await connection.execute<{ id: string }[]>("select e.id from hub_audit_entry e join hub_audit_seal s on s.entry_id = e.id where e.action = 'customer.create' order by s.chain_seq limit 1");
    await connection.execute("update hub_audit_entry set details = ? where id = ?", [JSON.stringify({ forged: true }), victim.id]);
    const edited = await hub.http.get('/audit/verify').expect(200);
    expect(edited.body).toMatchObject({ valid: false, firstBrokenId: victim.id, reason: 'entry content does not match its hash' });

    await connection.execute('delete from hub_audit_entry where id = ?', [victim.id]);
    const deleted = await audit.verify();
    expect(deleted.valid).toBe(false);
    expect(deleted.reason).toMatch(/missing/);
  });

  it('writes the entries of a transaction when it commits, keeps none of one that rolls back or of a rolled-back savepoint', async () => {
    const audit = hub.app.get(AuditService);
    const em = hub.app.get(MikroORM).em.fork();
    const target = (id: string) => ({ action: 'test.tx', target: { type: 'thing', id } });
    await em.transactional(async (tx) => {
      await audit.record(target('kept-1'), tx);
      await tx
        .transactional(async (inner) => {
          await audit.record(target('savepoint-gone'), inner);
          throw new Error('roll back the savepoint');
        })
        .catch(() => undefined);
      await tx.transactional((inner) => audit.record(target('savepoint-kept'), inner));
      await audit.record(target('kept-2'), tx);
    });
    await em
      .transactional(async (tx) => {
        await audit.record(target('rolled-back'), tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const entries: { target_id: string }[] = await hub.app.get(MikroORM).em.getConnection().execute("select target_id from hub_audit_entry where action = 'test.tx' order by id");
    expect(entries.map((entry) => entry.target_id)).toEqual(['kept-1', 'savepoint-kept', 'kept-2']);
  });

  it('writes entries recorded outside a transaction at the same time in shared statements, each caller returning once its entry is written', async () => {
    const audit = hub.app.get(AuditService);
    const orm = hub.app.get(MikroORM);
    const inserts: string[] = [];
    const connection = orm.em.getConnection();
    const original = connection.execute.bind(connection);
    const execute = jest.spyOn(connection, 'execute').mockImplementation(((...args: Parameters<typeof original>) => {
      if (typeof args[0] === 'string' && sqlOf(args[0]).includes('insert into hub_audit_entry')) inserts.push(args[0]);
      return original(...args);
    }) as typeof original);
    try {
      const written = await Promise.all(Array.from({ length: 30 }, async (_, i) => {
        const entry = await audit.record({ action: 'test.alone', target: { type: 'thing', id: `alone-${i}` } });
        // Written by the time the call returns.
        const [row] = await orm.em.fork().getConnection().execute<{ id: string }[]>('select id from hub_audit_entry where id = ?', [entry.id]);
        return row?.id === entry.id;
      }));
      expect(written).toEqual(Array(30).fill(true));
    } finally {
      execute.mockRestore();
    }
    expect(inserts.length).toBeGreaterThanOrEqual(1);
    expect(inserts.length).toBeLessThanOrEqual(3);
  });

  it('filters by actor, action, target, correlation id and time range with cursor pagination', async () => {
    const created = await hub.http.post('/customers').set('X-Correlation-Id', 'corr-audit-filter-1').send({ email: 'filter@example.com' }).expect(201);
    expect(created.headers['x-correlation-id']).toBe('corr-audit-filter-1');
    const byCorrelation = await hub.http.get('/audit').query({ correlationId: 'corr-audit-filter-1' }).expect(200);
    expect(byCorrelation.body.items.map((entry: { action: string }) => entry.action).sort()).toEqual(['customer.create', 'customers.post']);
    const actorId = byCorrelation.body.items[0].actorId;
    expect(byCorrelation.body.items[0].actorType).toBe('api_key');
    const byActor = await hub.http.get('/audit').query({ actor: actorId, action: 'customer.create', targetId: created.body.id }).expect(200);
    expect(byActor.body.items).toHaveLength(1);
    const future = await hub.http.get('/audit').query({ from: new Date(Date.now() + 60_000).toISOString() }).expect(200);
    expect(future.body.items).toHaveLength(0);
    const page1 = await hub.http.get('/audit').query({ limit: 2 }).expect(200);
    const page2 = await hub.http.get('/audit').query({ limit: 2, cursor: page1.body.nextCursor }).expect(200);
    expect(page2.body.items[0].id < page1.body.items[1].id).toBe(true);
  });
});
