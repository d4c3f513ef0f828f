import { isId, newId } from './ids';

describe('newId (UUIDv7)', () => {
  it('gives distinct, well-formed, time-ordered ids across many refills of the random pool', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => isId(id) && id[14] === '7' && '89ab'.includes(id[19]))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps the random part random: no two ids of one millisecond share their last 8 bytes', () => {
    const tails = Array.from({ length: 1000 }, () => newId(1_700_000_000_000).slice(19));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
