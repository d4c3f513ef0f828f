const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const SHORT = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Durations as written in definitions: `30s`, `1m`, `15m`, `2h`, `3d`, `1w`, `250ms`, or ISO-8601
 * (`PT5M`, `P3D`). Returns milliseconds, or null when the text is not a duration.
 */
export function parseDuration(text: unknown): number | null {
  if (typeof text === 'number' && Number.isFinite(text) && text >= 0) return text * 1000;
  if (typeof text !== 'string') return null;
  const value = text.trim();
  const short = SHORT.exec(value);
  if (short) return Math.round(Number(short[1]) * UNITS[short[2]]);
  const iso = ISO.exec(value);
  if (iso && value !== 'P' && value !== 'PT') {
    const [, w, d, h, m, s] = iso;
    return Math.round((Number(w ?? 0) * 7 * 86_400 + Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000);
  }
  return null;
}

export function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
