import { testMode, waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, runsOf, startLifecycle, waitForStatus } from '../workflows/lifecycle-fixture';

/**
 * Manual mark-paid takes the same order row lock as provider payments (issue #5 follow-up): an
 * operator double-clicking "mark paid" (or two operators at once) must not pay an order twice.
 * Without the lock both requests read `pending` under READ COMMITTED (PostgreSQL, scale-out) and
 * each creates a subscription and emits payment.succeeded, so two lines get provisioned.
 */
describe(`concurrent manual mark-paid (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle();
  }, 60_000);
  afterAll(() => life?.close());

  const http = () => life.hub.http;
  const hubEvents = async (type: string, orderId: string) => (await http().get('/events').query({ type, subjectType: 'order', subjectId: orderId, limit: 50 }).expect(200)).body.items as Record<string, any>[];

  it('parallel mark-paid calls for one order give one payment.succeeded, one subscription and one provisioning run', async () => {
    const orders: { orderId: string; customerId: string }[] = [];
    for (let i = 0; i < 4; i += 1) {
      const customerId = await newCustomer(life.hub);
      const created = await http().post('/orders').send({ customerId, productId: life.productId }).expect(201);
      orders.push({ orderId: created.body.id, customerId });
    }
    // Every order is marked paid by three requests at once; all orders race at the same time too.
    const answers = await Promise.all(orders.flatMap(({ orderId }) => [0, 1, 2].map((n) => http().post(`/orders/${orderId}/mark-paid`).send({ reason: `click ${n}` }))));
    for (const answer of answers) expect(answer.status).toBe(200);

    for (const { orderId, customerId } of orders) {
      const mine = answers.filter((answer) => answer.body.id === orderId);
      expect(mine).toHaveLength(3);
      expect(new Set(mine.map((answer) => answer.body.subscriptionId)).size).toBe(1);
      expect(mine.every((answer) => answer.body.status === 'paid')).toBe(true);
      expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(1);
      const subscriptions = (await http().get('/subscriptions').query({ customerId }).expect(200)).body.items as { id: string }[];
      expect(subscriptions).toHaveLength(1);
      const active = await waitForStatus(life.hub, subscriptions[0].id, 'active');
      expect(life.sim.lines().filter((line) => line.username === active.username)).toHaveLength(1);
      const runs = await waitFor(async () => {
        const found = (await runsOf(life.hub, { subscriptionId: subscriptions[0].id, workflowId: 'provision-on-purchase' })).filter((run) => run.status === 'succeeded');
        return found.length > 0 ? found : null;
      });
      expect(runs).toHaveLength(1);
    }
    const audit = (await http().get('/audit').query({ action: 'order.mark_paid', limit: 200 }).expect(200)).body.items as { targetId: string }[];
    for (const { orderId } of orders) expect(audit.filter((entry) => entry.targetId === orderId)).toHaveLength(1);
  });
});
