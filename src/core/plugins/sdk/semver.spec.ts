import { satisfies } from './semver';

describe('satisfies (SDK compatibility ranges)', () => {
  it.each([
    ['1.1.0', '^1.0.0', true],
    ['2.0.0', '^1.0.0', false],
    ['1.1.0', '~1.1.0', true],
    ['1.2.0', '~1.1.0', false],
    ['0.2.5', '^0.2.1', true],
    ['0.3.0', '^0.2.1', false],
    ['1.1.0', '>=1.0.0 <2.0.0', true],
    ['1.1.0', '1.x', true],
    ['1.1.0', '2.x || ^1.1.0', true],
    ['1.1.0', '1.0.0', false],
    ['1.1.0', '*', true],
  ])('%s in %s → %s', (version, range, expected) => expect(satisfies(version, range)).toBe(expected));
});
