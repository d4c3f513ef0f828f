import { ConnectionException, DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';
import { HubError } from '../../core/common/errors';
import type { RunError } from './workflow-run.entity';

/** A stale executor tried to commit after another one moved the run on: it stops quietly. */
export class FencedError extends Error {
  constructor(runId: string) {
    super(`run ${runId} moved on; this executor's view is stale`);
    this.name = 'FencedError';
  }
}

/** The code of a run failed because its revision no longer compiles or lacks the step it is at. */
export const REVISION_INVALID = 'REVISION_INVALID';

/**
 * A stored revision that no longer validates against the actions installed now: a plugin that
 * contributed one of its actions was removed, or an upgrade made an action's input stricter.
 */
export class RevisionInvalidError extends Error {
  constructor(revision: string, problems: string) {
    super(`Revision ${revision} no longer validates: ${problems}`);
    this.name = 'RevisionInvalidError';
  }
}

/**
 * Any failure in the normalised shape: plugin errors keep their code, retryable flag and hint;
 * hub errors (not found, invalid transition…) are permanent; anything unexpected is treated as
 * transient (a database hiccup) and retried by the step's policy.
 */
export function classifyError(error: unknown, stepId?: string): RunError {
  const base = { stepId };
  if (error instanceof HubError) return { ...base, code: error.code, message: error.message, retryable: false, hint: hintOf(error) };
  if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { retryable?: unknown }).retryable === 'boolean') {
    const typed = error as { code: string; message?: string; retryable: boolean; hint?: string };
    return { ...base, code: typed.code, message: String(typed.message ?? typed.code).slice(0, 1000), retryable: typed.retryable, hint: typed.hint };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, code: 'INTERNAL', message: message.slice(0, 1000), retryable: true, hint: 'An unexpected error; the step is retried by its policy. Check the hub logs for this correlation id.' };
}

/** A database-only step whose transaction the database refused or lost (see `isTransientDatabaseError`). */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/** PostgreSQL: serialization failure, deadlock, lock not available, shutdown, cannot connect now, too many connections (class 08 too: connection exceptions). */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300']);
const SOCKET_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/**
 * Whether the database refused or lost a transaction for reasons of its own, not of the work in it:
 * a deadlock or serialization failure, a lock not granted in time, a connection lost or refused,
 * a busy SQLite file. Nothing of the transaction was kept, and the same work may well succeed
 * later. Errors converted by MikroORM and raw driver errors (which carry the same codes) alike.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (error instanceof DeadlockException || error instanceof LockWaitTimeoutException || error instanceof ConnectionException) return true;
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return /^Connection terminated/.test((error as { message?: unknown }).message as string);
  return TRANSIENT_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_ERRORS.has(code) || /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** `error` as the failure of a database-only step (`isTransientDatabaseError`). */
export function databaseFailure(error: unknown, stepId?: string): RunError {
  const message = error instanceof Error ? error.message : String(error);
  return {
    stepId,
    code: DATABASE_UNAVAILABLE,
    message: message.slice(0, 1000),
    retryable: true,
    hint: 'The database refused or lost the transaction of this database-only step (deadlock, lock timeout, lost connection); nothing of it was kept, and the step is retried.',
  };
}

function hintOf(error: HubError): string | undefined {
  const hint = (error.extras as { hint?: unknown }).hint;
  return typeof hint === 'string' ? hint : undefined;
}

export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error(`the step did not finish within ${timeoutMs} ms`), { code: 'TIMEOUT', retryable: true, hint: 'Raise the step timeout or check why the call is slow.' }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
