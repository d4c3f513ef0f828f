import { MikroORM } from '@mikro-orm/core';
import { PluginRegistry } from '../../src/core/plugins/plugin-registry';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';
import { testPanelPlugin } from '../helpers/test-plugin';

describe('REST conventions', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_BODY_LIMIT: '2kb' } });
    hub.app.get(PluginRegistry).register(testPanelPlugin);
  });
  afterAll(() => hub?.close());

  it('serves liveness, readiness and the docs without a key', async () => {
    await hub.http.get('/health/live').set('authorization', '').expect(200, { status: 'ok' });
    const ready = await hub.http.get('/health/ready').set('authorization', '').expect(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, queue: { status: 'up' } });
    const docs = await hub.http.get('/docs/openapi.json').set('authorization', '').expect(200);
    expect(docs.body.info.title).toBe('IPTV Hub API');
  });

  it('answers a missing or wrong API key with 401 problem details and audits the attempt', async () => {
    const missing = await hub.http.get('/panels').set('authorization', '').expect(401);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 401, code: 'API_KEY_MISSING' });
    const wrong = await hub.http.get('/panels').set('authorization', 'Bearer hub_not-a-key').expect(401);
    expect(wrong.body.code).toBe('API_KEY_INVALID');
    const { data } = await hub.api.GET('/audit', { params: { query: { action: 'auth.failed' } } });
    expect(data?.items.length).toBeGreaterThanOrEqual(2);
    expect(data?.items[0]).toMatchObject({ actorType: 'anonymous', outcome: 'denied' });
    expect(JSON.stringify(data)).not.toContain('hub_not-a-key');
  });

  it('names the field of bad input, rejects unknown properties and oversized bodies', async () => {
    const bad = await hub.http.post('/customers').send({ email: 'not-an-email', colour: 'blue' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'email' }), expect.objectContaining({ field: 'colour', code: 'UNKNOWN_PROPERTY' })]),
    );
    const big = await hub.http.post('/customers').send({ email: 'a@b.co', notes: 'x'.repeat(5000) }).expect(413);
    expect(big.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const malformed = await hub.http.post('/customers').set('content-type', 'application/json').send('{"email":').expect(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const badId = await hub.http.get('/customers/123').expect(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('replays a POST with the same Idempotency-Key and refuses the key with another body', async () => {
    const body = { email: 'idem@example.com', name: 'Idem' };
    const first = await hub.http.post('/customers').set('Idempotency-Key', 'k-1').send(body).expect(201);
    const again = await hub.http.post('/customers').set('Idempotency-Key', 'k-1').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await hub.http.post('/customers').set('Idempotency-Key', 'k-1').send({ ...body, name: 'Other' }).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const list = await hub.api.GET('/customers', { params: { query: { email: 'idem@example.com' } } });
    expect(list.data?.items).toHaveLength(1);
  });

  it('replays a shown-once secret under the same Idempotency-Key without storing it in clear', async () => {
    const first = await hub.http.post('/api-keys').set('Idempotency-Key', 'key-create-1').send({ name: 'bot', scopes: ['operator'] }).expect(201);
    const again = await hub.http.post('/api-keys').set('Idempotency-Key', 'key-create-1').send({ name: 'bot', scopes: ['operator'] }).expect(201);
    expect(again.body.key).toBe(first.body.key);
    const rows = await hub.app.get(MikroORM).em.getConnection().execute('select * from hub_idempotency_record');
    expect(JSON.stringify(rows)).not.toContain(first.body.key);
  });

  it('stores panel credentials encrypted, never returns them, and validates them against the plugin schema', async () => {
    const unknown = await hub.http.post('/panels').send({ name: 'P', type: 'nope', baseUrl: 'http://127.0.0.1:1', credentials: {} }).expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_PANEL_TYPE');
    const invalid = await hub.http.post('/panels').send({ name: 'P', type: 'test-panel', baseUrl: 'http://127.0.0.1:1', credentials: { username: 'admin' } }).expect(422);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'credentials.password' })]);
    const created = await hub.api.POST('/panels', { body: { name: 'Main', type: 'test-panel', baseUrl: 'http://127.0.0.1:1', credentials: { username: 'admin', password: 'S3cret-Pa55' } } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'Main', credentialFields: ['password', 'username'], status: 'unknown', options: { timeoutMs: 15000 } });
    const id = created.data!.id;
    const fetched = await hub.http.get(`/panels/${id}`).expect(200);
    expect(JSON.stringify(fetched.body)).not.toContain('S3cret-Pa55');
    const audit = await hub.http.get('/audit').query({ targetId: id }).expect(200);
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['panel.create', 'panels.post']));
    expect(JSON.stringify(audit.body)).not.toContain('S3cret-Pa55');
    const product = await hub.api.POST('/products', {
      body: { name: '1 month', panelId: id, packageExternalId: '1', durationUnit: 'months', durationValue: 1, maxConnections: 1, priceMinor: 999, currency: 'eur' },
    });
    expect(product.data).toMatchObject({ currency: 'EUR', panelId: id, packageMissing: false });
    const inUse = await hub.http.delete(`/panels/${id}`).expect(409);
    expect(inUse.body.code).toBe('PANEL_IN_USE');
    await hub.http.delete(`/products/${product.data!.id}`).expect(204);
    await hub.http.delete(`/panels/${id}`).expect(204);
  });

  it('pages with cursors and filters customers', async () => {
    for (let i = 0; i < 5; i++) await hub.http.post('/customers').send({ email: `page${i}@example.com`, externalRefs: { storefront: `s${i}` } }).expect(201);
    const first = await hub.http.get('/customers').query({ limit: 2, search: 'page' }).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await hub.http.get('/customers').query({ limit: 2, search: 'page', cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items[0].id < first.body.items[1].id).toBe(true);
    const byRef = await hub.http.get('/customers').query({ externalRef: 'storefront:s3' }).expect(200);
    expect(byRef.body.items.map((c: { email: string }) => c.email)).toEqual(['page3@example.com']);
    await hub.http.post('/customers').send({ email: 'page1@example.com' }).expect(409);
  });

  it('seals the audit log into a hash chain that detects tampering', async () => {
    const report = await waitFor(async () => {
      const res = await hub.http.get('/audit/verify').expect(200);
      return res.body.unsealed === 0 && res.body.sealed > 0 ? res.body : undefined;
    });
    expect(report.valid).toBe(true);
  });

  it('manages API keys: shown once, scoped, revocable', async () => {
    const created = await hub.http.post('/api-keys').send({ name: 'reader', scopes: ['read-only'] }).expect(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^hub_/);
    const list = await hub.http.get('/api-keys').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(key);
    await hub.http.get('/customers').set('authorization', `Bearer ${key}`).expect(200);
    const denied = await hub.http.post('/customers').set('authorization', `Bearer ${key}`).send({ email: 'ro@example.com' }).expect(403);
    expect(denied.body.code).toBe('INSUFFICIENT_SCOPE');
    await hub.http.get('/api-keys').set('authorization', '').set('x-api-key', key).expect(403);
    await hub.http.delete(`/api-keys/${created.body.id}`).expect(200);
    await hub.http.get('/customers').set('authorization', `Bearer ${key}`).expect(401);
    const badScope = await hub.http.post('/api-keys').send({ name: 'x', scopes: ['root'] }).expect(422);
    expect(badScope.body.code).toBe('INVALID_SCOPE');
  });

  it('exposes Prometheus metrics to an API key', async () => {
    const res = await hub.http.get('/metrics').expect(200);
    expect(res.text).toContain('hub_http_request_duration_seconds');
    expect(res.text).toContain('hub_queue_depth');
  });
});
