import { parseDuration } from '../schema/duration';
import { backoffMs, decideRetry } from './retry-policy';

describe('durations', () => {
  it('reads short and ISO-8601 forms', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('3d')).toBe(259_200_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('PT5M')).toBe(300_000);
    expect(parseDuration('P1DT1H')).toBe(90_000_000);
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('P')).toBeNull();
  });
});

describe('retry policy', () => {
  const transient = { code: 'PANEL_UNAVAILABLE', retryable: true };

  it('walks an explicit backoff list, repeating its last entry', () => {
    const policy = { attempts: 6, backoff: ['1m', '5m', '15m', '60m'] };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(policy, attempt))).toEqual([60_000, 300_000, 900_000, 3_600_000, 3_600_000]);
  });

  it('stops after the last attempt and never retries non-retryable codes', () => {
    const policy = { attempts: 3, backoff: ['1m'], nonRetryable: ['RATE_LIMITED'] };
    expect(decideRetry(policy, 2, transient).retry).toBe(true);
    expect(decideRetry(policy, 3, transient).retry).toBe(false);
    expect(decideRetry(policy, 1, { code: 'AUTH_FAILED', retryable: false }).retry).toBe(false);
    expect(decideRetry(policy, 1, { code: 'RATE_LIMITED', retryable: true }).retry).toBe(false);
  });

  it('grows exponentially with bounded jitter and a cap', () => {
    const policy = { attempts: 10, backoff: { type: 'exponential' as const, initial: '1s', factor: 2, max: '5s', jitter: 0.5 } };
    expect(backoffMs(policy, 1, () => 0)).toBe(500);
    expect(backoffMs(policy, 1, () => 1)).toBe(1000);
    expect(backoffMs(policy, 3, () => 1)).toBe(4000);
    expect(backoffMs(policy, 6, () => 1)).toBe(5000);
  });

  it('scales waits by the time scale without changing the decision', () => {
    expect(decideRetry({ attempts: 5, backoff: ['60m'] }, 1, transient, 0.0001)).toEqual({ retry: true, delayMs: 360 });
  });
});
