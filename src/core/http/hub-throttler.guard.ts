import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { ApiKeysService } from '../auth/api-keys.service';

/**
 * Rate limit per API key when a valid one is presented, else per client address. Only a key that
 * authenticates gets its own budget: counting whatever the header holds would give a caller a
 * fresh budget per invented key (and one per spelling of a real key).
 */
@Injectable()
export class HubThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const result = await this.keys.authenticateRequest(req as Request);
    if ('key' in result) return `key:${result.key.id}`;
    return `ip:${req.ip ?? 'unknown'}`;
  }
}
