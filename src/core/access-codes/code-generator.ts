import { randomInt } from 'node:crypto';
import { ConflictError } from '../common/errors';
import { CODE_ALPHABET, codeSpace } from './code-format';

/** Draws an index in [0, n): `crypto.randomInt` rejects biased draws, so every symbol is equally likely. */
export type RandomIndex = (n: number) => number;

export function randomCode(length: number, random: RandomIndex = randomInt): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** What the allocator needs to know about codes already in use. */
export interface CodeStore {
  /** The subset of `codes` that is taken. */
  taken(codes: string[]): Promise<Set<string>>;
  /** How many codes of this length exist. */
  countOfLength(length: number): Promise<number>;
}

/** Above this share of a length's space being used, the API refuses to generate and says so. */
export const NEARLY_EXHAUSTED = 0.9;
const CANDIDATES_PER_ROUND = 16;
const ROUNDS = 4;

export class CodeSpaceExhaustedError extends ConflictError {
  constructor(length: number, used: number) {
    const space = codeSpace(length);
    super(
      'CODE_SPACE_EXHAUSTED',
      `The space of ${length}-character codes is nearly exhausted (${used} of ${space} in use); generate longer codes or delete unused ones`,
      { length, used, space },
    );
  }
}

/**
 * Picks `count` free random codes. Candidates are checked in rounds against the store and
 * against `reserved` (codes already handed out by the caller). Collisions only become likely
 * when the space is crowded; then the used count decides between trying again and refusing,
 * so the allocator never loops.
 */
export async function allocateCodes(store: CodeStore, length: number, count: number, reserved: ReadonlySet<string> = new Set(), random: RandomIndex = randomInt): Promise<string[]> {
  const picked: string[] = [];
  const drawn = new Set<string>();
  let checkedFill = false;
  for (let round = 0; picked.length < count; round++) {
    if (round >= ROUNDS * Math.max(1, Math.ceil(count / CANDIDATES_PER_ROUND))) throw new CodeSpaceExhaustedError(length, await store.countOfLength(length));
    const want = Math.max(CANDIDATES_PER_ROUND, (count - picked.length) * 2);
    const candidates: string[] = [];
    for (let i = 0; i < want; i++) {
      const candidate = randomCode(length, random);
      if (!drawn.has(candidate) && !reserved.has(candidate)) {
        drawn.add(candidate);
        candidates.push(candidate);
      }
    }
    const taken = candidates.length > 0 ? await store.taken(candidates) : new Set<string>();
    const free = candidates.filter((candidate) => !taken.has(candidate));
    picked.push(...free.slice(0, count - picked.length));
    if (free.length === 0 && !checkedFill) {
      checkedFill = true;
      const used = (await store.countOfLength(length)) + reserved.size;
      if (used >= NEARLY_EXHAUSTED * codeSpace(length)) throw new CodeSpaceExhaustedError(length, used);
    }
  }
  return picked;
}
