import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable, from, lastValueFrom } from 'rxjs';
import { toProblem } from '../common/problem-details.filter';
import { AUDIT_ACTION } from './audit-action.decorator';
import { AuditService } from './audit.service';
import { matchedResource } from '../http/matched-route';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every mutating API call leaves an audit entry, whether it succeeded or failed, with the API key
 * as actor. Services add richer entries of their own inside their transactions.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (context.getType() !== 'http' || !MUTATING.has(req.method)) return next.handle();
    const meta = this.reflector.get<{ action: string; targetType?: string } | undefined>(AUDIT_ACTION, context.getHandler());
    if (meta?.action === 'none') return next.handle();
    const resource = matchedResource(req) || 'root';
    const action = meta?.action ?? `${resource}.${req.method.toLowerCase()}`;
    const targetType = meta?.targetType ?? resource;
    const paramId = typeof req.params?.id === 'string' ? req.params.id : undefined;
    return from(
      (async () => {
        try {
          const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
          const id = paramId ?? (result as { id?: unknown } | undefined)?.id;
          await this.audit.record({ action, target: typeof id === 'string' ? { type: targetType, id } : undefined, details: { method: req.method, path: req.originalUrl } });
          return result;
        } catch (error) {
          const problem = toProblem(error);
          await this.audit.record({
            action,
            outcome: 'failure',
            target: paramId ? { type: targetType, id: paramId } : undefined,
            details: { method: req.method, path: req.originalUrl, status: problem.status, code: problem.code },
          });
          throw error;
        }
      })(),
    );
  }
}
