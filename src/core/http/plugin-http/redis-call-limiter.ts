import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CallLimiter, CallLimits } from './call-limiter';

/**
 * One atomic step: drop expired leases and starts older than the window, then take a slot if both
 * the concurrency and the per-second limit allow it. Returns 0 when taken, else how long to wait.
 * Time comes from Redis itself so every process shares one clock.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leases, starts = KEYS[1], KEYS[2]
local maxConcurrent, maxPerSecond, leaseMs, token = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
redis.call('ZREMRANGEBYSCORE', starts, '-inf', now - 1000)
if redis.call('ZCARD', leases) >= maxConcurrent then return 3 end
if redis.call('ZCARD', starts) >= maxPerSecond then
  local oldest = redis.call('ZRANGE', starts, 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + 1000 - now + 1)
end
redis.call('ZADD', leases, now + leaseMs, token)
redis.call('ZADD', starts, now, token)
redis.call('PEXPIRE', leases, leaseMs + 1000)
redis.call('PEXPIRE', starts, 2000)
return 0
`;

/**
 * The scale-out limiter: the same limits held across every API and worker process through Redis
 * sorted sets (leases that expire if a process dies mid-call, and a sliding window of starts).
 */
export class RedisCallLimiter implements CallLimiter {
  private readonly redis: Redis;

  constructor(redisUrl: string, private readonly prefix: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.redis.defineCommand('hubAcquireCall', { numberOfKeys: 2, lua: ACQUIRE });
  }

  async acquire(key: string, limits: CallLimits): Promise<() => void> {
    const token = randomUUID();
    const leases = `${this.prefix}:panel-limits:${key}:leases`;
    const starts = `${this.prefix}:panel-limits:${key}:starts`;
    const command = (this.redis as unknown as { hubAcquireCall(...args: unknown[]): Promise<number> }).hubAcquireCall.bind(this.redis);
    for (;;) {
      const wait = Number(await command(leases, starts, limits.maxConcurrent, limits.maxPerSecond, limits.leaseMs, token));
      if (wait === 0) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 50) + Math.random() * 3));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void this.redis.zrem(leases, token).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
