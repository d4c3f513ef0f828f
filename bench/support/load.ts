import { Pool } from 'undici';

export interface LatencySummary {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Epoch milliseconds with sub-millisecond precision, comparable across processes. */
export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarise(latencies: number[], errors: number, seconds: number): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { requests: latencies.length, errors, seconds: round(seconds), perSecond: round(latencies.length / seconds), p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)) };
}

/** Closed-loop load: `concurrency` callers each issue requests back to back until `total` are done. */
export async function closedLoop(total: number, concurrency: number, call: () => Promise<boolean>): Promise<LatencySummary> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued += 1;
        const t0 = performance.now();
        const ok = await call().catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/** A keep-alive HTTP pool; returns a caller that GETs `path` and reports success. */
export function httpGetter(origin: string, path: string, headers: Record<string, string>, connections: number): { get: () => Promise<boolean>; close: () => Promise<void> } {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  return {
    async get() {
      const res = await pool.request({ method: 'GET', path, headers });
      await res.body.dump();
      return res.statusCode === 200;
    },
    close: () => pool.close(),
  };
}
