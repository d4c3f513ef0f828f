import { createHmac } from 'node:crypto';
import { createTestApp, TestApp, testMode } from '../helpers/test-app';

/**
 * No field of the API means a NUL character, and PostgreSQL cannot store one: such input is
 * refused as invalid, naming the field, instead of failing with a 500 after its checks.
 */
describe(`NUL characters in input (${testMode})`, () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp();
  }, 60_000);
  afterAll(() => hub?.close());

  it('refuses them in a body, at any depth and in keys, with the field named, and stores nothing', async () => {
    const named = await hub.http.post('/customers').send({ email: 'nul1@example.com', name: 'Ja\u0000ne' }).expect(400);
    expect(named.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'name', code: 'NUL_CHARACTER' }] });
    const nested = await hub.http.post('/customers').send({ email: 'nul2@example.com', externalRefs: { shop: 'c\u0000' } }).expect(400);
    expect(nested.body.errors).toEqual([expect.objectContaining({ field: 'externalRefs.shop' })]);
    const key = await hub.http.post('/customers').send({ email: 'nul3@example.com', externalRefs: { 'sh\u0000op': 'c1' } }).expect(400);
    expect(key.body.errors[0].code).toBe('NUL_CHARACTER');
    expect((await hub.http.get('/customers').query({ search: 'nul' }).expect(200)).body.items).toHaveLength(0);
  });

  it('refuses them in a query', async () => {
    const answer = await hub.http.get('/customers').query({ search: 'a\u0000b' }).expect(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'search', code: 'NUL_CHARACTER' })]);
  });

  it('refuses them in a signed inbound hook, after its signature', async () => {
    const yaml = ['id: nul-hook', 'on:', '  webhook: nul-hook', 'steps:', '  - id: note', '    uses: log', '    with:', '      message: hi', ''].join('\n');
    await hub.http.post('/workflows').send({ yaml }).expect(201);
    const { secret, path } = (await hub.http.post('/workflows/nul-hook/webhook-secret').send({}).expect(201)).body;
    const body = JSON.stringify({ orderRef: 'A\u0000' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
    const answer = await hub.http.post(path).set('authorization', '').set('content-type', 'application/json').set('x-hub-timestamp', timestamp).set('x-hub-signature', signature).send(body).expect(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'orderRef', code: 'NUL_CHARACTER' })]);
    expect((await hub.http.get('/runs').query({ workflowId: 'nul-hook' }).expect(200)).body.items).toHaveLength(0);
  });
});
