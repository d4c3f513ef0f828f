/** Brute-force protection of the public code login. */
export interface CodeLoginPolicy {
  /** Failed attempts an address may make within `windowMs` before it is locked out. */
  budget: number;
  windowMs: number;
  /** First lockout; each further lockout doubles it, up to `maxLockoutMs`. */
  lockoutMs: number;
  maxLockoutMs: number;
  /** An address without lockout for this long starts again from the first lockout length. */
  lockoutDecayMs: number;
  /** Failures within `alarmWindowMs`, all addresses together, that raise `access_code.bruteforce_suspected` (once per window). */
  alarmFailures: number;
  alarmWindowMs: number;
  /** Every failed attempt answers after at least this long, so failures cannot be told apart by timing. */
  failureFloorMs: number;
}

export const DEFAULT_CODE_LOGIN_POLICY: CodeLoginPolicy = {
  budget: 10,
  windowMs: 15 * 60_000,
  lockoutMs: 60_000,
  maxLockoutMs: 24 * 3_600_000,
  lockoutDecayMs: 24 * 3_600_000,
  alarmFailures: 100,
  alarmWindowMs: 60_000,
  failureFloorMs: 50,
};

const VARIABLES: Array<[keyof CodeLoginPolicy, string, number, number]> = [
  ['budget', 'HUB_CODE_LOGIN_BUDGET', 1, 1],
  ['windowMs', 'HUB_CODE_LOGIN_WINDOW_SECONDS', 1000, 1],
  ['lockoutMs', 'HUB_CODE_LOGIN_LOCKOUT_SECONDS', 1000, 1],
  ['maxLockoutMs', 'HUB_CODE_LOGIN_MAX_LOCKOUT_SECONDS', 1000, 1],
  ['lockoutDecayMs', 'HUB_CODE_LOGIN_LOCKOUT_DECAY_SECONDS', 1000, 1],
  ['alarmFailures', 'HUB_CODE_LOGIN_ALARM_FAILURES', 1, 1],
  ['alarmWindowMs', 'HUB_CODE_LOGIN_ALARM_WINDOW_SECONDS', 1000, 1],
  ['failureFloorMs', 'HUB_CODE_LOGIN_FAILURE_FLOOR_MS', 1, 0],
];

/** Reads the policy from the environment (every variable optional); problems are collected for the start-up report. */
export function readCodeLoginPolicy(env: Record<string, string | undefined>, problems: string[]): CodeLoginPolicy {
  const policy = { ...DEFAULT_CODE_LOGIN_POLICY };
  for (const [field, name, unit, min] of VARIABLES) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be a whole number >= ${min} (got "${raw}")`);
    else policy[field] = value * unit;
  }
  if (policy.maxLockoutMs < policy.lockoutMs) problems.push('HUB_CODE_LOGIN_MAX_LOCKOUT_SECONDS must be at least HUB_CODE_LOGIN_LOCKOUT_SECONDS');
  return policy;
}

/** Length of the n-th lockout (n >= 1): doubles each time, capped. */
export function lockoutLength(policy: CodeLoginPolicy, n: number): number {
  return Math.min(policy.maxLockoutMs, policy.lockoutMs * 2 ** Math.max(0, n - 1));
}
