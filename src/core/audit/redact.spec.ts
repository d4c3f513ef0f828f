import { REDACTED, redact, redactUrl } from './redact';

describe('redact (audit details, logs) uses the SDK rule isSecretName', () => {
  it('masks the primitive values of secret names at any depth and keeps what only describes or looks like a secret', () => {
    const details = {
      workflowId: 'w1',
      hash: 'a'.repeat(64),
      prevHash: 'b'.repeat(64),
      passwordChanged: true,
      tokenType: 'Bearer',
      concurrencyKey: 'subscription:42',
      line: { username: 'alice', password: 'line-Pass-123', stb_mac: '00:1A:79:00:00:01', bypass_ua: 0 },
      config: { accessCode: 'a1b2c3', apiKey: 'k', ipnSecret: 's', sign: 'md5', token_id: 't' },
      headers: { 'x-nowpayments-sig': 'hmac', cookie: 'PHPSESSID=1' },
    };
    expect(redact(details)).toEqual({
      workflowId: 'w1',
      hash: 'a'.repeat(64),
      prevHash: 'b'.repeat(64),
      passwordChanged: true,
      tokenType: 'Bearer',
      concurrencyKey: 'subscription:42',
      line: { username: 'alice', password: REDACTED, stb_mac: REDACTED, bypass_ua: 0 },
      config: { accessCode: REDACTED, apiKey: REDACTED, ipnSecret: REDACTED, sign: REDACTED, token_id: REDACTED },
      headers: { 'x-nowpayments-sig': REDACTED, cookie: REDACTED },
    });
  });

  it('redactUrl masks secret query parameters and the URL password', () => {
    const url = redactUrl('https://user:pw@panel.example/api.php?api_key=K&action=get_line&PHPSESSID=S&mac=00:1A&token_type=Bearer');
    expect(url).not.toMatch(/=K|=S|00%3A1A|:pw@/);
    expect(url).toContain('action=get_line');
    expect(url).toContain('token_type=Bearer');
  });

  it('redactUrl on a text that is not a URL masks secret names and, as before, any name with pass, key, token or secret', () => {
    expect(redactUrl('/panel?api_key=K&sid=S&mac=M&x=1&monkey=banana')).toBe('/panel?api_key=[redacted]&sid=[redacted]&mac=[redacted]&x=1&monkey=[redacted]');
  });
});
