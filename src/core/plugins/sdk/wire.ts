import { createHash } from 'node:crypto';
import { PluginError } from './errors';
import { isSecretName, mentionsSecretName } from './secret-names';
import type { WireFields, WireValue } from './runtime';

/** Helpers for converting between the hub's normalised shapes and panels' wire formats. */

/** Encodes fields as application/x-www-form-urlencoded; arrays repeat the key, null/undefined are omitted. */
export function encodeForm(fields: WireFields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = wireText(item);
      if (text !== undefined) params.append(key, text);
    }
  }
  return params.toString();
}

function wireText(value: WireValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** ISO-8601 instant → unix seconds (null stays null). Sub-second precision is dropped, as panels store seconds. */
export function toUnixSeconds(instant: string | null): number | null {
  if (instant === null) return null;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new PluginError('INVALID_INPUT', `Not an ISO-8601 instant: ${instant}`);
  return Math.floor(ms / 1000);
}

/** A panel's unix timestamp (number or numeric string) → ISO-8601 UTC instant; empty, 0 and null mean "never expires". */
export function fromUnixSeconds(value: unknown): string | null {
  if (value === null || value === undefined || value === '' || value === '0' || value === 0) return null;
  const seconds = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(seconds)) throw new PluginError('UNKNOWN', `The panel returned a timestamp that is not a number: ${String(value).slice(0, 40)}`);
  return new Date(seconds * 1000).toISOString();
}

/** Truncates an instant to whole seconds (the precision panels keep), as ISO-8601 UTC. */
export function toSecondPrecision(instant: string): string {
  return new Date(Math.floor(Date.parse(instant) / 1000) * 1000).toISOString();
}

/** Formats an instant as `YYYY-MM-DD HH:MM:SS` wall-clock time in an IANA time zone (PHP DateTime input). */
export function formatInTimeZone(instant: string, timeZone = 'UTC'): string {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** Building a formatter costs far more than using one; zones are few, so each is built once. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    // Only zones the runtime accepts get here (the constructor throws on others), so the map stays small.
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** Parses `YYYY-MM-DD[ HH:MM[:SS]]` as wall-clock time in an IANA time zone; undefined when it is not that shape. */
export function parseInTimeZone(text: string, timeZone = 'UTC'): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(asUtc).getUTCDate() !== day) return undefined;
  // The zone's offset at that wall-clock time: format the UTC guess in the zone and correct by the difference (twice, for DST edges).
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const shown = Date.parse(`${formatInTimeZone(new Date(guess).toISOString(), timeZone).replace(' ', 'T')}Z`);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A credential derived from a stable key (the idempotency key of a create): the same key always
 * gives the same value, so a retried create asks the panel for the same line. Starts with a letter.
 */
export function deriveCredential(key: string, purpose: 'username' | 'password', length = 12): string {
  const digest = createHash('sha256').update(`iptv-hub:${purpose}:${key}`).digest();
  let out = '';
  for (let i = 0; out.length < length; i += 1) {
    const byte = digest[i % digest.length] ^ (i >= digest.length ? 0x5a : 0);
    out += out.length === 0 ? ALPHABET[byte % 24] : ALPHABET[byte % ALPHABET.length];
  }
  return out;
}

/** A random credential (panels generate 10 characters of `[A-Za-z0-9]`). */
export function randomCredential(length = 10): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/**
 * A short marker stored in the line's notes when the hub creates it: finding the marker on an
 * existing line means "this is the line an earlier attempt of the same create made".
 */
export function createMarker(idempotencyKey: string): string {
  return `iptv-hub:${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16)}`;
}

/** Replaces every occurrence of the given secret values (of 4+ characters) in a text. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
    const encoded = secret ? encodeURIComponent(secret) : '';
    if (encoded !== secret && encoded.length >= 4) out = out.split(encoded).join('[redacted]');
  }
  return out;
}

/**
 * What an unexpected answer looked like, for an error's providerMessage: its type, its keys and
 * its `status`/`result` — never its values. Panels echo line rows (with their passwords) in
 * answers, and provider messages end up in API problem details and the audit log.
 */
export function describeAnswer(answer: unknown): string {
  if (answer === null || answer === undefined) return String(answer);
  if (Array.isArray(answer)) return `array of ${answer.length}`;
  if (typeof answer === 'string') return `string of ${answer.length} characters`;
  if (typeof answer !== 'object') return typeof answer;
  const record = answer as Record<string, unknown>;
  const keys = Object.keys(record);
  const shown = keys.slice(0, 12).join(', ') + (keys.length > 12 ? `, … (${keys.length} keys)` : '');
  const status = ['status', 'result'].filter((key) => ['string', 'number', 'boolean'].includes(typeof record[key]) && !mentionsSecretName(String(record[key])));
  const flags = status.map((key) => `${key} ${JSON.stringify(record[key]).slice(0, 40)}`).join(', ');
  return `object {${shown}}${flags ? ` with ${flags}` : ''}`;
}

/**
 * A raw answer text with the values of secret-looking fields blanked (`"password":"…"`,
 * `password=…`; the names isSecretName calls secret), for the few error messages that quote a
 * body that could not be read as JSON.
 */
export function redactSecretFields(text: string): string {
  // `"<name>": <value>` in a JSON-looking text, then `<name>=<value>` in a form or query.
  const json = blankValues(text, /"((?:[^"\\]|\\.)*)"\s*:\s*/g, /^(?:"(?:[^"\\]|\\.)*"|[^,}\]\s]+)/, '"[redacted]"');
  return blankValues(json, /(?<![\w[\]-])([\w[\]-]+)=/g, /^[^&\s"'<]*/, '[redacted]');
}

/**
 * Replaces the value after each name (`names` captures it) that isSecretName calls secret. Names
 * are matched on their own, so a field that is not secret never hides the secret one after it.
 */
function blankValues(text: string, names: RegExp, value: RegExp, blank: string): string {
  let out = '';
  let done = 0;
  for (let match = names.exec(text); match; match = names.exec(text)) {
    if (!isSecretName(match[1])) continue;
    const start = match.index + match[0].length;
    const length = value.exec(text.slice(start))?.[0].length ?? 0;
    out += text.slice(done, start) + blank;
    done = start + length;
    names.lastIndex = done;
  }
  return out + text.slice(done);
}

/** Parses JSON without throwing; undefined when the text is not JSON (empty bodies, HTML pages). */
export function tryParseJson(text: string): unknown {
  if (!text || !/^\s*[[{"\d-]|^\s*(true|false|null)\s*$/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
