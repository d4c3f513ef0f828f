import request from 'supertest';
import { createTestApp, createTestDatabase, TestApp, TestDatabase } from '../helpers/test-app';

/** Keys are only as strong as the checks around them: scopes, revocation, addresses, budgets, errors. */
describe('API key security', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => hub?.close());

  async function keyWith(scopes: string[], extra: Record<string, unknown> = {}): Promise<{ id: string; key: string }> {
    const created = await hub.http.post('/api-keys').send({ name: scopes.join('+'), scopes, ...extra }).expect(201);
    return { id: created.body.id, key: created.body.key };
  }

  it('keeps API keys admin-only whatever the case of the path (routes match case-insensitively)', async () => {
    const { key } = await keyWith(['operator']);
    const as = (path: string) => hub.http.post(path).set('authorization', `Bearer ${key}`).send({ name: 'escalated', scopes: ['admin'] });
    for (const path of ['/API-KEYS', '/Api-Keys', '/api-Keys']) {
      const res = await as(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.body.code).toBe('INSUFFICIENT_SCOPE');
    }
    const listed = await hub.http.get('/API-KEYS').set('authorization', `Bearer ${key}`);
    expect(listed.status).toBe(403);
    const { data } = await hub.api.GET('/api-keys');
    expect(data?.items.map((item) => item.name)).not.toContain('escalated');
  });

  it('keeps a per-resource key on its resource whatever the case of the path', async () => {
    const { key } = await keyWith(['customers:read']);
    await hub.http.get('/customers').set('authorization', `Bearer ${key}`).expect(200);
    await hub.http.get('/CUSTOMERS').set('authorization', `Bearer ${key}`).expect(200);
    await hub.http.get('/panels').set('authorization', `Bearer ${key}`).expect(403);
    await hub.http.post('/Customers').set('authorization', `Bearer ${key}`).send({ email: 'case@example.com' }).expect(403);
  });

  it('audits and deduplicates by the route that matched, whatever the case of the path', async () => {
    const created = await hub.http.post('/CUSTOMERS').set('idempotency-key', 'case-key-1').send({ email: 'cased@example.com' }).expect(201);
    const again = await hub.http.post('/customers').set('idempotency-key', 'case-key-1').send({ email: 'cased@example.com' }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(created.body.id);
    const audit = (await hub.http.get('/audit').query({ targetId: created.body.id }).expect(200)).body.items as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toContain('customers.post');
    expect(audit.map((entry) => entry.action)).not.toContain('CUSTOMERS.post');
  });

  it('lets a key that manages API keys grant only scopes it holds itself', async () => {
    const { key } = await keyWith(['api-keys:write']);
    const escalate = await hub.http.post('/api-keys').set('authorization', `Bearer ${key}`).send({ name: 'escalated', scopes: ['admin'] }).expect(403);
    expect(escalate.body.code).toBe('INSUFFICIENT_SCOPE');
    await hub.http.post('/api-keys').set('authorization', `Bearer ${key}`).send({ name: 'escalated', scopes: ['operator'] }).expect(403);
    await hub.http.post('/api-keys').set('authorization', `Bearer ${key}`).send({ name: 'escalated', scopes: ['panels:write'] }).expect(403);
    // Within its own reach it still works.
    await hub.http.post('/api-keys').set('authorization', `Bearer ${key}`).send({ name: 'peer', scopes: ['api-keys:read'] }).expect(201);
    const { key: operatorKey } = await keyWith(['operator', 'api-keys:write']);
    await hub.http.post('/api-keys').set('authorization', `Bearer ${operatorKey}`).send({ name: 'reader', scopes: ['read-only', 'customers:write'] }).expect(201);
    await hub.http.post('/api-keys').set('authorization', `Bearer ${operatorKey}`).send({ name: 'escalated', scopes: ['admin'] }).expect(403);
    // Nor can it take the admin's key away.
    const { data } = await hub.api.GET('/api-keys');
    const bootstrap = data?.items.find((item) => item.scopes.includes('admin'));
    const revoke = await hub.http.delete(`/api-keys/${bootstrap?.id}`).set('authorization', `Bearer ${key}`).expect(403);
    expect(revoke.body.code).toBe('INSUFFICIENT_SCOPE');
    await hub.http.get('/api-keys').expect(200);
  });

  it('ignores X-Forwarded-For for IP allow-lists unless the proxy is trusted', async () => {
    const { key } = await keyWith(['read-only'], { ipAllowList: ['203.0.113.7'] });
    const spoofed = await hub.http.get('/customers').set('authorization', `Bearer ${key}`).set('x-forwarded-for', '203.0.113.7');
    expect(spoofed.status).toBe(401);
    const { key: local } = await keyWith(['read-only'], { ipAllowList: ['127.0.0.0/8', '::1'] });
    await hub.http.get('/customers').set('authorization', `Bearer ${local}`).set('x-forwarded-for', '198.51.100.1').expect(200);
  });

  it('answers an unexpected URL-decoding failure as problem details without internals', async () => {
    const res = await hub.http.get('/customers/%E0%A4%A');
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(/node_modules|at .*\(|\.ts:\d+|\/work\//);
  });

  it('never echoes the key in problem details', async () => {
    const { key, id } = await keyWith(['read-only']);
    const denied = await hub.http.post('/customers').set('authorization', `Bearer ${key}`).send({ email: 'x@example.com' }).expect(403);
    expect(denied.text).not.toContain(key);
    await hub.http.delete(`/api-keys/${id}`).expect(200);
    const revoked = await hub.http.get('/customers').set('authorization', `Bearer ${key}`).expect(401);
    expect(revoked.text).not.toContain(key);
  });
});

describe('API key checks behind a trusted proxy', () => {
  let hub: TestApp;
  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_TRUSTED_PROXIES: 'loopback' } });
  });
  afterAll(() => hub?.close());

  it('takes the client address from X-Forwarded-For sent by a trusted proxy', async () => {
    const created = await hub.http.post('/api-keys').send({ name: 'shop', scopes: ['read-only'], ipAllowList: ['203.0.113.0/24'] }).expect(201);
    const key = created.body.key as string;
    await hub.http.get('/customers').set('authorization', `Bearer ${key}`).set('x-forwarded-for', '203.0.113.7').expect(200);
    await hub.http.get('/customers').set('authorization', `Bearer ${key}`).set('x-forwarded-for', '198.51.100.1').expect(401);
    // The client may prepend anything; the address the trusted proxy saw is what counts.
    await hub.http.get('/customers').set('authorization', `Bearer ${key}`).set('x-forwarded-for', '203.0.113.7, 198.51.100.1').expect(401);
  });
});

describe('rate limit of callers without a valid key', () => {
  let hub: TestApp;
  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => hub?.close());

  it('counts invented keys against the caller address, not one fresh budget per invented key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await request(hub.url).get('/customers').set('x-api-key', `hub_invented_${i}_${'x'.repeat(30)}`);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('gives a key one budget however it is presented', async () => {
    const created = await hub.http.post('/api-keys').send({ name: 'budget', scopes: ['read-only'] }).expect(201);
    const key = created.body.key as string;
    const forms: Array<[string, string]> = [
      ['authorization', `Bearer ${key}`],
      ['authorization', `bearer ${key}`],
      ['x-api-key', key],
      ['authorization', `Bearer  ${key}`],
      ['x-api-key', ` ${key}`],
    ];
    for (const [header, value] of forms) await request(hub.url).get('/customers').set(header, value).expect(200);
    await request(hub.url).get('/customers').set('x-api-key', key).expect(429);
  });
});

describe('API key revocation across processes', () => {
  let database: TestDatabase;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) apps.push(await createTestApp({ database }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('refuses a revoked key at once in every process that serves the API', async () => {
    const [first, second] = apps;
    const created = await first.http.post('/api-keys').send({ name: 'short-lived', scopes: ['read-only'] }).expect(201);
    const key = created.body.key as string;
    await second.http.get('/customers').set('authorization', `Bearer ${key}`).expect(200);
    await first.http.delete(`/api-keys/${created.body.id}`).expect(200);
    await second.http.get('/customers').set('authorization', `Bearer ${key}`).expect(401);
    await first.http.get('/customers').set('authorization', `Bearer ${key}`).expect(401);
  });
});
