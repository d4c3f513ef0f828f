import { isAbsolute, resolve } from 'node:path';

/** Settings of the workflow engine, read from the environment once at start. */
export interface WorkflowConfig {
  /** Operator folder of YAML definitions (HUB_WORKFLOWS_DIR); files there replace built-ins with the same id. */
  dir: string | null;
  /** Multiplies every retry wait and timer (HUB_WORKFLOW_TIME_SCALE, default 1). Tests and demos shrink minutes to milliseconds. */
  timeScale: number;
  /** How long a step attempt holds its lease without a heartbeat (HUB_WORKFLOW_STEP_LEASE_MS, default 15 s). */
  stepLeaseMs: number;
  /** Timeout of a step attempt when the step sets none (HUB_WORKFLOW_STEP_TIMEOUT_MS, default 60 s). */
  defaultStepTimeoutMs: number;
  /** Environment variables expressions may read as env.NAME (HUB_WORKFLOW_ENV, comma-separated names). */
  envAllow: string[];
  /** The allow-listed variables' values, captured at start. */
  envValues: Record<string, string>;
  /** Hosts http.request may call (HUB_WORKFLOW_HTTP_ALLOW, comma-separated; `*.example.com` allowed). */
  httpAllow: string[];
  /** Runs without progress for this long are re-kicked by the reaper (HUB_WORKFLOW_STALE_MS, default 60 s). */
  staleAfterMs: number;
  /** Per-workflow overrides of `vars` (HUB_WORKFLOW_VARS, JSON: {"expire-line": {"gracePeriod": "5d"}}). */
  varOverrides: Record<string, Record<string, unknown>>;
  reapIntervalMs: number;
  /** How often a process re-reads the definitions table to see other processes' changes. */
  refreshIntervalMs: number;
}

export function loadWorkflowConfig(env: Readonly<Record<string, string | undefined>>): WorkflowConfig {
  const dir = env.HUB_WORKFLOWS_DIR?.trim();
  return {
    dir: dir ? (isAbsolute(dir) ? dir : resolve(process.cwd(), dir)) : null,
    timeScale: number(env, 'HUB_WORKFLOW_TIME_SCALE', 1, 0),
    stepLeaseMs: number(env, 'HUB_WORKFLOW_STEP_LEASE_MS', 15_000, 200),
    defaultStepTimeoutMs: number(env, 'HUB_WORKFLOW_STEP_TIMEOUT_MS', 60_000, 100),
    envAllow: list(env.HUB_WORKFLOW_ENV),
    envValues: Object.fromEntries(list(env.HUB_WORKFLOW_ENV).filter((name) => env[name] !== undefined).map((name) => [name, env[name] as string])),
    httpAllow: list(env.HUB_WORKFLOW_HTTP_ALLOW),
    staleAfterMs: number(env, 'HUB_WORKFLOW_STALE_MS', 60_000, 500),
    varOverrides: overrides(env.HUB_WORKFLOW_VARS),
    reapIntervalMs: number(env, 'HUB_WORKFLOW_REAP_MS', 10_000, 100),
    refreshIntervalMs: number(env, 'HUB_WORKFLOW_REFRESH_MS', 5_000, 100),
  };
}

function number(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min} (got "${raw}")`);
  return value;
}

function overrides(raw: string | undefined): Record<string, Record<string, unknown>> {
  if (!raw?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new Error(`HUB_WORKFLOW_VARS must be JSON such as {"expire-line": {"gracePeriod": "5d"}} (${(error as Error).message})`, { cause: error });
  }
  const ok = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((value) => value !== null && typeof value === 'object' && !Array.isArray(value));
  if (!ok) throw new Error('HUB_WORKFLOW_VARS must map workflow ids to objects of vars');
  return parsed as Record<string, Record<string, unknown>>;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

export const WORKFLOW_CONFIG = Symbol('WORKFLOW_CONFIG');
