import { MikroORM, wrap } from '@mikro-orm/core';
import { Customer } from '../../src/core/customers/customer.entity';
import { loadManaged, saveManaged } from '../../src/core/database/managed-rows';
import { DEFERRED } from '../../src/core/database/postgresql-batching';
import { sqlOf } from '../../src/core/database/prepared-statements';
import { findRow, findRows, insertRows } from '../../src/core/database/raw-rows';
import { Order } from '../../src/core/orders/order.entity';
import { Panel } from '../../src/core/panels/panel.entity';
import { Product } from '../../src/core/products/product.entity';
import { WorkflowRun } from '../../src/workflows/engine/workflow-run.entity';
import { WorkflowStep } from '../../src/workflows/engine/workflow-step.entity';
import { createTestApp, TestApp, testMode } from '../helpers/test-app';

/**
 * The raw reads of the hot paths return what the ORM would (every column type, in both modes),
 * and `loadManaged` behaves as `findOne` does for the unit of work.
 */
describe('raw reads', () => {
  let hub: TestApp;
  let orm: MikroORM;
  let order: Order;

  beforeAll(async () => {
    hub = await createTestApp();
    orm = hub.app.get(MikroORM);
    const em = orm.em.fork();
    const panel = em.create(Panel, { name: 'raw', type: 'xui-admin', baseUrl: 'http://127.0.0.1:9', credentialsSealed: 'sealed', credentialFields: ['password'], options: { timeoutMs: 1000, maxConcurrent: 1, maxPerSecond: 1, retry: { attempts: 1, baseDelayMs: 1 } }, lastHealth: { ok: true, nested: [1, 'two'] }, lastCheckedAt: new Date('2026-01-02T03:04:05.678Z') });
    const product = em.create(Product, { name: 'raw', panel, packageExternalId: '7', durationUnit: 'days', durationValue: 30, maxConnections: 2, priceMinor: 500, currency: 'EUR' });
    const customer = em.create(Customer, { email: 'raw@example.com' });
    order = em.create(Order, { provider: 'manual', kind: 'new', customer, product, amountMinor: 500, currency: 'EUR', metadata: { a: 'b' } });
    await em.flush();
  });
  afterAll(() => hub?.close());

  const plain = (entity: object) => JSON.parse(JSON.stringify({ ...entity })) as Record<string, unknown>;

  it('findRow reads every scalar column as the ORM does, lazy ones included', async () => {
    const id = order.product.panel.id;
    const viaOrm = await orm.em.fork().findOneOrFail(Panel, { id }, { populate: ['credentialsSealed'] as never });
    const raw = await findRow<Panel>(orm.em.fork(), Panel, { id });
    expect(raw).toBeInstanceOf(Panel);
    expect(raw?.lastCheckedAt).toEqual(new Date('2026-01-02T03:04:05.678Z'));
    expect(plain(raw as Panel)).toEqual(plain(wrap(viaOrm).toObject()));
    expect(raw?.credentialsSealed).toBe('sealed');
  });

  it('findRows filters (null meaning is null), orders and limits; runs and steps round-trip', async () => {
    const run = Object.assign(new WorkflowRun(), { workflowId: 'raw-reads', revision: 3, revisionId: 'rev', trigger: { type: 'manual', actor: 'test' }, event: { n: 1.5, list: ['x'], flag: true }, inputs: {}, correlationId: 'c-raw', startedAt: new Date('2026-03-04T05:06:07.089Z') });
    const steps = [2, 0, 1].map((position) => Object.assign(new WorkflowStep(), { runId: run.id, stepId: `s${position}`, phase: 'main', position, uses: 'log', output: position === 1 ? 'text' : { position } }));
    await orm.em.fork().transactional(async (tx) => {
      await insertRows(tx, WorkflowRun, [run]);
      await insertRows(tx, WorkflowStep, steps);
    });
    const em = orm.em.fork();
    const read = await findRow<WorkflowRun>(em, WorkflowRun, { id: run.id, finishedAt: null });
    expect(plain(read as WorkflowRun)).toEqual(plain(wrap(await orm.em.fork().findOneOrFail(WorkflowRun, { id: run.id })).toObject()));
    expect(read).toMatchObject({ event: run.event, trigger: run.trigger, startedAt: run.startedAt, revision: 3, finishedAt: null });
    expect(await findRow<WorkflowRun>(em, WorkflowRun, { id: run.id, startedAt: null })).toBeNull();
    const ordered = await findRows<WorkflowStep>(em, WorkflowStep, { runId: run.id }, { orderBy: 'position', limit: 2 });
    expect(ordered.map((step) => [step.stepId, step.output, step.attempts, step.finishedAt])).toEqual([
      ['s0', { position: 0 }, 0, null],
      ['s1', 'text', 0, null],
    ]);
    const narrow = await findRows<WorkflowStep>(em, WorkflowStep, { runId: run.id }, { orderBy: 'position', fields: ['stepId', 'output'] });
    expect(narrow.map((step) => ({ ...step }))).toEqual([{ stepId: 's0', output: { position: 0 } }, { stepId: 's1', output: 'text' }, { stepId: 's2', output: { position: 2 } }]);
    const viaOrm = await orm.em.fork().find(WorkflowStep, { runId: run.id }, { orderBy: { position: 'asc' } });
    expect((await findRows<WorkflowStep>(em, WorkflowStep, { runId: run.id }, { orderBy: 'position' })).map(plain)).toEqual(viaOrm.map((step) => plain(wrap(step).toObject())));
  });

  it('loadManaged: the identity map first, refresh on demand, relations populated, changes flushed by the unit of work', async () => {
    const em = orm.em.fork();
    const loaded = await loadManaged<Order>(em, Order, order.id, { populate: ['product', 'customer'] });
    expect(loaded).toBe(await em.findOne(Order, { id: order.id }));
    expect(wrap(loaded!.product).isInitialized()).toBe(true);
    expect(loaded!.product.packageExternalId).toBe('7');
    expect(loaded!.customer.email).toBe('raw@example.com');
    expect(loaded!.metadata).toEqual({ a: 'b' });

    await orm.em.fork().nativeUpdate(Order, { id: order.id }, { amountMinor: 600 });
    expect((await loadManaged<Order>(em, Order, order.id))!.amountMinor).toBe(500);
    expect((await loadManaged<Order>(em, Order, order.id, { refresh: true }))!.amountMinor).toBe(600);

    loaded!.status = 'failed';
    await em.flush();
    expect((await orm.em.fork().findOneOrFail(Order, { id: order.id })).status).toBe('failed');
    expect(await loadManaged<Order>(em, Order, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('loadManaged with lock holds the row lock until the transaction ends (PostgreSQL; SQLite serialises writers)', async () => {
    const changed = await orm.em.fork().transactional(async (tx) => {
      const locked = await loadManaged<Order>(tx, Order, order.id, { refresh: true, lock: true });
      if (testMode === 'scale-out') {
        await expect(orm.em.fork().getConnection().execute('select id from hub_order where id = ? for update nowait', [order.id])).rejects.toThrow(/could not obtain lock/);
      }
      locked!.amountMinor = 700;
      return locked!;
    });
    expect(changed.amountMinor).toBe(700);
    expect((await orm.em.fork().findOneOrFail(Order, { id: order.id })).amountMinor).toBe(700);
    if (testMode === 'scale-out') await orm.em.fork().getConnection().execute('select id from hub_order where id = ? for update nowait', [order.id]);
  });

  it('loadManaged reads the relations to populate in the same statement, keeps a related entity already held, and locks the entity row alone', async () => {
    const em = orm.em.fork();
    const product = await em.findOneOrFail(Product, { id: order.product.id });
    product.name = 'changed, not flushed';
    const execute = jest.spyOn(em.getConnection(), 'execute');
    const loaded = (await loadManaged<Order>(em, Order, order.id, { populate: ['product', 'customer'] }))!;
    expect(execute).toHaveBeenCalledTimes(1);
    execute.mockRestore();
    expect(loaded.product).toBe(product);
    expect(loaded.product.name).toBe('changed, not flushed');
    expect(loaded.customer.email).toBe('raw@example.com');
    expect(wrap(loaded.customer).isInitialized()).toBe(true);

    await orm.em.fork().transactional(async (tx) => {
      await loadManaged<Order>(tx, Order, order.id, { refresh: true, lock: true, populate: ['product', 'customer'] });
      if (testMode === 'scale-out') {
        // The order is locked; the product and the customer it joined are not (other orders of them go on).
        await expect(orm.em.fork().getConnection().execute('select id from hub_order where id = ? for update nowait', [order.id])).rejects.toThrow(/could not obtain lock/);
        await orm.em.fork().getConnection().execute('select id from hub_product where id = ? for update nowait', [order.product.id]);
        await orm.em.fork().getConnection().execute('select id from hub_customer where id = ? for update nowait', [order.customer.id]);
      }
    });
  });

  it('loadManaged with lock reads a row held from an earlier transaction afresh, once per transaction', async () => {
    const em = orm.em.fork();
    const held = (await loadManaged<Order>(em, Order, order.id))!;
    await orm.em.fork().nativeUpdate(Order, { id: order.id }, { amountMinor: 810 });
    await em.transactional(async (tx) => {
      const execute = jest.spyOn(tx.getConnection(), 'execute');
      const locked = (await loadManaged<Order>(tx, Order, order.id, { lock: true }))!;
      expect(locked.amountMinor).toBe(810);
      locked.amountMinor = 820;
      // Again in the same transaction: the row is held under its lock, as changed here; not read again.
      expect((await loadManaged<Order>(tx, Order, order.id, { lock: true }))!.amountMinor).toBe(820);
      expect(execute).toHaveBeenCalledTimes(1);
      execute.mockRestore();
    });
    expect(held.amountMinor).toBe(820);
    expect((await orm.em.fork().findOneOrFail(Order, { id: order.id })).amountMinor).toBe(820);
  });

  it('saveManaged writes the named properties at once, so the flush does not write them again, and still flushes the others', async () => {
    const em = orm.em.fork();
    const flushed: string[] = [];
    em.getEventManager().registerSubscriber({ afterFlush: ({ uow }) => void flushed.push(...uow.getChangeSets().map((set) => `${set.type}:${Object.keys(set.payload).sort().join(',')}`)) });
    const loaded = (await loadManaged<Order>(em, Order, order.id))!;
    const before = loaded.updatedAt.getTime();
    loaded.metadata = { saved: 'yes' };
    loaded.amountPaidMinor = 123;
    loaded.currency = 'USD';
    await saveManaged<Order>(em, loaded, ['metadata', 'amountPaidMinor']);
    // Written already: another entity manager reads it before any flush.
    const written = await orm.em.fork().findOneOrFail(Order, { id: order.id });
    expect(written).toMatchObject({ metadata: { saved: 'yes' }, amountPaidMinor: 123, currency: 'EUR' });
    expect(written.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    await em.flush();
    // The flush wrote only the property saveManaged was not told about (and updatedAt, as any update does).
    expect(flushed).toEqual(['update:currency,updatedAt']);
    expect(await orm.em.fork().findOneOrFail(Order, { id: order.id })).toMatchObject({ metadata: { saved: 'yes' }, amountPaidMinor: 123, currency: 'USD' });
  });
  it('saveManaged of a row locked in this transaction sends its update with the next statement (PostgreSQL), and writes it', async () => {
    await orm.em.fork().transactional(async (tx) => {
      const execute = jest.spyOn(tx.getConnection(), 'execute');
      const locked = (await loadManaged<Order>(tx, Order, order.id, { lock: true }))!;
      locked.amountPaidMinor = 456;
      await saveManaged<Order>(tx, locked, ['amountPaidMinor']);
      const update = String(execute.mock.calls.at(-1)?.[0]);
      expect(update.startsWith(DEFERRED)).toBe(true);
      expect(sqlOf(update).replace(DEFERRED, '')).toMatch(/^update hub_order set amount_paid_minor = /);
      execute.mockRestore();
    });
    expect((await orm.em.fork().findOneOrFail(Order, { id: order.id })).amountPaidMinor).toBe(456);
  });
});
