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
  /** Hosts http.request may call (HUB_WORKFLOW_HTTP_ALLOW, comma-separated; `*.example.com` allowed). */
  httpAllow: string[];
  /** Runs without progress for this long are re-kicked by the reaper (HUB_WORKFLOW_STALE_MS, default 60 s). */
  staleAfterMs: number;
  reapIntervalMs: number;
  /** How often a process re-reads the definitions table to see other processes' changes. */
  refreshIntervalMs: number;
}

export function loadWorkflowConfig(env: Record<string, string | undefined> = process.env): WorkflowConfig {
  const dir = env.HUB_WORKFLOWS_DIR?.trim();
  return {
    dir: dir ? (isAbsolute(dir) ? dir : resolve(process.cwd(), dir)) : null,
    timeScale: number(env, 'HUB_WORKFLOW_TIME_SCALE', 1, 0),
    stepLeaseMs: number(env, 'HUB_WORKFLOW_STEP_LEASE_MS', 15_000, 200),
    defaultStepTimeoutMs: number(env, 'HUB_WORKFLOW_STEP_TIMEOUT_MS', 60_000, 100),
    envAllow: list(env.HUB_WORKFLOW_ENV),
    httpAllow: list(env.HUB_WORKFLOW_HTTP_ALLOW),
    staleAfterMs: number(env, 'HUB_WORKFLOW_STALE_MS', 60_000, 500),
    reapIntervalMs: number(env, 'HUB_WORKFLOW_REAP_MS', 10_000, 100),
    refreshIntervalMs: number(env, 'HUB_WORKFLOW_REFRESH_MS', 5_000, 100),
  };
}

function number(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min} (got "${raw}")`);
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

export const WORKFLOW_CONFIG = Symbol('WORKFLOW_CONFIG');
