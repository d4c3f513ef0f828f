import type { NextFunction, Request, Response } from 'express';
import { countRequest, requestRate, yieldToRequests } from './request-pressure';

const arrive = (n: number) => {
  for (let i = 0; i < n; i++) countRequest({} as Request, {} as Response, (() => undefined) as NextFunction);
};

describe('request pressure', () => {
  afterEach(() => jest.useRealTimers());

  it('estimates the arrival rate over the last window and forgets old windows', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    arrive(30);
    jest.setSystemTime(1_000_050);
    // 30 requests in the 50 ms of this window plus an empty previous one: 30 per 150 ms.
    expect(requestRate()).toBeCloseTo(200, 0);
    jest.setSystemTime(1_000_150);
    arrive(10);
    // The previous window (30) and 50 ms of the current one (10): 40 per 150 ms.
    expect(requestRate()).toBeCloseTo(266.7, 0);
    jest.setSystemTime(1_001_000);
    expect(requestRate()).toBe(0);
  });

  it('lets background work wait while requests pour in, but never longer than its bound', async () => {
    arrive(50);
    const started = Date.now();
    const burst = setInterval(() => arrive(20), 10);
    try {
      await yieldToRequests(100, 300);
    } finally {
      clearInterval(burst);
    }
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(280);
    expect(waited).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const quiet = Date.now();
    await yieldToRequests(100, 300);
    expect(Date.now() - quiet).toBeLessThan(50);
  });
});
