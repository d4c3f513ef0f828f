import fc from 'fast-check';
import { CODE_ALPHABET, codeSpace } from './code-format';
import { allocateCodes, CodeSpaceExhaustedError, CodeStore, randomCode } from './code-generator';

/** An in-memory store of taken codes. */
function memoryStore(taken: Iterable<string> = [], countOverride?: (length: number) => number): CodeStore & { codes: Set<string> } {
  const codes = new Set(taken);
  return {
    codes,
    async taken(candidates) {
      return new Set(candidates.filter((code) => codes.has(code)));
    },
    async countOfLength(length) {
      return countOverride ? countOverride(length) : [...codes].filter((code) => code.length === length).length;
    },
  };
}

/**
 * Upper-tail critical value of chi-square with 33 degrees of freedom at p = 1e-6: a uniform
 * generator fails this test once in a million runs, while the biased control below lands far
 * beyond it (and the p = 0.001 value, 63.87).
 */
const CHI2_33_CRITICAL = 86.81;

function chiSquare(counts: Map<string, number>, samples: number): number {
  const expected = samples / CODE_ALPHABET.length;
  return [...CODE_ALPHABET].reduce((sum, ch) => sum + ((counts.get(ch) ?? 0) - expected) ** 2 / expected, 0);
}

describe('access code generator', () => {
  it('draws codes of the asked length from the alphabet only: never O or 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 6 }), (length) => {
        const code = randomCode(length);
        expect(code).toHaveLength(length);
        expect(code).toMatch(/^[A-NP-Z1-9]+$/);
        expect(code).not.toMatch(/[O0]/);
      }),
      { numRuns: 5000 },
    );
  });

  it('is uniform over the alphabet, at every position (chi-square, p = 1e-6)', () => {
    const samples = 20_000;
    const perPosition = Array.from({ length: 6 }, () => new Map<string, number>());
    for (let i = 0; i < samples; i++) {
      const code = randomCode(6);
      for (let position = 0; position < 6; position++) perPosition[position].set(code[position], (perPosition[position].get(code[position]) ?? 0) + 1);
    }
    for (const counts of perPosition) expect(chiSquare(counts, samples)).toBeLessThan(CHI2_33_CRITICAL);
  });

  it('the chi-square check does catch a biased generator', () => {
    // One symbol drawn 5% more often than the others: a realistic modulo-bias-sized defect.
    const biased = (n: number) => (Math.random() < 0.05 ? 0 : Math.floor(Math.random() * n));
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const ch = randomCode(1, biased);
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(chiSquare(counts, 20_000)).toBeGreaterThan(CHI2_33_CRITICAL * 3);
  });

  it('never hands out a taken, reserved or already handed-out code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: 6 }), fc.integer({ min: 1, max: 300 }), fc.array(fc.integer({ min: 0, max: 33 }), { minLength: 64, maxLength: 64 }), async (length, count, seed) => {
        // A tiny random source makes collisions frequent: the allocator must still never repeat.
        let i = 0;
        const skewed = (n: number) => seed[i++ % seed.length] % Math.min(n, 3);
        const taken = Array.from({ length: 20 }, () => randomCode(length, skewed));
        const reserved = new Set(Array.from({ length: 20 }, () => randomCode(length, skewed)));
        const store = memoryStore(taken);
        const picked = await allocateCodes(store, length, Math.min(count, 3 ** length - 60), reserved, skewed).catch((error: unknown) => {
          expect(error).toBeInstanceOf(CodeSpaceExhaustedError);
          return [] as string[];
        });
        expect(new Set(picked).size).toBe(picked.length);
        for (const code of picked) {
          expect(store.codes.has(code)).toBe(false);
          expect(reserved.has(code)).toBe(false);
          expect(code).toHaveLength(length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('produces the number asked for, all distinct, with the real random source', async () => {
    const store = memoryStore();
    for (let round = 0; round < 20; round++) {
      const codes = await allocateCodes(store, 4, 500);
      expect(codes).toHaveLength(500);
      for (const code of codes) {
        expect(store.codes.has(code)).toBe(false);
        store.codes.add(code);
      }
    }
    expect(store.codes.size).toBe(10_000);
  });

  it('says the space is nearly exhausted instead of looping', async () => {
    const full = memoryStore([], (length) => Math.ceil(codeSpace(length) * 0.95));
    full.taken = async (candidates) => new Set(candidates);
    await expect(allocateCodes(full, 4, 1)).rejects.toMatchObject({ status: 409, code: 'CODE_SPACE_EXHAUSTED', extras: { length: 4, space: codeSpace(4) } });
    // Unlucky but not full: keeps trying a bounded number of rounds, then refuses all the same.
    const unlucky = memoryStore([], () => 10);
    let calls = 0;
    unlucky.taken = async (candidates) => (calls++, new Set(candidates));
    await expect(allocateCodes(unlucky, 5, 1)).rejects.toBeInstanceOf(CodeSpaceExhaustedError);
    expect(calls).toBeLessThanOrEqual(4);
  });
});
