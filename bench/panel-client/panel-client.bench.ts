/**
 * The plugin HTTP client's overhead: calls/s and p50/p99 latency at concurrency 50 against the
 * XUI.one simulator, through the hub's client (limits, circuit breaker, classification, secret
 * scrubbing, a call record per attempt) and through raw undici on the same connection pool size.
 * Prints one JSON line; `ratio` = raw calls/s ÷ hub calls/s (target ≤ 1.15).
 */
import { Agent, request } from 'undici';
import { MemoryCallLimiter } from '../../src/core/http/plugin-http/call-limiter';
import { CircuitBreaker } from '../../src/core/http/plugin-http/circuit-breaker';
import { HubPluginHttpClient, PanelCallRecord } from '../../src/core/http/plugin-http/plugin-http-client';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 6000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Result {
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

async function measure(call: () => Promise<void>, calls: number): Promise<Result> {
  const latencies: number[] = [];
  let remaining = calls;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (remaining > 0) {
        remaining -= 1;
        const begin = performance.now();
        await call();
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) / 100;
  return { callsPerSecond: Math.round(calls / seconds), p50Ms: at(0.5), p99Ms: at(0.99) };
}

function median(results: Result[]): Result {
  const pick = (key: keyof Result) => [...results.map((result) => result[key])].sort((a, b) => a - b)[Math.floor(results.length / 2)];
  return { callsPerSecond: pick('callsPerSecond'), p50Ms: pick('p50Ms'), p99Ms: pick('p99Ms') };
}

async function main(): Promise<void> {
  const sim = await XuiAdminSimulator.start();
  const line = sim.insertLine({ username: 'bench', password: 'bench-pass' });
  const path = `${sim.accessCode}/`;
  const query = { api_key: sim.apiKey, action: 'get_line', id: String(line.id) };
  const rawAgent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });
  // What a plugin calling undici itself would do: build the URL, call with a timeout, parse JSON.
  const raw = async () => {
    const res = await request(`${sim.url}/${path}?${new URLSearchParams(query)}`, { method: 'GET', dispatcher: rawAgent, signal: AbortSignal.timeout(15_000) });
    JSON.parse(await res.body.text());
  };
  let records = 0;
  const hub = new HubPluginHttpClient({
    key: 'bench-panel',
    baseUrl: sim.url,
    timeoutMs: 15_000,
    retry: { attempts: 3, baseDelayMs: 500 },
    limiter: new MemoryCallLimiter(),
    limits: { maxConcurrent: CONCURRENCY, maxPerSecond: 1_000_000, leaseMs: 20_000 },
    breaker: new CircuitBreaker({ failureThreshold: 10, openMs: 15_000 }),
    secrets: [sim.apiKey, sim.accessCode],
    onCall: (record: PanelCallRecord) => void (records += record.attempt),
  });
  const viaHub = async () => {
    const res = await hub.request({ method: 'GET', url: path, query, secrets: [sim.apiKey], operation: 'getLine', retry: true });
    res.json();
  };
  await measure(raw, 1000);
  await measure(viaHub, 1000);
  const rawRuns: Result[] = [];
  const hubRuns: Result[] = [];
  // Alternating which goes first, so neither side always runs on a warmer (or more loaded) machine.
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      rawRuns.push(await measure(raw, CALLS));
      hubRuns.push(await measure(viaHub, CALLS));
    } else {
      hubRuns.push(await measure(viaHub, CALLS));
      rawRuns.push(await measure(raw, CALLS));
    }
  }
  const rawResult = median(rawRuns);
  const hubResult = median(hubRuns);
  await rawAgent.close();
  await sim.close();
  process.stdout.write(
    `${JSON.stringify({
      bench: 'panel-client',
      concurrency: CONCURRENCY,
      callsPerRound: CALLS,
      rounds: ROUNDS,
      raw: rawResult,
      hub: hubResult,
      ratio: Math.round((rawResult.callsPerSecond / hubResult.callsPerSecond) * 1000) / 1000,
      p50Ratio: Math.round((hubResult.p50Ms / rawResult.p50Ms) * 1000) / 1000,
      callRecords: records,
      target: 'ratio <= 1.15',
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
