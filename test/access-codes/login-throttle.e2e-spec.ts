import { MikroORM } from '@mikro-orm/core';
import { DEFAULT_CODE_LOGIN_POLICY } from '../../src/core/access-codes/login/code-login-policy';
import { DatabaseLoginThrottle } from '../../src/core/access-codes/login/database-login-throttle';
import { LoginThrottle } from '../../src/core/access-codes/login/login-throttle';
import { RedisLoginThrottle } from '../../src/core/access-codes/login/redis-login-throttle';
import { createTestApp, TestApp, testMode } from '../helpers/test-app';

const policy = { ...DEFAULT_CODE_LOGIN_POLICY, budget: 10, lockoutMs: 1000, maxLockoutMs: 4000, alarmFailures: 25 };

/** Both stores against the suite's real database (SQLite or PostgreSQL) and, in scale-out mode, Redis. */
describe('login attempt budgets', () => {
  let hub: TestApp;
  const stores: Array<[string, () => LoginThrottle]> = [];

  beforeAll(async () => {
    hub = await createTestApp();
    stores.push(['database', () => new DatabaseLoginThrottle(hub.app.get(MikroORM), policy)]);
    if (testMode === 'scale-out') stores.push(['redis', () => new RedisLoginThrottle(hub.config.redisUrl!, `${hub.config.jobs.queuePrefix}-${Date.now()}`, policy)]);
  });
  afterAll(() => hub?.close());

  it('counts concurrent attempts atomically: the budget goes through, exactly one caller starts the lockout, the rest are refused', async () => {
    for (const [name, make] of stores) {
      const throttle = make();
      try {
        const now = Date.now();
        const address = `10.0.0.${name.length}`;
        const results = await Promise.all(Array.from({ length: 25 }, () => throttle.attempt(address, now)));
        const allowed = results.filter((result) => result.lockedForMs === 0);
        expect(allowed.map((result) => result.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        // Exactly one caller over the budget starts the lockout: with the database store, whichever of them
        // takes the lock first (the 11th counted, or a later one that got there before it).
        const starters = results.filter((result) => result.startedLockout);
        expect(starters).toEqual([{ failures: expect.any(Number), lockedForMs: 1000, startedLockout: true }]);
        expect(starters[0].failures).toBeGreaterThan(policy.budget);
        expect(results.filter((result) => result.lockedForMs > 0)).toHaveLength(15);
        expect(await throttle.lockedFor(address, now)).toBeGreaterThan(0);
        expect(await throttle.lockedFor('10.0.0.99', now)).toBe(0);
        const alarms = await Promise.all(Array.from({ length: 30 }, () => throttle.recordGlobalFailure(now)));
        expect(alarms.filter((result) => result.alarm)).toHaveLength(1);
      } finally {
        await throttle.close();
      }
    }
  });

  it('doubles the lockout up to the cap and forgets a spent window', async () => {
    const [, make] = stores[0];
    const throttle = make();
    const address = '10.1.0.1';
    let now = Date.now();
    const lengths: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 10; i++) expect((await throttle.attempt(address, now)).lockedForMs).toBe(0);
      const lock = (await throttle.attempt(address, now)).lockedForMs;
      lengths.push(lock);
      now += lock + 1;
      expect(await throttle.lockedFor(address, now)).toBe(0);
    }
    expect(lengths).toEqual([1000, 2000, 4000, 4000]);
    // Ten failures, then the window passes: the eleventh starts a new count.
    for (let i = 0; i < 10; i++) await throttle.attempt('10.1.0.2', now);
    expect(await throttle.attempt('10.1.0.2', now + policy.windowMs + 1)).toEqual({ failures: 1, lockedForMs: 0, startedLockout: false });
    // A success gives back the failure its attempt counted.
    for (let i = 0; i < 8; i++) await throttle.attempt('10.1.0.2', now + policy.windowMs + 1);
    await throttle.forgive('10.1.0.2', now + policy.windowMs + 1);
    expect(await throttle.attempt('10.1.0.2', now + policy.windowMs + 1)).toMatchObject({ failures: 9, lockedForMs: 0 });
    await throttle.purge(now + policy.lockoutDecayMs + policy.windowMs + 10 * 60_000);
  });
});
