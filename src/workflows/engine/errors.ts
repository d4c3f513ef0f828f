import { HubError } from '../../core/common/errors';
import type { RunError } from './workflow-run.entity';

/** A stale executor tried to commit after another one moved the run on: it stops quietly. */
export class FencedError extends Error {
  constructor(runId: string) {
    super(`run ${runId} moved on; this executor's view is stale`);
    this.name = 'FencedError';
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
