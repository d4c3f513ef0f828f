import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { createServer } from 'node:http';
import { SecretBox } from '../../src/core/crypto/secret-box';
import { sqlOf } from '../../src/core/database/prepared-statements';
import { EventsService } from '../../src/core/events/events.service';
import { SsrfGuard } from '../../src/core/webhooks/ssrf-guard';
import { MikroORM } from '@mikro-orm/core';
import { WebhookAttemptService } from '../../src/core/webhooks/webhook-attempt.service';
import { WebhookDelivery } from '../../src/core/webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../../src/core/webhooks/webhook-endpoint.entity';
import { WebhookFanOutService } from '../../src/core/webhooks/webhook-fan-out.service';
import { WebhookRetentionService } from '../../src/core/webhooks/webhook-retention.service';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { closedPort, ReceivedWebhook, WebhookReceiver } from './webhook-receiver';

interface Endpoint {
  id: string;
  secret: string;
}

interface Delivery {
  id: string;
  messageId: string;
  status: string;
  round: number;
  eventId: string | null;
  eventType: string;
  attempts: { round: number; attempt: number; statusCode: number | null; success: boolean; error: string | null; responseExcerpt: string | null; durationMs: number; nextAttemptAt: string | null }[];
}

describe(`outbound webhooks (${testMode})`, () => {
  let hub: TestApp;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_WEBHOOK_ALLOWED_NETWORKS: 'loopback', HUB_WEBHOOK_RETRY_SCHEDULE: '100ms,200ms,300ms', HUB_WEBHOOK_TIMEOUT_MS: '3000' } });
  });
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await hub?.close();
  });

  async function receiver(): Promise<WebhookReceiver> {
    const started = await WebhookReceiver.start();
    receivers.push(started);
    return started;
  }

  async function endpoint(url: string, eventTypes: string[], extra: Record<string, unknown> = {}): Promise<Endpoint> {
    const res = await hub.http.post('/webhook-endpoints').send({ url, eventTypes, ...extra }).expect(201);
    return res.body as Endpoint;
  }

  async function emit(type: string, payload: Record<string, unknown> = {}): Promise<string> {
    return hub.app.get(EventsService).transaction(async (_em, record) => record({ type, payload }).id);
  }

  async function deliveries(endpointId: string): Promise<Delivery[]> {
    return (await hub.http.get(`/webhook-endpoints/${endpointId}/deliveries`).expect(200)).body.items as Delivery[];
  }

  function verify(secret: string, request: ReceivedWebhook): { type: string; timestamp: string; data: Record<string, unknown> } {
    return new Webhook(secret).verify(request.body, request.headers) as { type: string; timestamp: string; data: Record<string, unknown> };
  }

  it('delivers subscribed events signed per Standard Webhooks: the verifier accepts them, a tampered one fails', async () => {
    const rx = await receiver();
    const ep = await endpoint(`${rx.url}/hooks/iptv`, ['subscription.*'], { description: 'CRM' });
    expect(ep.secret).toMatch(/^whsec_/);
    const shown = await hub.http.get(`/webhook-endpoints/${ep.id}`).expect(200);
    expect(JSON.stringify(shown.body)).not.toContain(ep.secret.slice(6));
    await emit('subscription.activated', { subscriptionId: 'sub-1', status: 'active' });
    await emit('line.created', { panelId: 'p1' });
    await emit('subscription.renewed', { subscriptionId: 'sub-1', status: 'active' });
    await waitFor(() => rx.received.length === 2, { message: 'two deliveries' });
    const payloads = rx.received.map((request) => verify(ep.secret, request));
    expect(payloads.map((payload) => payload.type).sort()).toEqual(['subscription.activated', 'subscription.renewed']);
    expect(payloads[0]).toMatchObject({ data: { subscriptionId: 'sub-1', status: 'active' }, timestamp: expect.stringMatching(/Z$/) });
    for (const request of rx.received) {
      expect(request.path).toBe('/hooks/iptv');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(() => verify(ep.secret, { ...request, body: request.body.replace('sub-1', 'sub-2') })).toThrow(WebhookVerificationError);
      expect(() => verify(ep.secret, { ...request, headers: { ...request.headers, 'webhook-timestamp': String(Number(request.headers['webhook-timestamp']) + 1) } })).toThrow(WebhookVerificationError);
    }
    const log = await waitFor(async () => {
      const items = await deliveries(ep.id);
      return items.length === 2 && items.every((item) => item.status === 'delivered') ? items : undefined;
    });
    expect(log[0].attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, success: true, responseExcerpt: 'ok', durationMs: expect.any(Number) })]);
    expect(new Set(log.map((item) => item.messageId))).toEqual(new Set(rx.received.map((request) => request.headers['webhook-id'])));
  });

  it('retries 500, 500, 500 then 200: delivered once, four attempts logged, one webhook-id', async () => {
    const rx = await receiver();
    rx.respondWith((_request, n) => (n <= 3 ? { status: 500, body: `boom ${n}` } : { status: 200, body: 'thanks' }));
    const ep = await endpoint(rx.url, ['payment.succeeded']);
    await emit('payment.succeeded', { orderId: 'o-1', provider: 'stripe', amountMinor: 999, currency: 'EUR' });
    const [delivery] = await waitFor(async () => {
      const items = await deliveries(ep.id);
      return items[0]?.status === 'delivered' ? items : undefined;
    }, { message: 'the delivery to succeed' });
    expect(rx.received).toHaveLength(4);
    expect(new Set(rx.received.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery.messageId]));
    for (const request of rx.received) expect(verify(ep.secret, request).data).toMatchObject({ orderId: 'o-1' });
    const attempts = [...delivery.attempts].reverse();
    expect(attempts.map((attempt) => [attempt.attempt, attempt.statusCode, attempt.success])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 500, false],
      [4, 200, true],
    ]);
    expect(attempts[0].responseExcerpt).toBe('boom 1');
    expect(attempts[0].nextAttemptAt).not.toBeNull();
    expect(attempts[3].nextAttemptAt).toBeNull();
  });

  it('honours Retry-After on 429', async () => {
    const rx = await receiver();
    rx.respondWith((_request, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 204 }));
    const ep = await endpoint(rx.url, ['payment.refunded']);
    await emit('payment.refunded', { orderId: 'o-2', provider: 'stripe' });
    await waitFor(async () => (await deliveries(ep.id))[0]?.status === 'delivered', { message: 'the retried delivery' });
    expect(rx.received).toHaveLength(2);
    expect(rx.received[1].at - rx.received[0].at).toBeGreaterThanOrEqual(1900);
  });

  it('disables an endpoint that answers 410 Gone and alerts the endpoints routed @alerts', async () => {
    const alerts = await receiver();
    const alertEp = await endpoint(alerts.url, ['@alerts']);
    const rx = await receiver();
    rx.respondWith(() => ({ status: 410 }));
    const ep = await endpoint(rx.url, ['order.created'], { description: 'old shop' });
    await emit('order.created', { orderId: 'o-3' });
    const disabled = await waitFor(async () => {
      const body = (await hub.http.get(`/webhook-endpoints/${ep.id}`).expect(200)).body;
      return body.enabled === false ? body : undefined;
    }, { message: 'the endpoint to be disabled' });
    expect(disabled).toMatchObject({ disabledReason: 'gone', disabledAt: expect.any(String) });
    expect(rx.received).toHaveLength(1);
    const alert = await waitFor(() => alerts.ofType('webhook_endpoint.disabled').find((request) => verify(alertEp.secret, request).data.endpointId === ep.id));
    expect(verify(alertEp.secret, alert).data).toMatchObject({ reason: 'gone', url: rx.url, description: 'old shop', lastStatus: 410 });
    const audit = await hub.http.get('/audit').query({ targetId: ep.id, action: 'webhook_endpoint.disable' }).expect(200);
    expect(audit.body.items).toHaveLength(1);
  });

  it('disables an endpoint that stays down for the whole retry window, alerts, and replays after it is back', async () => {
    const alerts = await receiver();
    const alertEp = await endpoint(alerts.url, ['@alerts']);
    const port = await closedPort();
    const ep = await endpoint(`http://127.0.0.1:${port}/down`, ['line.disabled']);
    await emit('line.disabled', { panelId: 'p1', lineId: 'l-9' });
    const disabled = await waitFor(async () => {
      const body = (await hub.http.get(`/webhook-endpoints/${ep.id}`).expect(200)).body;
      return body.enabled === false ? body : undefined;
    }, { timeoutMs: 20_000, message: 'the endpoint to be disabled' });
    expect(disabled.disabledReason).toBe('failing');
    const [failed] = await deliveries(ep.id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toHaveLength(4);
    for (const attempt of failed.attempts) expect(attempt).toMatchObject({ statusCode: null, success: false, error: expect.stringContaining('ECONNREFUSED') });
    const alert = await waitFor(() => alerts.ofType('webhook_endpoint.disabled').find((request) => verify(alertEp.secret, request).data.endpointId === ep.id));
    expect(verify(alertEp.secret, alert).data).toMatchObject({ reason: 'failing', failingSince: expect.any(String) });

    // The receiver comes back on the same port; the operator re-enables the endpoint and replays.
    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(String(req.headers['webhook-id']));
      res.end('back');
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const enabled = await hub.http.patch(`/webhook-endpoints/${ep.id}`).send({ enabled: true }).expect(200);
      expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
      const replayed = await hub.http.post(`/webhook-endpoints/${ep.id}/deliveries/${failed.id}/replay`).expect(202);
      expect(replayed.body).toMatchObject({ round: 1, status: 'pending', messageId: failed.messageId });
      const done = await waitFor(async () => {
        const body = (await hub.http.get(`/webhook-endpoints/${ep.id}/deliveries/${failed.id}`).expect(200)).body as Delivery;
        return body.status === 'delivered' ? body : undefined;
      }, { message: 'the replay' });
      expect(done.attempts).toHaveLength(5);
      expect(done.attempts[0]).toMatchObject({ round: 1, attempt: 1, statusCode: 200, responseExcerpt: 'back' });
      expect(received).toEqual([failed.messageId]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('sends a signed test event on request, logged like any delivery', async () => {
    const rx = await receiver();
    const ep = await endpoint(rx.url, ['panel.packages_synced']);
    const res = await hub.http.post(`/webhook-endpoints/${ep.id}/test`).expect(202);
    expect(res.body).toMatchObject({ eventType: 'webhook.test', eventId: null, status: 'pending' });
    await waitFor(() => rx.received.length === 1);
    expect(verify(ep.secret, rx.received[0])).toMatchObject({ type: 'webhook.test', data: { endpointId: ep.id } });
    await waitFor(async () => (await deliveries(ep.id))[0]?.status === 'delivered');
  });

  it('signs with both secrets during a rotation overlap, then only with the new one', async () => {
    const rx = await receiver();
    const ep = await endpoint(rx.url, ['line.extended']);
    const rotated = await hub.http.post(`/webhook-endpoints/${ep.id}/rotate-secret`).send({ overlapSeconds: 3600 }).expect(200);
    const second = rotated.body.secret as string;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(ep.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(Date.now() + 3500_000);
    await emit('line.extended', { panelId: 'p1', n: 1 });
    await waitFor(() => rx.received.length === 1);
    expect(rx.received[0].headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verify(ep.secret, rx.received[0]).data).toMatchObject({ n: 1 });
    expect(verify(second, rx.received[0]).data).toMatchObject({ n: 1 });

    const third = (await hub.http.post(`/webhook-endpoints/${ep.id}/rotate-secret`).send({ overlapSeconds: 0 }).expect(200)).body.secret as string;
    await emit('line.extended', { panelId: 'p1', n: 2 });
    await waitFor(() => rx.received.length === 2);
    expect(rx.received[1].headers['webhook-signature'].split(' ')).toHaveLength(1);
    expect(verify(third, rx.received[1]).data).toMatchObject({ n: 2 });
    expect(() => verify(second, rx.received[1])).toThrow(WebhookVerificationError);
  });

  it('sends custom headers, never returns their values, and keeps credentials from endpoints not allowed them', async () => {
    const rx = await receiver();
    const ep = await endpoint(rx.url, ['line.created'], { headers: { Authorization: 'Bearer chat-bot-token-123' } });
    const shown = await hub.http.get(`/webhook-endpoints/${ep.id}`).expect(200);
    expect(shown.body.headerNames).toEqual(['Authorization']);
    expect(JSON.stringify(shown.body)).not.toContain('chat-bot-token-123');
    const sealed = hub.app.get(SecretBox).encryptJson({ username: 'u1', password: 'line-pa55' });
    await emit('line.created', { panelId: 'p1', username: 'u1', credentialsSealed: sealed, credentials: { password: 'line-pa55' } });
    await waitFor(() => rx.received.length === 1);
    expect(rx.received[0].headers.authorization).toBe('Bearer chat-bot-token-123');
    expect(rx.received[0].body).not.toContain('line-pa55');
    expect(verify(ep.secret, rx.received[0]).data).toEqual({ panelId: 'p1', username: 'u1' });
    const refused = await hub.http.post('/webhook-endpoints').send({ url: rx.url, eventTypes: ['line.created'], includeCredentials: true }).expect(422);
    expect(refused.body.code).toBe('WEBHOOK_CREDENTIALS_NEED_HTTPS');
    const reserved = await hub.http.post('/webhook-endpoints').send({ url: rx.url, eventTypes: ['line.created'], headers: { 'webhook-signature': 'x' } }).expect(422);
    expect(reserved.body.errors).toEqual([expect.objectContaining({ field: 'headers.webhook-signature', code: 'RESERVED_HEADER' })]);
  });

  it('fans out idempotently: running the listener again sends nothing twice', async () => {
    const rx = await receiver();
    const ep = await endpoint(rx.url, ['access_code.created']);
    const eventId = await emit('access_code.created', { accessCodeId: 'ac-1' });
    await waitFor(async () => (await deliveries(ep.id))[0]?.status === 'delivered');
    const fanOut = hub.app.get(WebhookFanOutService);
    const event = { id: eventId, type: 'access_code.created', occurredAt: new Date().toISOString(), correlationId: 'c', subject: null, payload: { accessCodeId: 'ac-1' } };
    await Promise.all([fanOut.fanOut(event), fanOut.fanOut(event)]);
    const second = await emit('access_code.created', { accessCodeId: 'ac-2' });
    await Promise.all([fanOut.fanOut({ ...event, id: second }), fanOut.fanOut({ ...event, id: second })]);
    await waitFor(async () => (await deliveries(ep.id)).filter((item) => item.status === 'delivered').length === 2);
    await waitFor(async () => (await hub.http.get('/events').query({ type: 'access_code.created' })).body.items.every((item: { dispatchedAt: string | null }) => item.dispatchedAt));
    expect(await deliveries(ep.id)).toHaveLength(2);
    expect(rx.received.map((request) => verify(ep.secret, request).data.accessCodeId).sort()).toEqual(['ac-1', 'ac-2']);
  });

  it('reads the endpoints once for the events of one commit, and never misses an endpoint created before an event committed', async () => {
    const rx = await receiver();
    const first = await endpoint(rx.url, ['test.shared_read']);
    const connection = hub.app.get(MikroORM).em.getConnection();
    const original = connection.execute.bind(connection);
    let reads = 0;
    const execute = jest.spyOn(connection, 'execute').mockImplementation(((...args: Parameters<typeof original>) => {
      if (typeof args[0] === 'string' && sqlOf(args[0]).includes('from hub_webhook_endpoint where enabled')) reads += 1;
      return original(...args);
    }) as typeof original);
    try {
      await hub.app.get(EventsService).transaction(async (_em, record) => {
        for (let n = 1; n <= 3; n++) record({ type: 'test.shared_read', payload: { n } });
      });
      await waitFor(async () => (await deliveries(first.id)).length === 3, { message: 'three deliveries' });
      expect(reads).toBe(1);
    } finally {
      execute.mockRestore();
    }
    // An endpoint made after that read, before the next event: the next event reaches it.
    const second = await endpoint(rx.url, ['test.shared_read']);
    await emit('test.shared_read', { n: 4 });
    await waitFor(async () => (await deliveries(second.id)).length === 1, { message: 'the new endpoint to get the next event' });
    expect((await deliveries(first.id)).length).toBe(4);
  });

  it('honours a per-endpoint rate limit', async () => {
    const rx = await receiver();
    const ep = await endpoint(rx.url, ['subscription.expiring'], { rateLimitPerSecond: 2 });
    for (let i = 0; i < 6; i++) await emit('subscription.expiring', { subscriptionId: `s-${i}`, daysLeft: 3 });
    await waitFor(async () => (await deliveries(ep.id)).filter((item) => item.status === 'delivered').length === 6, { timeoutMs: 20_000 });
    const times = rx.received.map((request) => request.at).sort((a, b) => a - b);
    // The limiter admits two per calendar second, so six deliveries are sent in three distinct
    // seconds (first to last > 1 s at the sender). Arrival
    // times differ from send times by the request latency (the first opens the connection).
    expect(times[5] - times[0]).toBeGreaterThanOrEqual(800);
  });

  it('connects to the address its own resolver vetted (a name no public DNS knows)', async () => {
    const rx = await receiver();
    const port = new URL(rx.url).port;
    hub.app.get(SsrfGuard).useResolver(async (host) => (host === 'receiver.hub.test' ? [{ address: '127.0.0.1', family: 4 }] : Promise.reject(new Error(`ENOTFOUND ${host}`))));
    const ep = await endpoint(`http://receiver.hub.test:${port}/in`, ['order.created']);
    await emit('order.created', { orderId: 'o-9' });
    await waitFor(() => rx.received.length === 1);
    expect(rx.received[0].headers.host).toBe(`receiver.hub.test:${port}`);
    expect(verify(ep.secret, rx.received[0]).data).toMatchObject({ orderId: 'o-9' });
  });

  it('validates endpoints and publishes the event catalogue (API and OpenAPI webhooks)', async () => {
    const bad = await hub.http.post('/webhook-endpoints').send({ url: 'http://127.0.0.1:1/', eventTypes: ['Subscription!'] }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'eventTypes' })]);
    await hub.http.get('/webhook-endpoints/0193a1b2-c3d4-7e8f-9a0b-1c2d3e4f5a6b').expect(404);
    const types = await hub.http.get('/webhook-endpoints/event-types').expect(200);
    const byType = Object.fromEntries(types.body.items.map((item: { type: string }) => [item.type, item]));
    expect(byType['subscription.activated']).toMatchObject({ alert: false, schema: { type: 'object' } });
    expect(byType['panel.health_changed']).toMatchObject({ alert: true, alertWhen: { field: 'to', equals: 'down' } });
    for (const type of ['workflow.run.failed', 'access_code.bruteforce_suspected', 'webhook_endpoint.disabled', 'payment.review_required']) expect(byType[type].alert).toBe(true);
    const doc = await hub.http.get('/docs/openapi.json').set('authorization', '').expect(200);
    expect(doc.body.webhooks['line.created'].post.requestBody.content['application/json'].schema.properties.type).toEqual({ type: 'string', const: 'line.created' });
    const list = await hub.api.GET('/webhook-endpoints', { params: { query: { enabled: 'false' } } });
    expect(list.data?.items.every((item) => !item.enabled)).toBe(true);
  });

  it('re-schedules a pending delivery whose job was lost, and purges finished deliveries after the retention', async () => {
    const rx = await receiver();
    const ep = await endpoint(rx.url, ['order.created']);
    // A delivery committed by a process that died before enqueueing its job.
    const em = hub.app.get(MikroORM).em.fork();
    const lost = em.create(WebhookDelivery, { endpoint: em.getReference(WebhookEndpoint, ep.id), eventId: null, eventType: 'webhook.test', testData: { endpointId: ep.id, message: 'lost' }, nextAttemptAt: new Date(Date.now() - 120_000) });
    await em.flush();
    await hub.app.get(WebhookAttemptService).sweep();
    await waitFor(() => rx.received.length === 1, { message: 'the swept delivery' });
    expect(verify(ep.secret, rx.received[0]).data).toMatchObject({ message: 'lost' });
    await waitFor(async () => (await deliveries(ep.id))[0]?.status === 'delivered');

    const before = await deliveries(ep.id);
    expect(before.map((item) => item.id)).toEqual([lost.id]);
    const retention = hub.app.get(WebhookRetentionService);
    expect(await retention.purge(Date.now() + 29 * 24 * 3600_000)).toBe(0);
    expect(await retention.purge(Date.now() + 31 * 24 * 3600_000)).toBeGreaterThanOrEqual(1);
    expect(await deliveries(ep.id)).toEqual([]);
  });
});
