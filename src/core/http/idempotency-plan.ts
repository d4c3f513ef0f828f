import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * What a handler decided on its first attempt under an `Idempotency-Key`, kept across attempts.
 *
 * Some operations are relative to state they read first ("add 30 days to the current expiry"):
 * when the first attempt's change went through but its answer was lost (a 5xx), a retry that reads
 * the state again would apply the change twice. The handler instead plans the absolute outcome
 * once (`once`), the plan is stored sealed with the request's idempotency record *before* the side
 * effect, and every retry of the same request (same key, same body) gets that plan back.
 */
export interface IdempotencyPlan {
  /** The caller's Idempotency-Key; undefined when the request carried none. */
  readonly key: string | undefined;
  /**
   * The plan an earlier attempt of this request stored, or else `compute()`'s result, stored
   * before it is returned. Without an Idempotency-Key it only computes. One plan per request; the
   * value must survive JSON (no Dates: give ISO strings).
   */
  once<T>(compute: () => Promise<T>): Promise<T>;
}

/** For requests without an Idempotency-Key (and for callers outside HTTP): nothing is remembered. */
export const NO_IDEMPOTENCY_PLAN: IdempotencyPlan = { key: undefined, once: (compute) => compute() };

const plans = new WeakMap<object, IdempotencyPlan>();

/** Called by the interceptor before the handler runs. */
export function attachIdempotencyPlan(req: Request, plan: IdempotencyPlan): void {
  plans.set(req, plan);
}

export function idempotencyPlanOf(req: Request): IdempotencyPlan {
  return plans.get(req) ?? NO_IDEMPOTENCY_PLAN;
}

/** Handler parameter: the request's {@link IdempotencyPlan} (a pass-through one without an Idempotency-Key). */
export const RequestIdempotency = createParamDecorator((_data: unknown, context: ExecutionContext): IdempotencyPlan => idempotencyPlanOf(context.switchToHttp().getRequest<Request>()));
