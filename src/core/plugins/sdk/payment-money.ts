import { PluginError } from './errors';

/**
 * Money at the edge of payment plugins. The hub keeps fiat amounts as integer minor units with
 * the currency's ISO 4217 exponent; providers speak decimal strings ("15.00", PayPal), numbers in
 * major units (NOWPayments) or minor units (Stripe). Crypto amounts stay decimal strings: a float
 * cannot hold 0.1 BTC exactly, and comparisons decide whether a buyer paid enough.
 */

const EXPONENT_0 = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const EXPONENT_3 = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Digits after the decimal point of an ISO 4217 currency (2 unless listed otherwise). */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (EXPONENT_0.has(code)) return 0;
  if (EXPONENT_3.has(code)) return 3;
  return 2;
}

/** 1500 EUR → "15.00"; 1500 JPY → "1500"; 1500 KWD → "1.500". */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new PluginError('INVALID_INPUT', `Not an amount in minor units: ${minor}`);
  const exponent = currencyExponent(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${whole}` : whole;
}

/**
 * "15.00" / 15 / "15" EUR → 1500. More decimals than the currency has are rounded half up
 * (providers that add precision, e.g. "15.000"), never silently truncated.
 */
export function decimalToMinor(value: string | number, currency: string): number {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  if (!DECIMAL.test(text)) throw new PluginError('UNKNOWN', `The provider sent an amount that is not a decimal number: ${String(value).slice(0, 40)}`);
  const exponent = currencyExponent(currency);
  const scaled = scaleDecimal(text, exponent + 1);
  const rounded = (scaled + (scaled >= 0n ? 5n : -5n)) / 10n;
  const minor = Number(rounded);
  if (!Number.isSafeInteger(minor)) throw new PluginError('UNKNOWN', `Amount out of range: ${text}`);
  return minor;
}

/** Whether a string is a plain decimal number ("0.00012", "15"). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value.trim());
}

/** Compares two decimal strings exactly: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const places = Math.max(fractionDigits(a), fractionDigits(b));
  const left = scaleDecimal(a, places);
  const right = scaleDecimal(b, places);
  return left === right ? 0 : left < right ? -1 : 1;
}

/** paid / expected as a number (for tolerance checks: 0.995 = 0.5 % short). */
export function decimalRatio(paid: string, expected: string): number {
  const places = Math.max(fractionDigits(paid), fractionDigits(expected));
  const denominator = scaleDecimal(expected, places);
  if (denominator === 0n) return paid.trim() === '0' ? 1 : Infinity;
  // Six significant decimals of the ratio are plenty to compare with a percentage tolerance.
  return Number((scaleDecimal(paid, places) * 1_000_000n) / denominator) / 1_000_000;
}

/** A JSON number as the decimal string it was written as (1e-7 → "0.0000001"). */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new PluginError('UNKNOWN', `Not a finite amount: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function fractionDigits(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.trim().length - dot - 1;
}

function scaleDecimal(value: string, places: number): bigint {
  const text = value.trim();
  if (!DECIMAL.test(text)) throw new PluginError('UNKNOWN', `Not a decimal number: ${text.slice(0, 40)}`);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const kept = fraction.slice(0, places).padEnd(places, '0');
  // Digits beyond `places` are dropped: callers that round scale to one more place first.
  const scaled = BigInt(whole + kept);
  return negative ? -scaled : scaled;
}

/** value × factor, both decimal strings, rounded down to `places` decimals ("0.0005" × "0.9" → "0.00045000" with 8). */
export function multiplyDecimal(value: string, factor: string, places: number): string {
  const factorPlaces = fractionDigits(factor);
  const product = (scaleDecimal(value, places) * scaleDecimal(factor, factorPlaces)) / 10n ** BigInt(factorPlaces);
  const negative = product < 0n;
  const digits = (negative ? -product : product).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}
