import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Rate limit per API key when one is presented (hashed), else per client address. */
@Injectable()
export class HubThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const presented = req.headers?.authorization ?? req.headers?.['x-api-key'];
    if (typeof presented === 'string' && presented.length > 0) return `key:${createHash('sha256').update(presented).digest('hex').slice(0, 32)}`;
    return `ip:${req.ip ?? 'unknown'}`;
  }
}
