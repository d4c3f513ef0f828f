import { parseDuration } from '../schema/duration';
import type { RetryDefinition } from '../schema/definition.types';

export interface RetryDecision {
  retry: boolean;
  delayMs: number;
}

/** Defaults when a step says nothing: three attempts, exponential from 10 s with jitter, capped at 10 min. */
export const DEFAULT_RETRY: RetryDefinition = { attempts: 3, backoff: { type: 'exponential', initial: '10s', factor: 2, max: '10m', jitter: 0.2 } };

/**
 * The least a database-only step gets when the database refused or lost its transaction (a
 * deadlock, a lost connection: `isTransientDatabaseError`), whatever its own policy: nothing of it
 * was kept, so running it again is always safe.
 */
export const DATABASE_RETRY = { attempts: 4, backoff: ['1s', '5s', '30s'] } satisfies RetryDefinition;

/**
 * Whether a failed attempt is retried, and after how long. Non-retryable errors (the action's own
 * classification, or codes the step lists) are never retried. `timeScale` shrinks every wait (tests
 * and demos use it so a 60-minute backoff takes milliseconds); it never changes the order of events.
 */
export function decideRetry(policy: RetryDefinition | undefined, attempt: number, error: { code: string; retryable: boolean }, timeScale = 1, random = Math.random): RetryDecision {
  const effective = policy ?? DEFAULT_RETRY;
  const attempts = effective.attempts ?? 1;
  if (!error.retryable || (effective.nonRetryable ?? []).includes(error.code) || attempt >= attempts) return { retry: false, delayMs: 0 };
  return { retry: true, delayMs: Math.round(backoffMs(effective, attempt, random) * timeScale) };
}

/** The wait after attempt number `attempt` (1-based) failed. */
export function backoffMs(policy: RetryDefinition, attempt: number, random = Math.random): number {
  const backoff = policy.backoff ?? DEFAULT_RETRY.backoff;
  if (Array.isArray(backoff)) {
    if (backoff.length === 0) return 0;
    return parseDuration(backoff[Math.min(attempt - 1, backoff.length - 1)]) ?? 0;
  }
  const exponential = backoff as Exclude<RetryDefinition['backoff'], string[] | undefined>;
  const initial = parseDuration(exponential.initial) ?? 1000;
  const cap = parseDuration(exponential.max ?? '1h') ?? 3_600_000;
  const raw = Math.min(cap, initial * (exponential.factor ?? 2) ** (attempt - 1));
  const jitter = Math.min(1, Math.max(0, exponential.jitter ?? 0));
  return Math.round(raw * (1 - jitter) + raw * jitter * random());
}
