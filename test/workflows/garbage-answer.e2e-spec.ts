import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testMode } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle, subscription, waitForRun } from './lifecycle-fixture';

/**
 * A panel URL that answers binary (a gzip body, a file download: NUL bytes) instead of its API.
 * Nothing of such an answer may reach what PostgreSQL stores (it refuses NUL in text and JSON):
 * a failure that cannot be committed is retried for ever and never reaches review. The run must
 * fail, flagged, like any other panel failure.
 */
describe(`a panel answering binary garbage (${testMode})`, () => {
  let life: Lifecycle;
  let garbage: Server;

  beforeAll(async () => {
    life = await startLifecycle();
    garbage = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x41, 0x00, 0x42]));
    });
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await life?.close();
    await new Promise((resolve) => garbage?.close(resolve));
  });

  it('fails the provisioning run and flags the subscription for review', async () => {
    const url = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
    const panel = (await life.hub.http.post('/panels').send({ name: 'Binary', type: 'xui-admin', baseUrl: url, credentials: life.sim.credentials, options: { timeoutMs: 2000, retry: { attempts: 1, baseDelayMs: 50 } } }).expect(201)).body;
    const product = (await life.hub.http.post('/products').send({ name: 'Binary product', panelId: panel.id, packageExternalId: '2', durationUnit: 'days', durationValue: 30, maxConnections: 1, priceMinor: 100, currency: 'EUR' }).expect(201)).body;
    const order = (await life.hub.http.post('/orders').send({ customerId: await newCustomer(life.hub), productId: product.id }).expect(201)).body;
    const { subscriptionId } = (await life.hub.http.post(`/orders/${order.id}/mark-paid`).send({ providerPaymentId: `bank-${order.id}` }).expect(200)).body;
    const failed = await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'failed', 30_000);
    expect(failed.error).toMatchObject({ stepId: 'line' });
    expect(JSON.stringify(failed)).not.toContain('\\u0000');
    expect((await subscription(life.hub, subscriptionId)).status).toBe('failed');
  }, 45_000);
});
