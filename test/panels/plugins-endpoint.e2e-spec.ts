import { createTestApp, TestApp } from '../helpers/test-app';

describe('GET /plugins with a broken third-party plugin enabled', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_PLUGINS: 'iptv-hub-plugin-does-not-exist' } });
  });
  afterAll(() => hub?.close());

  it('starts anyway, lists the built-in panel plugins with their schemas, and reports the broken one', async () => {
    const res = await hub.http.get('/plugins').expect(200);
    const byId = Object.fromEntries(res.body.items.map((item: { id: string }) => [item.id, item]));
    expect(byId['xui-admin']).toMatchObject({ kind: 'panel', secretFields: ['accessCode', 'apiKey'], configSchema: { required: ['accessCode', 'apiKey'] } });
    expect(byId['xui-reseller']).toMatchObject({ kind: 'panel', secretFields: ['accessCode', 'apiKey'] });
    expect(byId['xtream-codes'].capabilities).not.toContain('deleteLine');
    expect(res.body.problems).toEqual([expect.objectContaining({ source: 'iptv-hub-plugin-does-not-exist', message: expect.stringContaining('could not be loaded') })]);
  });

  it('refuses a configuration that does not match the plugin schema', async () => {
    const res = await hub.http.post('/panels').send({ name: 'X', type: 'xui-admin', baseUrl: 'http://127.0.0.1:1', credentials: { accessCode: 'a b', apiKey: 'k' } }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'credentials.accessCode' })]);
  });
});
