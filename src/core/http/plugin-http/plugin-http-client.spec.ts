import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PluginError, pluginFailureOf } from '../../plugins/sdk';
import { CallLimiter, MemoryCallLimiter } from './call-limiter';
import { CircuitBreaker } from './circuit-breaker';
import { HubPluginHttpClient, PanelCallRecord, PluginHttpClientOptions } from './plugin-http-client';

type Handler = (req: { url: string; method: string }, count: number) => { status: number; body?: string; delayMs?: number; hang?: boolean };

async function serve(handler: Handler): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    const answer = handler({ url: req.url ?? '', method: req.method ?? '' }, count);
    if (answer.hang) return;
    setTimeout(() => res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? ''), answer.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => count,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function client(baseUrl: string, overrides: Partial<PluginHttpClientOptions> = {}, records: PanelCallRecord[] = []): HubPluginHttpClient {
  return new HubPluginHttpClient({ key: `panel-${Math.random()}`, baseUrl, timeoutMs: 1000, retry: { attempts: 3, baseDelayMs: 5 }, secrets: ['S3cretKey99'], onCall: (record) => records.push(record), ...overrides });
}

describe('HubPluginHttpClient', () => {
  it('retries retryable failures with backoff, then succeeds; every attempt is audited without secrets', async () => {
    const server = await serve((_, count) => (count < 3 ? { status: 502 } : { status: 200, body: '{"ok":true}' }));
    const records: PanelCallRecord[] = [];
    const response = await client(server.url, {}, records).request({ method: 'GET', url: 'S3cretKey99/', query: { api_key: 'S3cretKey99', action: 'x' }, operation: 'probe' });
    expect(response.json()).toEqual({ ok: true });
    expect(records.map((record) => [record.attempt, record.status, record.code])).toEqual([[1, 502, 'PANEL_UNAVAILABLE'], [2, 502, 'PANEL_UNAVAILABLE'], [3, 200, null]]);
    expect(JSON.stringify(records)).not.toContain('S3cretKey99');
    expect(records[0]).toMatchObject({ method: 'GET', operation: 'probe' });
    expect(records[0].url).toContain('action=x');
    await server.close();
  });

  it('hides the query parameters isSecretName calls secret in audit records', async () => {
    const server = await serve(() => ({ status: 200, body: '{}' }));
    const records: PanelCallRecord[] = [];
    await client(server.url, {}, records).request({ method: 'GET', url: 'portal.php', query: { action: 'get', mac: '00:1A:79:00:00:01', PHPSESSID: 'sess-1', cookie: 'c-1', token_type: 'Bearer', hash: 'h-1' } });
    expect(records[0].url).not.toMatch(/00%3A1A|sess-1|c-1/);
    expect(records[0].url).toContain('mac=%5Bredacted%5D');
    expect(records[0].url).toContain('token_type=Bearer');
    expect(records[0].url).toContain('hash=h-1');
    await server.close();
  });

  it('quotes a body that is not JSON with its secret fields blanked', async () => {
    const server = await serve(() => ({ status: 200, body: 'result=ok&password=hunter2&api_key=K9' }));
    const response = await client(server.url).request({ method: 'GET', url: '' });
    const failure = (() => {
      try {
        response.json();
      } catch (error) {
        return error as PluginError;
      }
      return undefined;
    })();
    expect(failure?.providerMessage).toBe('result=ok&password=[redacted]&api_key=[redacted]');
    await server.close();
  });

  it('does not retry permanent failures, nor non-idempotent requests unless asked', async () => {
    const server = await serve(() => ({ status: 500 }));
    const permanent = await pluginFailureOf(client(server.url).request({ method: 'GET', url: '', classify: () => new PluginError('AUTH_FAILED', 'no') }));
    expect(permanent.code).toBe('AUTH_FAILED');
    expect(server.calls()).toBe(1);
    await pluginFailureOf(client(server.url).request({ method: 'POST', url: '', form: { a: 1 } }));
    expect(server.calls()).toBe(2);
    await pluginFailureOf(client(server.url).request({ method: 'POST', url: '', form: { a: 1 }, retry: true }));
    expect(server.calls()).toBe(5);
    await server.close();
  });

  it('classifies timeouts, refused connections, DNS failures and TLS failures', async () => {
    const hanging = await serve(() => ({ status: 200, hang: true }));
    const timeout = await pluginFailureOf(client(hanging.url, { retry: { attempts: 1, baseDelayMs: 1 } }).request({ method: 'GET', url: '', timeoutMs: 100 }));
    expect(timeout).toMatchObject({ code: 'TIMEOUT', retryable: true });
    await hanging.close();
    const closed = await serve(() => ({ status: 200 }));
    const closedUrl = closed.url;
    await closed.close();
    expect(await pluginFailureOf(client(closedUrl, { retry: { attempts: 1, baseDelayMs: 1 } }).request({ method: 'GET', url: '' }))).toMatchObject({ code: 'CONNECTION_REFUSED', retryable: true });
    expect(await pluginFailureOf(client('http://panel.does-not-exist.invalid', { retry: { attempts: 1, baseDelayMs: 1 } }).request({ method: 'GET', url: '' }))).toMatchObject({ code: 'DNS_FAILED' });
    const plain = await serve(() => ({ status: 200, body: 'not tls' }));
    const tls = await pluginFailureOf(client(plain.url.replace('http:', 'https:'), { retry: { attempts: 1, baseDelayMs: 1 } }).request({ method: 'GET', url: '' }));
    expect(tls).toMatchObject({ code: 'TLS_ERROR', retryable: false });
    await plain.close();
  });

  it('names the address the hub connected from in the IP allow-list hint', async () => {
    const server = await serve(() => ({ status: 403, body: '<html>403 Forbidden</html>' }));
    const error = await pluginFailureOf(client(server.url).request({ method: 'GET', url: '', classify: (res) => (res.status === 403 ? new PluginError('IP_NOT_ALLOWED', 'refused') : undefined) }));
    expect(error.code).toBe('IP_NOT_ALLOWED');
    expect(error.hint).toContain('connected from 127.0.0.1');
    await server.close();
  });

  it('holds the concurrency limit and the per-second limit of a panel', async () => {
    let inFlight = 0;
    let peak = 0;
    const arrivals: number[] = [];
    const server = await serve(() => {
      arrivals.push(Date.now());
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => (inFlight -= 1), 30);
      return { status: 200, delayMs: 30 };
    });
    const limiter = new MemoryCallLimiter();
    const shared = { key: 'limited', limiter, limits: { maxConcurrent: 3, maxPerSecond: 1000, leaseMs: 5000 } };
    await Promise.all(Array.from({ length: 12 }, () => client(server.url, shared).request({ method: 'GET', url: '' })));
    expect(peak).toBe(3);
    // The start of each call is when the limiter grants it (the server, in this same busy process,
    // may see a request late, which would shorten an apparent gap without the limit being broken).
    const starts: number[] = [];
    const stamped: CallLimiter = {
      acquire: async (key, limits) => {
        const release = await limiter.acquire(key, limits);
        starts.push(Date.now());
        return release;
      },
      tryAcquire: (key, limits) => {
        const release = limiter.tryAcquire(key, limits);
        if (release) starts.push(Date.now());
        return release;
      },
    };
    const rate = { key: 'rated', limiter: stamped, limits: { maxConcurrent: 50, maxPerSecond: 10, leaseMs: 5000 } };
    arrivals.length = 0;
    const begun = Date.now();
    await Promise.all(Array.from({ length: 25 }, () => client(server.url, rate).request({ method: 'GET', url: '' })));
    expect(Date.now() - begun).toBeGreaterThanOrEqual(2000);
    expect([arrivals.length, starts.length]).toEqual([25, 25]);
    // Any 11 consecutive starts span a second (an unlimited client would start all 25 within a few
    // milliseconds); the slack covers timer jitter on a loaded machine.
    for (let i = 10; i < starts.length; i += 1) expect(starts[i] - starts[i - 10]).toBeGreaterThanOrEqual(1000 - 100);
    await server.close();
  });

  it('opens the circuit after consecutive transient failures, fails fast, and closes after a good trial call', async () => {
    let up = false;
    const server = await serve(() => (up ? { status: 200, body: 'ok' } : { status: 503 }));
    const states: string[] = [];
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 200 }, (state) => states.push(state));
    const http = client(server.url, { breaker, retry: { attempts: 1, baseDelayMs: 1 } });
    for (let i = 0; i < 3; i += 1) await pluginFailureOf(http.request({ method: 'GET', url: '' }));
    expect(states).toEqual(['open']);
    const calls = server.calls();
    const fast = await pluginFailureOf(http.request({ method: 'GET', url: '' }));
    expect(fast.message).toContain('circuit open');
    expect(server.calls()).toBe(calls);
    up = true;
    await new Promise((resolve) => setTimeout(resolve, 220));
    await http.request({ method: 'GET', url: '' });
    expect(states).toEqual(['open', 'half-open', 'closed']);
    await server.close();
  });
});
