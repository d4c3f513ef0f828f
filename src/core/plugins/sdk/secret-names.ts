/**
 * The one rule for "does a field (or parameter, or header) of this name hold a secret?". The audit
 * redaction, the workflow engine's sealed values, the HTTP clients' URL redaction and the SDK's
 * redactSecretFields / describeAnswer all ask isSecretName; each decides for itself what to do
 * with a secret (mask it, seal it, drop it). A name one of them treats as secret and another
 * does not is a leak waiting to happen, so there is no other list.
 *
 * The rule errs on the side of secret: a name is a secret when any of its words says so, unless
 * the name only describes a secret (when it changed, its type, its length, whether it is set).
 */

/**
 * Tested against the name's words, lower-cased and joined with `_` (`apiKey`, `API-Key` and
 * `api_key` all become `api_key`; `PHPSESSID` stays `phpsessid`).
 */
export const SECRET_NAME_PATTERN = new RegExp(
  [
    // password, passwd, pass, api_pass, passphrase, passcode, newpassword; not bypass(_ua), compass, passed, passive, passthrough
    '(?<!by|com)pass(?!ed(?:_|$)|ive|through)',
    'pwd',
    'secret', // client_secret, webhook_secret, ipn_secret, secret_key
    'token', // access_token, refresh_token, api_token, play_token, _token (CSRF)
    'credential',
    'authori[sz]ation',
    'cookie',
    'signature',
    'api_?key',
    'private_?key',
    'access_?key',
    // an access code that is a credential (XUI's API path segment); not access_code_id, access_code_import
    'access_?code$',
    'sess(?:ion)?_?id', // session_id, PHPSESSID
    'session_?key',
    '^session$',
    '^sid$',
    '^key$',
    '(?:^|_)(?:raw|secret|signing|encryption|master|shared|client|app|license|auth|session|hmac|webhook|ipn|hub)_?keys?(?:_|$)',
    // webhook signature headers and fields: x-nowpayments-sig, paypal-transmission-sig, BTCPay-Sig, Cryptomus `sign`
    '(?:^|_)sign?$',
    // hmac; a set-top box's MAC address is its login on Stalker/Ministra portals; PINs, one-time passwords, bearer tokens
    '(?:^|_)(?:hmac|mac|pin|otp|totp|jwt|bearer)(?:_|$)',
    'macaddr|stbmac',
  ].join('|'),
);

/** A last word that makes the name describe a secret rather than hold it (`passwordChanged`, `tokenType`, `signatureVersion`). */
const DESCRIBING_LAST_WORDS = new Set([
  'changed', 'at', 'type', 'expires', 'expiry', 'expiration', 'ttl', 'ms', 'seconds', 'length', 'count', 'version',
  'algo', 'algorithm', 'alg', 'method', 'scheme', 'name', 'field', 'fields', 'set', 'configured', 'present', 'required',
  'enabled', 'valid', 'verified', 'timestamp', 'policy', 'rotated',
]);
/** Words anywhere after the first that make the name a lifetime (`token_expires_in`, `sessionTtlMs`). */
const LIFETIME_WORDS = new Set(['expires', 'expiry', 'expiration', 'ttl']);
/** A first word that makes the name a flag or a bound (`hasPassword`, `includeCredentials`, `minimum_password_length`). */
const DESCRIBING_FIRST_WORDS = new Set(['has', 'is', 'allow', 'allows', 'include', 'includes', 'require', 'requires', 'min', 'max', 'minimum', 'maximum']);

/** The name's words, lower-cased: camelCase, PascalCase, ACRONYMWords, snake_case, kebab-case, dotted and bracketed names. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function decide(name: string): boolean {
  const words = wordsOf(name);
  if (!SECRET_NAME_PATTERN.test(words.join('_'))) return false;
  if (words.length === 1) return true;
  if (DESCRIBING_LAST_WORDS.has(words[words.length - 1]) || DESCRIBING_FIRST_WORDS.has(words[0])) return false;
  return !words.slice(1).some((word) => LIFETIME_WORDS.has(word));
}

/** Decisions by name: the same few hundred names come by on every request, log line and audit entry. */
const decided = new Map<string, boolean>();

/**
 * Whether a field, parameter or header of this name holds a secret (a password, key, token,
 * signature, session, cookie, credential, access code, PIN, STB MAC…). See SECRET_NAME_PATTERN
 * for the names, and the spec next to this file for the decisions on names that merely describe
 * a secret (`passwordChanged`, `tokenType`, `expires_in`) or only look like one (`hash`, `bypass_ua`).
 */
export function isSecretName(name: string): boolean {
  let secret = decided.get(name);
  if (secret === undefined) {
    secret = decide(name);
    if (name.length <= 64) {
      if (decided.size >= 4096) decided.clear();
      decided.set(name, secret);
    }
  }
  return secret;
}

/** Whether a free text (a status message, say) names a secret anywhere: the pattern without the exceptions for describing names. */
export function mentionsSecretName(text: string): boolean {
  return SECRET_NAME_PATTERN.test(wordsOf(text).join('_'));
}
