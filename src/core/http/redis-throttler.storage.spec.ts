import { RedisThrottlerStorage } from './redis-throttler.storage';

describe('RedisThrottlerStorage without Redis', () => {
  it('counts in the process (the limit still holds) instead of refusing or waving everything through', async () => {
    const storage = new RedisThrottlerStorage('redis://127.0.0.1:1', 'rate-limit-test');
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await storage.increment('key', 60_000, 3, 60_000, 'default'));
      expect(results.map((result) => result.isBlocked)).toEqual([false, false, false, true]);
      expect(results[3].timeToBlockExpire).toBeGreaterThan(0);
    } finally {
      await storage.onApplicationShutdown();
    }
  });
});
