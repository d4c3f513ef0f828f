import { MikroORM } from '@mikro-orm/core';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { ALL_ENTITIES } from '../../src/app.module';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';

/**
 * Loading a row and flushing without touching it must write nothing. A type mismatch between the
 * loaded snapshot and the comparison (datetime columns on SQLite were one) makes every flush
 * rewrite every loaded row and bump its `updated_at` — wasted writes and false "changed" times.
 */
describe(`entity snapshots (${testMode})`, () => {
  let hub: TestApp;
  let sim: XuiAdminSimulator;

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start();
    hub = await createTestApp();
  });
  afterAll(async () => {
    await hub?.close();
    await sim?.close();
  });

  it('flushes no change for an entity loaded and left alone, for every entity with rows', async () => {
    // Rows in most tables: a panel, a product, a customer, a paid order, a subscription, a run, events, audit.
    const panel = await hub.http.post('/panels').send({ name: 'sim', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials }).expect(201);
    const product = await hub.http.post('/products').send({ name: '1 month', panelId: panel.body.id, packageExternalId: '1', durationUnit: 'months', durationValue: 1, maxConnections: 1, priceMinor: 900, currency: 'EUR' }).expect(201);
    const customer = await hub.http.post('/customers').send({ email: 'snapshots@example.com' }).expect(201);
    const order = await hub.http.post('/orders').send({ customerId: customer.body.id, productId: product.body.id }).expect(201);
    const paid = await hub.http.post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
    await waitFor(async () => (await hub.http.get(`/subscriptions/${paid.body.subscriptionId}`)).body.status === 'active', { timeoutMs: 20_000, message: 'the subscription to be active' });

    const orm = hub.app.get(MikroORM);
    const checked: string[] = [];
    for (const entity of ALL_ENTITIES) {
      const em = orm.em.fork();
      const rows = await em.find(entity as never, {}, { limit: 20 });
      if (rows.length === 0) continue;
      const uow = em.getUnitOfWork();
      uow.computeChangeSets();
      const changes = uow.getChangeSets().map((set) => `${set.meta.className}: ${Object.keys(set.payload).join(', ')}`);
      expect(changes).toEqual([]);
      checked.push(entity.name);
    }
    expect(checked).toEqual(expect.arrayContaining(['Panel', 'Product', 'Customer', 'Order', 'Subscription', 'WorkflowRun', 'EventRow', 'AuditEntry']));
  });
});
