import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BasicHttpCall, createBasicHttpClient } from './basic-http-client';

describe('createBasicHttpClient call records', () => {
  it('hide the query parameters isSecretName calls secret, and the configured secret values', async () => {
    const server = createServer((_, res) => res.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const calls: BasicHttpCall[] = [];
    const http = createBasicHttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, secrets: ['AcCeSs42'], onCall: (call) => calls.push(call) });
    try {
      await http.request({ method: 'GET', url: 'AcCeSs42/', query: { api_key: 'k-1', authorization: 'Basic x', sid: 's-1', stb_mac: '00:1A', action: 'get', tokenType: 'Bearer' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(calls).toHaveLength(1);
    expect(calls[0].url).not.toMatch(/AcCeSs42|k-1|Basic|s-1|00%3A1A/);
    expect(calls[0].url).toContain('action=get');
    expect(calls[0].url).toContain('tokenType=Bearer');
  });
});
