import { createTestApp, createTestDatabase, TestApp, TestDatabase, testMode } from '../helpers/test-app';

describe('rate limiting and security headers', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => hub?.close());

  it('answers 429 problem details with Retry-After once a key spends its budget, per key', async () => {
    for (let i = 0; i < 5; i++) await hub.http.get('/customers').expect(200);
    const limited = await hub.http.get('/customers').expect(429);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another caller (no key: per address) has its own budget.
    await hub.http.get('/customers').set('authorization', '').expect(401);
  });

  it('sends security headers and a correlation id on every answer', async () => {
    const res = await hub.http.get('/health/live').set('authorization', '');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

(testMode === 'scale-out' ? describe : describe.skip)('rate limiting across processes (scale-out)', () => {
  let database: TestDatabase;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { HUB_RATE_LIMIT_PER_MINUTE: '6' };
    for (let i = 0; i < 2; i++) apps.push(await createTestApp({ env, database }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('gives a key one budget however many processes serve the API (counted in Redis)', async () => {
    const [first, second] = apps;
    for (let i = 0; i < 3; i++) {
      await first.http.get('/products').expect(200);
      await second.http.get('/products').expect(200);
    }
    // Six spent across the two: the seventh is refused by either.
    const limited = await first.http.get('/products').expect(429);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await second.http.get('/products').expect(429);
  });
});
