import { createHmac } from 'node:crypto';

/**
 * NOWPayments signs the IPN body re-serialised with its keys sorted (payments.md B.3):
 * `x-nowpayments-sig` = hex HMAC-SHA512 keyed with the IPN secret. Their documented snippet,
 * `JSON.stringify(params, Object.keys(params).sort())`, also filters nested objects down to the
 * top-level key list; sorting recursively gives the same bytes for flat bodies and the intended
 * ones for nested objects (`fee`).
 */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])]));
  }
  return value;
}

export function nowPaymentsSignature(body: Record<string, unknown>, ipnSecret: string): string {
  return createHmac('sha512', ipnSecret).update(JSON.stringify(sortKeysDeep(body))).digest('hex');
}
