/**
 * Runs `call` with a signal that aborts with a `TimeoutError` after `ms`, and drops the timer as
 * soon as the call ends. `AbortSignal.timeout(ms)` keeps its timer, and with it everything the
 * caller's async context holds (a request's unit of work and its entities), alive for the whole
 * `ms` after the answer came back: under load that is thousands of live contexts and a garbage
 * collector kept busy copying them.
 */
export async function withTimeoutSignal<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`The operation timed out after ${ms} ms`, 'TimeoutError')), ms);
  try {
    return await call(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
