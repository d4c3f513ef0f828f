import { isSecretName, mentionsSecretName } from './secret-names';

/**
 * The decisions of the one secret-name rule. Every name any of the former four patterns (audit
 * redaction, sealed workflow values, the hub's HTTP client, SDK wire helpers) caught is here, with
 * the credential names of our panel and payment plugins; the second table lists the names the rule
 * deliberately leaves alone, because redacting them would destroy data an operator needs.
 */
const SECRET: Array<[name: string, why: string]> = [
  // passwords (`pass` anywhere in a word, as before)
  ['password', 'line and panel passwords'],
  ['Password', 'any case'],
  ['PASSWORD', 'any case'],
  ['pass', 'short form'],
  ['passwd', 'unix spelling'],
  ['pwd', 'abbreviation (new)'],
  ['user_pwd', 'abbreviation in a compound (new)'],
  ['newpassword', 'run-together words'],
  ['adminPassword', 'camelCase compound'],
  ['user_pass', 'snake_case compound'],
  ['api_pass', 'Xtream Codes API password'],
  ['apiPass', 'Xtream Codes plugin config'],
  ['api-pass', 'kebab-case'],
  ['authPassword', 'Ministra API password'],
  ['api_auth_password', 'Ministra setting'],
  ['user_data[password]', 'bracketed form field'],
  ['passphrase', 'key passphrase'],
  ['passcode', 'device passcode'],
  ['passwordHash', 'a password hash can be cracked offline'],
  ['passwordSealed', 'sealed column'],
  ['bypass_password', 'contains password even after an excluded word'],
  // secrets and keys
  ['secret', ''],
  ['clientSecret', 'PayPal'],
  ['client_secret', 'OAuth'],
  ['webhookSecret', 'Stripe, BTCPay'],
  ['webhook_secret', ''],
  ['ipnSecret', 'NOWPayments'],
  ['ipn_secret', ''],
  ['secretKey', 'Stripe'],
  ['signing_secret', ''],
  ['wrongSecretConfig', 'contains secret'],
  ['apiKey', 'panels and payments'],
  ['api_key', 'XUI query parameter'],
  ['apikey', ''],
  ['APIKey', 'acronym'],
  ['x-api-key', 'header'],
  ['X-Api-Key', 'header, any case'],
  ['paymentApiKey', 'Cryptomus'],
  ['api_key_id', 'caught before (api_key substring)'],
  ['privateKey', ''],
  ['private_key', ''],
  ['privateKeyPem', ''],
  ['access_key', 'new'],
  ['accessKey', 'new'],
  ['aws_secret_access_key', ''],
  ['key', 'a bare `key` parameter is an API key (new, except the redactUrl fallback had it)'],
  ['rawKey', 'a freshly created hub API key (new)'],
  ['encryptionKey', 'new'],
  ['HUB_ENCRYPTION_KEY', 'new'],
  ['master_key', 'new'],
  ['license_key', 'new'],
  ['auth_key', 'new'],
  ['accessCode', 'XUI access code: the API path segment (new)'],
  ['access_code', 'new'],
  // tokens
  ['token', ''],
  ['apiToken', '1-Stream'],
  ['api_token', ''],
  ['access_token', 'PayPal OAuth'],
  ['accessToken', ''],
  ['refresh_token', ''],
  ['id_token', ''],
  ['_token', 'Laravel CSRF field (NXT)'],
  ['csrf_token', ''],
  ['play_token', 'Xtream Codes'],
  ['X-Auth-Token', 'header'],
  ['token_id', 'an id of a token may be the token; kept as before'],
  ['jwt', 'new'],
  ['bearer', 'new'],
  // authorization, cookies, sessions
  ['authorization', ''],
  ['Authorization', 'header'],
  ['proxy-authorization', 'header'],
  ['credential', ''],
  ['credentials', ''],
  ['credentialsSealed', 'sealed column'],
  ['cookie', ''],
  ['Cookie', 'header'],
  ['set-cookie', 'header'],
  ['cookies', ''],
  ['session', 'a session id under its plainest name (new)'],
  ['sessionId', 'new'],
  ['session_id', 'new'],
  ['PHPSESSID', 'PHP panels (new)'],
  ['sid', 'new'],
  ['session_key', 'new'],
  // signatures
  ['signature', ''],
  ['Stripe-Signature', 'header'],
  ['x-hub-signature-256', 'header'],
  ['signatures', ''],
  ['sig', 'new'],
  ['x-nowpayments-sig', 'NOWPayments header (new)'],
  ['paypal-transmission-sig', 'PayPal header (new)'],
  ['transmission_sig', 'PayPal verify API field (new)'],
  ['BTCPay-Sig', 'BTCPay header (new)'],
  ['sign', 'Cryptomus header and body field (new)'],
  ['hmac', 'new'],
  ['x-hmac-sha256', 'header (new)'],
  // device logins and one-time codes
  ['mac', 'a set-top box MAC is its login on Stalker/Ministra portals (new)'],
  ['stb_mac', 'Ministra (new)'],
  ['mac_addr', '1-Stream (new)'],
  ['macAddress', 'new'],
  ['pin', 'new'],
  ['adult_pin', 'new'],
  ['parentalPin', 'new'],
  ['otp', 'new'],
  ['totp', 'new'],
];

const NOT_SECRET: Array<[name: string, why: string]> = [
  // describing a secret, not holding it
  ['passwordChanged', 'a boolean in audit details'],
  ['password_changed_at', 'a timestamp'],
  ['passwordChangedAt', 'a timestamp'],
  ['tokenType', '"Bearer"'],
  ['token_type', 'PayPal OAuth answer'],
  ['expires', 'a date'],
  ['expires_in', 'seconds'],
  ['token_expires_in', 'seconds'],
  ['tokenExpiresAt', 'a date'],
  ['sessionTtlMs', 'a duration'],
  ['signatureVersion', 'a version'],
  ['signatureTimestamp', 'a manifest note (boolean)'],
  ['signature_valid', 'a boolean'],
  ['hmac_algorithm', 'an algorithm name'],
  ['minimum_password_length', 'Xtream Codes setting (number)'],
  ['allow_change_password', 'Xtream Codes setting (boolean)'],
  ['includeCredentials', 'an export option (boolean)'],
  ['hasPassword', 'a boolean'],
  ['secretFields', 'the names of a manifest\'s secret fields'],
  ['cookieName', 'the name of a cookie'],
  // only looking like a secret
  ['hash', 'audit chain and workflow revision hashes must stay verifiable'],
  ['prevHash', 'audit chain'],
  ['prev_hash', 'audit chain'],
  ['bypass_ua', 'Xtream Codes / XUI line flag'],
  ['compass', 'contains "pass"'],
  ['checksPassed', 'a count'],
  ['passive', 'contains "pass"'],
  ['passthrough', 'contains "pass"'],
  ['publicKey', 'public by definition'],
  ['public_key', ''],
  ['publishable_key', 'Stripe publishable keys are public'],
  ['idempotencyKey', 'needed to match retries'],
  ['idempotency_key', ''],
  ['concurrencyKey', 'in workflow.run.create audit details'],
  ['webhookDedupeKey', 'a manifest note'],
  ['rowsKey', ''],
  ['cache_key', ''],
  ['keys', 'a list of names (describeAnswer shows keys, not values)'],
  ['monkey', 'contains "key"'],
  ['keyboard', ''],
  ['accessCodeId', 'the id of a hub access code'],
  ['access_code_import', 'an audit target type'],
  ['accessCodes', 'a list'],
  ['code', 'error codes and hub access codes (shown to operators)'],
  ['auth', 'Xtream player API user_info.auth flag (0/1)'],
  ['auth_algo', 'PayPal algorithm name'],
  ['authLogin', 'Ministra API user name'],
  ['authentication', 'a connection-test stage name'],
  ['sessions', 'a list or a count'],
  ['sign_in', ''],
  ['signed', ''],
  ['design', 'contains "sign"'],
  ['machine', 'contains "mac"'],
  ['macro', 'contains "mac"'],
  ['pinned', 'contains "pin"'],
  ['shipping', 'contains "pin"'],
  ['optional', ''],
  ['username', 'shown in runs and audit'],
  ['login', ''],
  ['email', ''],
  ['lineId', ''],
  ['expDate', ''],
  ['status', ''],
  ['result', ''],
  ['description', ''],
];

describe('isSecretName: the one rule for secret field names', () => {
  it.each(SECRET)('%s is a secret (%s)', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(NOT_SECRET)('%s is not a secret (%s)', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('gives the same answer on a repeated question (decisions are cached)', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(isSecretName('api_key')).toBe(true);
      expect(isSecretName('hash')).toBe(false);
    }
    const long = `${'x'.repeat(80)}_password`;
    expect(isSecretName(long)).toBe(true);
    expect(isSecretName(long)).toBe(true);
  });

  it('mentionsSecretName finds a secret name in a free text, describing words or not', () => {
    expect(mentionsSecretName('PARAMETER ERROR (user/pass)')).toBe(true);
    expect(mentionsSecretName('Invalid token type')).toBe(true);
    expect(mentionsSecretName('STATUS_ODD')).toBe(false);
    expect(mentionsSecretName('false')).toBe(false);
  });
});
