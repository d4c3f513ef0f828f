import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * KEYS: hits (sorted set of request starts), block · ARGV: ttlMs, limit, blockMs, token.
 * A sliding window, as the in-process storage keeps: starts older than the window are dropped, a
 * request over the limit is refused (and blocks the key for blockMs, when set). Time comes from
 * Redis so every process shares one clock. Returns hits, ms until the window frees a slot,
 * blocked (0/1), ms until the block ends.
 */
const INCREMENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl, limit, blockMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
local hits = redis.call('ZCARD', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
local function untilFree()
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if oldest[2] == nil then return ttl end
  return tonumber(oldest[2]) + ttl - now
end
if blocked > 0 then return {hits + 1, untilFree(), 1, blocked} end
if hits >= limit then
  local free = untilFree()
  if blockMs > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', blockMs)
    return {hits + 1, free, 1, blockMs}
  end
  return {hits + 1, free, 1, free}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], ttl)
return {hits + 1, untilFree(), 0, 0}
`;

/**
 * The API rate limit's counts in Redis (scale-out), so a key's budget is one budget however many
 * processes serve the API behind a load balancer (the in-process storage would give each its own).
 * While Redis is not connected, or if it fails to answer, requests are counted in this process
 * instead (without waiting for a reconnect): the limit still holds per process, and the API does
 * not go down with its rate limiter.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly fallback = new ThrottlerStorageService();
  private readonly logger = new Logger('RateLimit');
  /** Tokens in the window are this instance's id and a counter: unique across processes. */
  private readonly instance = randomUUID();
  private sequence = 0;
  private lastWarning = 0;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false });
    this.redis.defineCommand('hubThrottle', { numberOfKeys: 2, lua: INCREMENT });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (this.redis.status !== 'ready') return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    const base = `${this.prefix}:rate-limit:${throttlerName}:${key}`;
    try {
      const answer = await (this.redis as unknown as { hubThrottle(...args: unknown[]): Promise<number[]> }).hubThrottle(`${base}:hits`, `${base}:block`, ttl, limit, blockDuration, `${this.instance}:${++this.sequence}`);
      const [totalHits, untilFreeMs, blocked, blockMs] = answer.map(Number);
      return { totalHits, timeToExpire: seconds(untilFreeMs), isBlocked: blocked === 1, timeToBlockExpire: blocked === 1 ? seconds(blockMs) : 0 };
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn({ err: error }, 'Redis did not answer the rate limiter; counting in this process meanwhile');
      }
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.fallback.onApplicationShutdown();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Whole seconds, at least 1 (what `Retry-After` carries). */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
