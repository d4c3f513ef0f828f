import type { LookupAddress } from 'node:dns';
import { EventsService } from '../../src/core/events/events.service';
import { SsrfGuard } from '../../src/core/webhooks/ssrf-guard';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { WebhookReceiver } from './webhook-receiver';

describe(`webhook SSRF protection with the default configuration (${testMode})`, () => {
  let hub: TestApp;
  let rx: WebhookReceiver;
  /** What the "attacker's" DNS answers; flipped by the rebinding test. */
  const dns: Record<string, string> = {
    'metadata.attacker.test': '169.254.169.254',
    'intranet.attacker.test': '10.0.0.1',
    'loop.attacker.test': '127.0.0.1',
    'rebind.attacker.test': '93.184.216.34',
  };

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_WEBHOOK_RETRY_SCHEDULE: '100ms', HUB_WEBHOOK_TIMEOUT_MS: '2000' } });
    rx = await WebhookReceiver.start();
    hub.app.get(SsrfGuard).useResolver(async (host): Promise<LookupAddress[]> => {
      if (host === 'localhost') return [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
      if (!dns[host]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return [{ address: dns[host], family: 4 }];
    });
  });
  afterAll(async () => {
    await rx?.close();
    await hub?.close();
  });

  async function refused(url: string): Promise<{ code: string; addressClass?: string; errors: { field: string }[] }> {
    const res = await hub.http.post('/webhook-endpoints').send({ url, eventTypes: ['*'] }).expect(422);
    return res.body;
  }

  it('refuses loopback, metadata and private addresses, literal or behind a host name', async () => {
    for (const [url, addressClass] of [
      ['http://127.0.0.1/hook', 'loopback'],
      [`${rx.url}/hook`, 'loopback'],
      ['http://169.254.169.254/latest/meta-data/', 'metadata'],
      ['http://10.0.0.1/', 'private'],
      ['http://[::1]/', 'loopback'],
      ['http://0.0.0.0:80/', 'reserved'],
      ['http://localhost:3000/', 'loopback'],
      ['http://metadata.attacker.test/', 'metadata'],
      ['http://intranet.attacker.test/', 'private'],
      ['https://loop.attacker.test/', 'loopback'],
    ]) {
      const body = await refused(url);
      expect({ url, code: body.code, addressClass: body.addressClass, field: body.errors[0]?.field }).toEqual({ url, code: 'WEBHOOK_URL_FORBIDDEN', addressClass, field: 'url' });
    }
    expect((await refused('http://nowhere.attacker.test/')).code).toBe('WEBHOOK_URL_UNRESOLVABLE');
    expect((await refused('ftp://example.test/')).code).toBe('WEBHOOK_URL_INVALID');
    const list = await hub.http.get('/webhook-endpoints').expect(200);
    expect(list.body.items).toHaveLength(0);
  });

  it('checks again when delivering: a name that rebinds to loopback after creation is never called', async () => {
    const port = new URL(rx.url).port;
    const created = await hub.http.post('/webhook-endpoints').send({ url: `http://rebind.attacker.test:${port}/hook`, eventTypes: ['line.created'] }).expect(201);
    const patch = await hub.http.patch(`/webhook-endpoints/${created.body.id}`).send({ url: 'http://169.254.169.254/' }).expect(422);
    expect(patch.body.code).toBe('WEBHOOK_URL_FORBIDDEN');
    dns['rebind.attacker.test'] = '127.0.0.1';
    await hub.app.get(EventsService).transaction(async (_em, emit) => emit({ type: 'line.created', payload: { panelId: 'p1' } }));
    const delivery = await waitFor(async () => {
      const items = (await hub.http.get(`/webhook-endpoints/${created.body.id}/deliveries`).expect(200)).body.items;
      return items[0]?.status === 'failed' ? items[0] : undefined;
    }, { message: 'the delivery to fail' });
    expect(delivery.attempts).toHaveLength(2);
    for (const attempt of delivery.attempts) expect(attempt).toMatchObject({ statusCode: null, error: expect.stringContaining('WEBHOOK_URL_FORBIDDEN') });
    expect(rx.received).toHaveLength(0);
  });
});
