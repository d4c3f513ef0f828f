import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/core';
import { Webhook } from 'standardwebhooks';
import { EventRow } from '../../src/core/events/event.entity';
import { EventsService } from '../../src/core/events/events.service';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { WebhookReceiver } from './webhook-receiver';

interface Endpoint {
  id: string;
  secret: string;
}

interface Delivery {
  id: string;
  status: string;
  attempts: { attempt: number; statusCode: number | null; success: boolean; responseExcerpt: string | null }[];
}

describe(`outbound webhooks under stress (${testMode})`, () => {
  let hub: TestApp;
  const receivers: WebhookReceiver[] = [];
  const servers: Server[] = [];

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_WEBHOOK_ALLOWED_NETWORKS: 'loopback', HUB_WEBHOOK_RETRY_SCHEDULE: '100ms,200ms,300ms', HUB_WEBHOOK_TIMEOUT_MS: '3000' } });
  });
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await hub?.close();
  });

  async function receiver(): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start();
    receivers.push(started);
    return started;
  }

  async function endpoint(url: string, eventTypes: string[]): Promise<Endpoint> {
    return (await hub.http.post('/webhook-endpoints').send({ url, eventTypes }).expect(201)).body as Endpoint;
  }

  async function deliveries(endpointId: string): Promise<Delivery[]> {
    return (await hub.http.get(`/webhook-endpoints/${endpointId}/deliveries`).query({ limit: 100 }).expect(200)).body.items as Delivery[];
  }

  it('records a 2xx whose answer is binary (NUL bytes): delivered once, its excerpt kept', async () => {
    const rx = await receiver();
    // A gzip header, as a receiver behind a compressing proxy answers: PostgreSQL text refuses NUL.
    rx.respondWith(() => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: 'ok\u001f\u008b\u0008\u0000\u0000\u0000' }));
    const ep = await endpoint(rx.url, ['line.created']);
    await hub.app.get(EventsService).transaction(async (_em, emit) => emit({ type: 'line.created', payload: { panelId: 'p1', lineId: 'l-1' } }));
    const [delivery] = await waitFor(async () => {
      const items = await deliveries(ep.id);
      return items[0]?.status === 'delivered' ? items : undefined;
    }, { timeoutMs: 5_000, message: 'the delivery to be recorded as delivered' });
    expect(delivery.attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, success: true, responseExcerpt: expect.stringMatching(/^ok/) })]);
    expect(delivery.attempts[0].responseExcerpt).not.toContain('\u0000');
    expect(rx.received).toHaveLength(1);
  });

  it('disables an endpoint once when concurrent attempts all get 410: one audit entry, one alert', async () => {
    const alerts = await receiver();
    await endpoint(alerts.url, ['@alerts']);
    // Holds answers until several attempts are in flight, then answers them all 410 at once.
    const held: Array<() => void> = [];
    let requests = 0;
    const gone = createServer((req, res) => {
      req.resume();
      requests += 1;
      held.push(() => res.writeHead(410).end());
      const release = () => held.splice(0).forEach((answer) => answer());
      if (held.length >= 4) release();
      else setTimeout(release, 500);
    });
    servers.push(gone);
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const ep = await endpoint(`http://127.0.0.1:${(gone.address() as AddressInfo).port}/shop`, ['test.gone_burst']);
    await hub.app.get(EventsService).transaction(async (_em, emit) => {
      for (let n = 0; n < 20; n++) emit({ type: 'test.gone_burst', payload: { orderId: `o-${n}` } });
    });
    // Every event fanned out (those after the endpoint was disabled make no delivery), then every
    // delivery settled (answered 410, or given up on the disabled endpoint): every transaction
    // that could emit an alert has committed.
    await waitFor(async () => {
      const items = (await hub.http.get('/events').query({ type: 'test.gone_burst' }).expect(200)).body.items as { dispatchedAt: string | null }[];
      return items.length === 20 && items.every((item) => item.dispatchedAt);
    }, { message: 'every event to be fanned out' });
    const settled = await waitFor(async () => {
      const items = await deliveries(ep.id);
      return items.length > 0 && items.every((item) => item.status === 'failed') ? items : undefined;
    }, { message: 'every delivery to fail' });
    expect(requests).toBeGreaterThanOrEqual(2);
    expect(settled.filter((item) => item.attempts.some((attempt) => attempt.statusCode === 410)).length).toBe(requests);
    const body = (await hub.http.get(`/webhook-endpoints/${ep.id}`).expect(200)).body;
    expect(body).toMatchObject({ enabled: false, disabledReason: 'gone' });
    const events = await hub.http.get('/events').query({ type: 'webhook_endpoint.disabled', subjectId: ep.id }).expect(200);
    expect(events.body.items).toHaveLength(1);
    const audit = await hub.http.get('/audit').query({ targetId: ep.id, action: 'webhook_endpoint.disable' }).expect(200);
    expect(audit.body.items).toHaveLength(1);
    await waitFor(() => alerts.ofType('webhook_endpoint.disabled').some((request) => (JSON.parse(request.body) as { data: { endpointId: string } }).data.endpointId === ep.id));
  });

  it('delivers an event committed by a process that died before dispatching it (the outbox sweeper)', async () => {
    const rx = await receiver();
    const ep = await endpoint(rx.url, ['subscription.activated']);
    // The state change and its event committed; the process died before fanning it out.
    const em = hub.app.get(MikroORM).em.fork();
    em.persist(Object.assign(new EventRow(), { type: 'subscription.activated', payload: { subscriptionId: 'sub-crash' }, correlationId: 'crash', subjectType: null, subjectId: null, dispatchedAt: null }));
    await em.flush();
    await waitFor(() => rx.received.length === 1, { timeoutMs: 20_000, message: 'the sweeper to deliver the event' });
    expect(new Webhook(ep.secret).verify(rx.received[0].body, rx.received[0].headers)).toMatchObject({ type: 'subscription.activated', data: { subscriptionId: 'sub-crash' } });
    await waitFor(async () => (await deliveries(ep.id))[0]?.status === 'delivered');
  });
});
