import type { NextFunction, Request, Response } from 'express';

/**
 * How busy this process is answering HTTP requests: requests started in the current and the
 * previous window of 100 ms. Requests mostly run to completion in one turn of the event loop (the
 * embedded database is synchronous), so "in flight" says little; the arrival rate is the signal.
 * Background work that can wait (a queue drain of events that are already stored) steps aside
 * while it is high, so a process that also works the queue keeps answering providers and clients
 * in milliseconds during a burst.
 */
const WINDOW_MS = 100;
let windowStart = 0;
let current = 0;
let previous = 0;

function roll(now: number): void {
  if (now - windowStart < WINDOW_MS) return;
  previous = now - windowStart < 2 * WINDOW_MS ? current : 0;
  current = 0;
  windowStart = now - ((now - windowStart) % WINDOW_MS);
}

export function countRequest(_req: Request, _res: Response, next: NextFunction): void {
  roll(Date.now());
  current += 1;
  next();
}

/** Requests per second, estimated over the last 100–200 ms. */
export function requestRate(now = Date.now()): number {
  roll(now);
  const elapsed = WINDOW_MS + (now - windowStart);
  return ((previous + current) * 1000) / elapsed;
}

/**
 * Waits while requests arrive faster than `perSecond`, at most `maxWaitMs`, so the caller always
 * makes progress (one unit of work per wait at worst).
 */
export async function yieldToRequests(perSecond = 100, maxWaitMs = 1_000): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  while (requestRate() > perSecond && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
