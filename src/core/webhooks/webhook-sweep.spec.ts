import { sweepTag } from './webhook-attempt.service';

describe('the webhook sweeper resends a delivery that never advances, with backoff', () => {
  const due = new Date('2031-01-10T12:00:00Z');
  const after = (minutes: number) => new Date(due.getTime() + minutes * 60_000);

  it('gives a sweep job a new id each time the delivery has been stale twice as long', () => {
    const tags = [1.5, 1.9, 2.1, 3.9, 4.1, 7.9, 8.1, 100].map((minutes) => sweepTag(due, after(minutes)));
    expect(new Set(tags.slice(0, 2)).size).toBe(1);
    expect(tags[2]).not.toBe(tags[1]);
    expect(tags[3]).toBe(tags[2]);
    expect(tags[4]).not.toBe(tags[3]);
    expect(tags[6]).not.toBe(tags[5]);
    // Eight distinct ids over the first ~100 minutes at most: a resend every sweep would be 200.
    expect(new Set([1, 2, 4, 8, 16, 32, 64, 100].map((minutes) => sweepTag(due, after(minutes)))).size).toBe(7);
  });

  it('keeps deliveries apart and handles a delivery with no due time', () => {
    expect(sweepTag(due, after(5))).not.toBe(sweepTag(after(1), after(5)));
    expect(sweepTag(null, after(5))).toMatch(/^sweep-0-/);
  });
});
