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

const KEY = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * `Idempotency-Key` on POST: the first request runs and its response is stored; a retry with the
 * same key and body gets the stored response (header `Idempotent-Replayed: true`); the same key
 * with another body is refused (422); a retry while the first is still running gets 409.
 * Server errors are not stored, so a retry after a 5xx runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly orm: MikroORM,
    private readonly secrets: SecretBox,
    scheduler: HubScheduler,
  ) {
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
    const id = sha256(`${req.apiKeyId ?? 'public'}\n${req.method}\n${req.path}\n${key}`);
    const fingerprint = sha256(canonicalJson(req.body ?? null));
    return from(this.run(id, fingerprint, res, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async run(id: string, fingerprint: string, res: Response, handle: () => Promise<unknown>): Promise<unknown> {
    const em = this.orm.em.fork();
    try {
      await em.insert(IdempotencyRecord, { id, fingerprint, state: 'in_progress', createdAt: new Date() });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return this.replay(id, fingerprint, res);
    }
    try {
      const body = await handle();
      await em.nativeUpdate(IdempotencyRecord, { id }, { state: 'done', responseStatus: res.statusCode, responseSealed: this.secrets.encryptJson(body ?? null) });
      return body;
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) await em.nativeDelete(IdempotencyRecord, { id });
      else await em.nativeUpdate(IdempotencyRecord, { id }, { state: 'done', responseStatus: problem.status, responseSealed: this.secrets.encryptJson(problem) });
      throw error;
    }
  }

  private async replay(id: string, fingerprint: string, res: Response): Promise<unknown> {
    const record = await this.orm.em.fork().findOne(IdempotencyRecord, { id });
    if (!record) throw new HubError(409, 'IDEMPOTENCY_KEY_IN_USE', 'Conflict', 'A request with this Idempotency-Key is being processed; retry shortly');
    if (record.fingerprint !== fingerprint) {
      throw new HubError(422, 'IDEMPOTENCY_KEY_REUSED', 'Unprocessable content', 'This Idempotency-Key was used with a different request body; use a new key for a new request');
    }
    if (record.state === 'in_progress') throw new HubError(409, 'IDEMPOTENCY_KEY_IN_USE', 'Conflict', 'A request with this Idempotency-Key is being processed; retry shortly');
    if ((record.responseStatus ?? 200) >= 400) res.type('application/problem+json');
    res.status(record.responseStatus ?? 200);
    res.setHeader('Idempotent-Replayed', 'true');
    return record.responseSealed ? this.secrets.decryptJson(record.responseSealed) : null;
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
