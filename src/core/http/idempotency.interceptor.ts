import { createHash } from 'node:crypto';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, from, lastValueFrom } from 'rxjs';
import { HubError } from '../common/errors';
import { toProblem } from '../common/problem-details.filter';
import { canonicalJson } from '../audit/audit-chain';
import { SecretBox } from '../crypto/secret-box';
import { HubScheduler } from '../scheduler/scheduler.service';
import { IdempotencyRecord } from './idempotency-record.entity';
import { matchedTarget } from './matched-route';
import { attachIdempotencyPlan, IdempotencyPlan } from './idempotency-plan';

const KEY = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;
/**
 * An attempt `in_progress` for longer than this died with its process (no request runs this long:
 * panel calls time out within a minute, retries included), and a retry may take its record over.
 */
export const STALE_ATTEMPT_MS = 10 * 60 * 1000;

/**
 * `Idempotency-Key` on POST: the first request runs and its response is stored; a retry with the
 * same key and body gets the stored response (header `Idempotent-Replayed: true`); the same key
 * with another body is refused (422); a retry while an attempt is still running gets 409.
 *
 * Server errors (5xx) are not stored as the outcome: the record becomes `retryable`, so a retry
 * with the same key and body runs again. It keeps its fingerprint and the handler's plan
 * ({@link IdempotencyPlan}): a 5xx may follow a side effect whose answer was lost (a panel applied
 * the change, then timed out), and the retry must reach the outcome the first attempt planned
 * rather than plan anew from the changed state. A retry takes the record back to `in_progress`
 * with a conditional update, so of two concurrent retries one runs and the other gets 409. An
 * attempt whose process died leaves its record `in_progress`; after {@link STALE_ATTEMPT_MS} a
 * retry takes it over the same way (409 until then), rather than refusing the key for a day and
 * pushing the caller to a new key, which could repeat the side effect.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly orm: MikroORM,
    private readonly secrets: SecretBox,
    scheduler: HubScheduler,
  ) {
    // Records in every state go, retryable ones with their plans: after a day a key is forgotten.
    scheduler.every('idempotency.purge', 10 * 60 * 1000, async () => {
      await this.orm.em.fork().nativeDelete(IdempotencyRecord, { createdAt: { $lt: new Date(Date.now() - RETENTION_MS) } });
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { apiKeyId?: string }>();
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) throw new HubError(400, 'IDEMPOTENCY_KEY_INVALID', 'Invalid request', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
    const res = context.switchToHttp().getResponse<Response>();
    const id = sha256(`${req.apiKeyId ?? 'public'}\n${req.method}\n${matchedTarget(req)}\n${key}`);
    const fingerprint = sha256(canonicalJson(req.body ?? null));
    return from(this.run({ id, key, fingerprint, req, res }, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async run(attempt: Attempt, handle: () => Promise<unknown>): Promise<unknown> {
    const { id, res } = attempt;
    const em = this.orm.em.fork();
    let storedPlan: string | null = null;
    try {
      const now = new Date();
      await em.insert(IdempotencyRecord, { id, fingerprint: attempt.fingerprint, state: 'in_progress', createdAt: now, claimedAt: now });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const resumed = await this.resume(attempt);
      if (!resumed.run) return resumed.body;
      storedPlan = resumed.planSealed;
    }
    attachIdempotencyPlan(attempt.req, this.planOf(id, attempt.key, storedPlan));
    try {
      const body = await handle();
      await em.nativeUpdate(IdempotencyRecord, { id }, { state: 'done', responseStatus: res.statusCode, responseSealed: this.secrets.encryptJson(body ?? null), planSealed: null });
      return body;
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) await em.nativeUpdate(IdempotencyRecord, { id }, { state: 'retryable' });
      else await em.nativeUpdate(IdempotencyRecord, { id }, { state: 'done', responseStatus: problem.status, responseSealed: this.secrets.encryptJson(problem), planSealed: null });
      throw error;
    }
  }

  /** The key is known: take a retryable record back (run again, with its plan) or replay / refuse. */
  private async resume({ id, fingerprint, res }: Attempt): Promise<{ run: true; planSealed: string | null } | { run: false; body: unknown }> {
    const em = this.orm.em.fork();
    // Claim first, read after: the plan read is then the one no other attempt can change any more.
    const now = new Date();
    const staleBefore = new Date(now.getTime() - STALE_ATTEMPT_MS);
    const claimable = [{ state: 'retryable' as const }, { state: 'in_progress' as const, claimedAt: { $lt: staleBefore } }, { state: 'in_progress' as const, claimedAt: null, createdAt: { $lt: staleBefore } }];
    const claimed = await em.nativeUpdate(IdempotencyRecord, { id, fingerprint, $or: claimable }, { state: 'in_progress', claimedAt: now });
    const record = await em.findOne(IdempotencyRecord, { id });
    if (claimed > 0) return { run: true, planSealed: record?.planSealed ?? null };
    if (!record) throw inUse();
    if (record.fingerprint !== fingerprint) {
      throw new HubError(422, 'IDEMPOTENCY_KEY_REUSED', 'Unprocessable content', 'This Idempotency-Key was used with a different request body; use a new key for a new request');
    }
    // in_progress, or retryable again after another retry claimed and failed it meanwhile.
    if (record.state !== 'done') throw inUse();
    if ((record.responseStatus ?? 200) >= 400) res.type('application/problem+json');
    res.status(record.responseStatus ?? 200);
    res.setHeader('Idempotent-Replayed', 'true');
    return { run: false, body: record.responseSealed ? this.secrets.decryptJson(record.responseSealed) : null };
  }

  private planOf(id: string, key: string, storedPlan: string | null): IdempotencyPlan {
    let planned = false;
    return {
      key,
      once: async <T>(compute: () => Promise<T>): Promise<T> => {
        if (planned) throw new Error('IdempotencyPlan.once may be called once per request');
        planned = true;
        if (storedPlan !== null) return this.secrets.decryptJson<T>(storedPlan);
        const plan = await compute();
        // Stored before the handler acts on it, so a retry after any failure from here on finds it.
        await this.orm.em.fork().nativeUpdate(IdempotencyRecord, { id, state: 'in_progress' }, { planSealed: this.secrets.encryptJson(plan ?? null) });
        return plan;
      },
    };
  }
}

interface Attempt {
  id: string;
  key: string;
  fingerprint: string;
  req: Request;
  res: Response;
}

function inUse(): HubError {
  return new HubError(409, 'IDEMPOTENCY_KEY_IN_USE', 'Conflict', 'A request with this Idempotency-Key is being processed; retry shortly');
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
