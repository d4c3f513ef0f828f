import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { createTestApp, TestApp, TestAppOptions, waitFor } from '../helpers/test-app';

/** Test settings: retry waits and timers shrunk 10 000× (60 min → 360 ms), fast reaping. */
export const FAST_WORKFLOWS = {
  HUB_WORKFLOW_TIME_SCALE: '0.0001',
  HUB_WORKFLOW_STALE_MS: '3000',
  HUB_WORKFLOW_REAP_MS: '500',
  HUB_WORKFLOW_REFRESH_MS: '200',
};

export interface Lifecycle {
  hub: TestApp;
  sim: XuiAdminSimulator;
  panelId: string;
  productId: string;
  close(): Promise<void>;
}

/** A hub and an XUI.one simulator, with a panel and a product (package 2: 12 months, 2 screens; here 30 days). */
export async function startLifecycle(options: TestAppOptions = {}): Promise<Lifecycle> {
  const sim = await XuiAdminSimulator.start();
  const hub = await createTestApp({ ...options, env: { ...FAST_WORKFLOWS, ...(options.env ?? {}) } }).catch(async (error: unknown) => {
    await sim.close();
    throw error;
  });
  const panel = await hub.http
    .post('/panels')
    .send({ name: 'XUI sim', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials, options: { timeoutMs: 2000, retry: { attempts: 1, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } } })
    .expect(201);
  const product = await hub.http
    .post('/products')
    .send({ name: '30 days, 2 screens', panelId: panel.body.id, packageExternalId: '2', durationUnit: 'days', durationValue: 30, maxConnections: 2, priceMinor: 1299, currency: 'EUR' })
    .expect(201);
  return {
    hub,
    sim,
    panelId: panel.body.id,
    productId: product.body.id,
    async close() {
      await hub.close();
      await sim.close();
    },
  };
}

let customers = 0;

export async function newCustomer(hub: TestApp): Promise<string> {
  customers += 1;
  const res = await hub.http.post('/customers').send({ email: `buyer${customers}-${Date.now()}@example.com`, name: 'Buyer' }).expect(201);
  return res.body.id;
}

/** Creates a new-purchase order, marks it paid and waits for the subscription it created. */
export async function buy(life: Lifecycle, customerId?: string): Promise<{ orderId: string; subscriptionId: string; customerId: string }> {
  const customer = customerId ?? (await newCustomer(life.hub));
  const order = await life.hub.http.post('/orders').send({ customerId: customer, productId: life.productId }).expect(201);
  const paid = await life.hub.http.post(`/orders/${order.body.id}/mark-paid`).send({ providerPaymentId: `bank-${order.body.id}` }).expect(200);
  return { orderId: order.body.id, subscriptionId: paid.body.subscriptionId, customerId: customer };
}

export async function subscription(hub: TestApp, id: string): Promise<Record<string, any>> {
  return (await hub.http.get(`/subscriptions/${id}`).expect(200)).body;
}

export async function waitForStatus(hub: TestApp, id: string, status: string, timeoutMs = 20_000): Promise<Record<string, any>> {
  return waitFor(
    async () => {
      const sub = await subscription(hub, id);
      return sub.status === status ? sub : null;
    },
    { timeoutMs, message: `subscription ${id} to be ${status}` },
  );
}

export async function runsOf(hub: TestApp, query: Record<string, string>): Promise<Record<string, any>[]> {
  return (await hub.http.get('/runs').query({ ...query, limit: 200 }).expect(200)).body.items;
}

export async function waitForRun(hub: TestApp, query: Record<string, string>, status: string, timeoutMs = 20_000): Promise<Record<string, any>> {
  return waitFor(
    async () => {
      const runs = await runsOf(hub, query);
      const run = runs.find((item) => item.status === status);
      return run ? (await hub.http.get(`/runs/${run.id}`).expect(200)).body : null;
    },
    { timeoutMs, message: `a ${status} run of ${JSON.stringify(query)}` },
  );
}

export async function eventsOf(hub: TestApp, type: string): Promise<Record<string, any>[]> {
  return sql(hub, `select id, type, payload, correlation_id from hub_event where type = '${type}' order by id`).then((rows) =>
    rows.map((row) => ({ ...row, payload: parseJson(row.payload) })),
  );
}

function parseJson(value: unknown): Record<string, any> {
  let out: unknown = value;
  // SQLite hands JSON columns back as text (sometimes JSON-encoded twice by the driver).
  while (typeof out === 'string') out = JSON.parse(out);
  return out as Record<string, any>;
}

/**
 * A query through the hub's own connection. (Opening the SQLite file with a second SQLite library
 * in the same process breaks POSIX locking and shows stale data; out-of-process readers are fine.)
 */
export async function sql<T = Record<string, unknown>>(hub: TestApp, query: string): Promise<T[]> {
  return (hub.app.get(MikroORM).em.fork() as unknown as SqlEntityManager).execute<T[]>(query);
}
