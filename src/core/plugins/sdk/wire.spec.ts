import { isPluginError } from './errors';
import { describeAnswer, redactSecretFields } from './wire';
import { bareArray, classifyXuiResponse, envelopeData } from './xui-access-code';

const failureOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (isPluginError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
};

describe('error messages built from panel answers carry no secrets', () => {
  const row = { id: '7', username: 'alice', password: 'line-Pass-123', exp_date: '1735689600' };

  it('describeAnswer gives the shape (type, keys, status), never the values', () => {
    expect(describeAnswer({ status: 'STATUS_ODD', data: row })).toBe('object {status, data} with status "STATUS_ODD"');
    expect(describeAnswer(row)).toBe('object {id, username, password, exp_date}');
    expect(describeAnswer([row, row])).toBe('array of 2');
    expect(describeAnswer('line-Pass-123')).toBe('string of 13 characters');
    expect(describeAnswer(null)).toBe('null');
    expect(describeAnswer({ result: false })).toBe('object {result} with result false');
  });

  it('XUI envelope and list readers describe an unexpected answer instead of quoting it', () => {
    const envelope = failureOf(() => envelopeData({ status: 'STATUS_ODD', data: row }));
    const list = failureOf(() => bareArray({ data: row }));
    for (const error of [envelope, list]) {
      expect(error.code).toBe('UNKNOWN');
      expect(error.providerMessage).not.toContain('line-Pass-123');
    }
    expect(envelope.providerMessage).toContain('STATUS_ODD');
  });

  it('redactSecretFields blanks secret-looking fields of a body that could not be read as JSON', () => {
    const text = redactSecretFields('<pre>{"username":"alice","password":"line-Pass-123","api_key":ABC123} user_data[password]=pw-2&x=1 api_pass=k3y</pre>');
    expect(text).toBe('<pre>{"username":"alice","password":"[redacted]","api_key":"[redacted]"} user_data[password]=[redacted]&x=1 api_pass=[redacted]</pre>');
    const error = classifyXuiResponse({ status: 200, headers: {}, body: '<b>Warning</b> {"password":"line-Pass-123"', json: () => undefined as never });
    expect(error?.providerMessage).not.toContain('line-Pass-123');
  });

  it('redactSecretFields blanks exactly the names isSecretName calls secret, whatever comes before them', () => {
    const text = redactSecretFields('{"token_type":"Bearer","access_token":"at-1","note":"x","sign":"abc","hash":"h1"} note=password=pw-3&PHPSESSID=s1&mac=00:1A&passwordChanged=1');
    expect(text).toBe('{"token_type":"Bearer","access_token":"[redacted]","note":"x","sign":"[redacted]","hash":"h1"} note=password=[redacted]&PHPSESSID=[redacted]&mac=[redacted]&passwordChanged=1');
    expect(redactSecretFields('{"user":{"password":"pw-4"}}')).toBe('{"user":{"password":"[redacted]"}}');
    expect(redactSecretFields('{"esc\\"aped":"v","client_secret" : "c\\"s"}')).toBe('{"esc\\"aped":"v","client_secret" : "[redacted]"}');
  });

  it('describeAnswer hides a status that names a secret', () => {
    expect(describeAnswer({ result: false, error: 'PARAMETER ERROR (user/pass)', status: 'Invalid api_key' })).toBe('object {result, error, status} with result false');
  });
});
