import { addDuration, renewedExpiry } from './subscription-payload';

describe('subscription expiry maths', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');

  it('adds hours, days and calendar months in UTC', () => {
    expect(addDuration(now, { unit: 'hours', value: 6 }).toISOString()).toBe('2026-03-10T18:00:00.000Z');
    expect(addDuration(now, { unit: 'days', value: 30 }).toISOString()).toBe('2026-04-09T12:00:00.000Z');
    expect(addDuration(now, { unit: 'months', value: 1 }).toISOString()).toBe('2026-04-10T12:00:00.000Z');
  });

  it('renews from the current expiry while it is ahead, else from now', () => {
    const ahead = new Date('2026-03-20T00:00:00.000Z');
    expect(renewedExpiry(ahead, { unit: 'days', value: 10 }, now).toISOString()).toBe('2026-03-30T00:00:00.000Z');
    const past = new Date('2026-03-01T00:00:00.000Z');
    expect(renewedExpiry(past, { unit: 'days', value: 10 }, now).toISOString()).toBe('2026-03-20T12:00:00.000Z');
    expect(renewedExpiry(null, { unit: 'days', value: 1 }, now).toISOString()).toBe('2026-03-11T12:00:00.000Z');
  });
});
