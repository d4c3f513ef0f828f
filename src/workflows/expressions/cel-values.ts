import { isCelList, isCelMap, isCelUint } from '@bufbuild/cel';

/**
 * JSON-ish values to CEL inputs: whole numbers become CEL ints (so `event.product.durationDays * 2`
 * works without casts), other numbers doubles, dates ISO strings.
 */
export function toCel(value: unknown, depth = 0): unknown {
  if (depth > 32) return null;
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toCel(item, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) if (item !== undefined) out[key] = toCel(item, depth + 1);
    return out;
  }
  return null;
}

/** CEL results back to JSON values: ints to numbers, lists to arrays, maps to objects, timestamps to ISO strings. */
export function fromCel(value: unknown, depth = 0): unknown {
  if (depth > 32) return null;
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (isCelUint(value)) return Number(value.value);
  if (typeof value !== 'object') return value;
  if (isCelList(value)) return [...value].map((item) => fromCel(item, depth + 1));
  if (isCelMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) out[String(isCelUint(key) ? key.value : key)] = fromCel(item, depth + 1);
    return out;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  const message = (value as { message?: { $typeName?: string; seconds?: bigint; nanos?: number } }).message;
  if (message?.$typeName === 'google.protobuf.Timestamp') return new Date(Number(message.seconds ?? 0n) * 1000 + Math.floor((message.nanos ?? 0) / 1e6)).toISOString();
  if (message?.$typeName === 'google.protobuf.Duration') return `${Number(message.seconds ?? 0n) + (message.nanos ?? 0) / 1e9}s`;
  if (Array.isArray(value)) return value.map((item) => fromCel(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = fromCel(item, depth + 1);
  return out;
}
