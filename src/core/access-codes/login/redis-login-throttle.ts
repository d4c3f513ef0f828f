import { Redis } from 'ioredis';
import { CodeLoginPolicy } from './code-login-policy';
import { AttemptRecord, LoginThrottle, windowOf } from './login-throttle';

/**
 * KEYS: failures, lock, level · ARGV: budget, windowMs, lockoutMs, maxLockoutMs, decayMs.
 * One script, so the lockout check, the count, the lockout and its doubling are atomic across
 * processes: while locked nothing is counted; the attempt that goes over the budget starts the
 * lockout. Returns {failures, lockedForMs, startedLockout}.
 */
const ATTEMPT = `
local locked = redis.call('PTTL', KEYS[2])
if locked > 0 then return {0, locked, 0} end
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n <= tonumber(ARGV[1]) then return {n, 0, 0} end
redis.call('DEL', KEYS[1])
local level = redis.call('INCR', KEYS[3])
local ms = math.floor(math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ (level - 1)))
redis.call('SET', KEYS[2], '1', 'PX', ms)
redis.call('PEXPIRE', KEYS[3], ms + tonumber(ARGV[5]))
return {n, ms, 1}
`;

/** KEYS: failures. Takes back one counted failure (never below zero, never creating the key). */
const FORGIVE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return n
`;

const GLOBAL_FAILURE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`;

export class RedisLoginThrottle extends LoginThrottle {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly policy: CodeLoginPolicy,
  ) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  }

  async lockedFor(address: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.key('lock', address)));
  }

  async attempt(address: string): Promise<AttemptRecord> {
    const { budget, windowMs, lockoutMs, maxLockoutMs, lockoutDecayMs } = this.policy;
    const [failures, lockedForMs, started] = (await this.redis.eval(
      ATTEMPT,
      3,
      this.key('fail', address),
      this.key('lock', address),
      this.key('level', address),
      budget,
      windowMs,
      lockoutMs,
      maxLockoutMs,
      lockoutDecayMs,
    )) as [number, number, number];
    return { failures, lockedForMs, startedLockout: started === 1 };
  }

  async forgive(address: string): Promise<void> {
    await this.redis.eval(FORGIVE, 1, this.key('fail', address));
  }

  async recordGlobalFailure(now: number): Promise<{ count: number; alarm: boolean; windowStart: number }> {
    const window = windowOf(now, this.policy.alarmWindowMs);
    const count = Number(await this.redis.eval(GLOBAL_FAILURE, 1, this.key('global', String(window)), this.policy.alarmWindowMs * 2));
    return { count, alarm: count === this.policy.alarmFailures, windowStart: window * this.policy.alarmWindowMs };
  }

  /** Redis expires its keys itself. */
  async purge(): Promise<void> {}

  override async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(kind: string, id: string): string {
    return `${this.prefix}:code-login:${kind}:${id}`;
  }
}
