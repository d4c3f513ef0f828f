import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry for the process; metric objects are module singletons so any layer can record. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'hub_process_' });

export const httpRequestDuration = new Histogram({
  name: 'hub_http_request_duration_seconds',
  help: 'HTTP request latency by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'hub_job_duration_seconds',
  help: 'Job handler duration by job name',
  labelNames: ['name'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
  registers: [metricsRegistry],
});

export const jobsFinished = new Counter({
  name: 'hub_jobs_finished_total',
  help: 'Job deliveries by name and outcome',
  labelNames: ['name', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Read from the queue at scrape time through `queueDepthSource`. */
export let queueDepthSource: (() => Promise<Record<string, number> | undefined>) | undefined;

export function setQueueDepthSource(source: () => Promise<Record<string, number> | undefined>): void {
  queueDepthSource = source;
}

export const queueDepth = new Gauge({
  name: 'hub_queue_depth',
  help: 'Jobs in the queue by state',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  async collect() {
    const counts = await queueDepthSource?.().catch(() => undefined);
    for (const [state, value] of Object.entries(counts ?? {})) this.set({ state }, value);
  },
});

export const auditEntries = new Counter({
  name: 'hub_audit_entries_total',
  help: 'Audit entries written by outcome',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});
