import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { HubError } from '../common/errors';
import { hubContext } from '../context/request-context';
import { ApiKeysService, presentedKey } from './api-keys.service';
import { IS_PUBLIC } from './public.decorator';
import { allows } from './scopes';
import { matchedResource } from '../http/matched-route';

export interface AuthenticatedRequest extends Request {
  apiKeyId?: string;
  /** The scopes of the key that was admitted (for checks that depend on what the caller holds). */
  apiKeyScopes?: string[];
}

/** Every endpoint needs a valid API key with a scope that covers it, unless marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!presentedKey(req)) return this.reject(req, 'API_KEY_MISSING', 'no API key presented');
    const result = await this.keys.authenticateRequest(req);
    if ('reason' in result) return this.reject(req, 'API_KEY_INVALID', result.reason);
    const { key } = result;
    hubContext.setActor({ type: 'api_key', id: key.id });
    req.apiKeyId = key.id;
    req.apiKeyScopes = key.scopes;
    const resource = matchedResource(req);
    const access = ['GET', 'HEAD', 'OPTIONS'].includes(req.method) ? 'read' : 'write';
    if (!allows(key.scopes, resource, access)) {
      await this.audit.record({ action: 'auth.denied', outcome: 'denied', details: { method: req.method, path: req.path, scopes: key.scopes } });
      throw new HubError(403, 'INSUFFICIENT_SCOPE', 'Forbidden', `This API key's scopes (${key.scopes.join(', ')}) do not allow ${access} access to /${resource}`);
    }
    return true;
  }

  private async reject(req: Request, code: string, reason: string): Promise<never> {
    await this.audit.record({
      action: 'auth.failed',
      outcome: 'denied',
      actor: { type: 'anonymous', id: 'anonymous' },
      details: { method: req.method, path: req.path, reason, userAgent: req.headers['user-agent'] ?? null },
    });
    throw new HubError(401, code, 'Unauthorized', code === 'API_KEY_MISSING'
      ? 'Send an API key as "Authorization: Bearer <key>" or "X-Api-Key: <key>"'
      : 'The API key is not valid (unknown, revoked, expired or not allowed from this address)');
  }
}
