/** Settings of the subscription lifecycle jobs, read from the environment at start. */
export interface LifecycleConfig {
  /** `subscription.expiring` is emitted this many days before expiry (HUB_EXPIRING_DAYS, default 3). */
  expiringDays: number;
  /** How often the expiry scanner runs (HUB_EXPIRY_SCAN_MS, default 60 s). */
  scanIntervalMs: number;
  /** How often the reconcile job compares subscriptions with the panels (HUB_RECONCILE_INTERVAL_MS, default 6 h, 0 = off). */
  reconcileIntervalMs: number;
  batchSize: number;
}

export function loadLifecycleConfig(env: Readonly<Record<string, string | undefined>>): LifecycleConfig {
  return {
    expiringDays: number(env, 'HUB_EXPIRING_DAYS', 3, 0),
    scanIntervalMs: number(env, 'HUB_EXPIRY_SCAN_MS', 60_000, 100),
    reconcileIntervalMs: number(env, 'HUB_RECONCILE_INTERVAL_MS', 6 * 3_600_000, 0),
    batchSize: number(env, 'HUB_EXPIRY_BATCH', 200, 1),
  };
}

function number(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min} (got "${raw}")`);
  return value;
}
