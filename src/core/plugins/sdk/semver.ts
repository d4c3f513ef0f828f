/** Just enough semver for SDK compatibility: `^1.2.0`, `~1.2.0`, `>=1.0.0 <2.0.0`, `1.x`, `1.2.3`, `*`, and `||`. */
export function satisfies(version: string, range: string): boolean {
  const parsed = parse(version);
  if (!parsed) return false;
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().split(/\s+/).filter(Boolean);
    return comparators.length > 0 && comparators.every((comparator) => matches(parsed, comparator));
  });
}

type Triple = [number, number, number];

function parse(text: string): Triple | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function matches(version: Triple, comparator: string): boolean {
  if (comparator === '*' || comparator === 'x') return true;
  const op = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(comparator) as RegExpExecArray;
  const operator = op[1] ?? '=';
  const partial = op[2].replace(/^v/, '').split('.');
  const wildcard = partial.findIndex((part) => part === 'x' || part === '*' || part === undefined);
  const numbers = partial.map((part) => (/^\d+$/.test(part) ? Number(part) : NaN));
  if (operator === '=' && (wildcard >= 0 || partial.length < 3)) {
    const fixed = wildcard >= 0 ? wildcard : partial.length;
    return numbers.slice(0, fixed).every((value, i) => value === version[i]);
  }
  const base = [0, 1, 2].map((i) => (Number.isNaN(numbers[i]) || numbers[i] === undefined ? 0 : numbers[i])) as Triple;
  switch (operator) {
    case '^': {
      if (compare(version, base) < 0) return false;
      if (base[0] > 0) return version[0] === base[0];
      if (base[1] > 0) return version[0] === 0 && version[1] === base[1];
      return version[0] === 0 && version[1] === 0 && version[2] === base[2];
    }
    case '~':
      return compare(version, base) >= 0 && version[0] === base[0] && version[1] === base[1];
    case '>=':
      return compare(version, base) >= 0;
    case '<=':
      return compare(version, base) <= 0;
    case '>':
      return compare(version, base) > 0;
    case '<':
      return compare(version, base) < 0;
    default:
      return compare(version, base) === 0;
  }
}
