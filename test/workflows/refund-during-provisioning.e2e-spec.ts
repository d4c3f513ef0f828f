import { testMode, waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle, subscription, waitForStatus } from './lifecycle-fixture';

/**
 * A refund (or chargeback) that cancels the subscription while its line is being created: the
 * create cannot be called back, so the line it makes must not stay enabled, and the hub must know
 * it (recorded on the cancelled subscription, where reconcile and operators see it).
 */
describe(`refund during provisioning (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle();
  }, 60_000);
  afterAll(() => life?.close());

  it('records the line on the cancelled subscription and disables it on the panel', async () => {
    const customerId = await newCustomer(life.hub);
    const created = await life.hub.http.post('/orders').send({ customerId, productId: life.productId }).expect(201);
    life.sim.setFaults({ latencyMs: 1_200 });
    let subscriptionId: string;
    try {
      const paid = await life.hub.http.post(`/orders/${created.body.id}/mark-paid`).send({}).expect(200);
      subscriptionId = paid.body.subscriptionId as string;
      await waitForStatus(life.hub, subscriptionId, 'provisioning');
      // The create is on its way to the (slow) panel when the refund lands.
      await life.hub.http.post(`/orders/${created.body.id}/mark-refunded`).send({ reason: 'chargeback' }).expect(200);
      await waitForStatus(life.hub, subscriptionId, 'cancelled');
    } finally {
      life.sim.resetFaults();
    }
    const run = await waitFor(async () => {
      const runs = (await life.hub.http.get('/runs').query({ subscriptionId, workflowId: 'provision-on-purchase', limit: 5 }).expect(200)).body.items as Array<{ id: string; status: string }>;
      return runs[0]?.status === 'succeeded' ? runs[0] : null;
    }, { timeoutMs: 30_000, message: 'the provisioning run to succeed' });
    const [line] = life.sim.lines().filter((candidate) => candidate.adminNotes.includes(run.id));
    expect(line).toBeDefined();
    const sub = await subscription(life.hub, subscriptionId);
    expect(sub).toMatchObject({ status: 'cancelled', lineId: String(line.id) });
    await waitFor(() => life.sim.lines().find((candidate) => candidate.id === line.id)?.enabled === false, { timeoutMs: 20_000, message: 'the line to be disabled on the panel' });
    const audit = (await life.hub.http.get('/audit').query({ targetId: subscriptionId, limit: 100 }).expect(200)).body.items as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toContain('subscription.line_recorded');
  }, 90_000);
});
