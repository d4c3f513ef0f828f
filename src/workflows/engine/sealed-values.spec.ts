import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../core/crypto/secret-box';
import { redactSealed, sealSecrets, unsealSecrets } from './sealed-values';

describe('sealed values of workflow steps use the SDK rule isSecretName', () => {
  const box = new SecretBox(randomBytes(32));
  const output = {
    lineId: '7',
    username: 'alice',
    password: 'line-Pass-123',
    passwordChanged: true,
    tokenType: 'Bearer',
    hash: 'c0ffee',
    device: { stb_mac: '00:1A:79:00:00:01', accessCode: 'a1b2c3', access_token: 'tok' },
  };

  it('seals the strings under secret names, and gets them back', () => {
    const sealed = sealSecrets(output, box) as Record<string, unknown>;
    const text = JSON.stringify(sealed);
    for (const secret of ['line-Pass-123', '00:1A:79:00:00:01', 'a1b2c3', '"tok"']) expect(text).not.toContain(secret);
    expect(sealed).toMatchObject({ lineId: '7', username: 'alice', passwordChanged: true, tokenType: 'Bearer', hash: 'c0ffee' });
    expect(unsealSecrets(sealed, box)).toEqual(output);
  });

  it('shows sealed values and secret names as [redacted]', () => {
    expect(redactSealed(sealSecrets(output, box))).toEqual({ ...output, password: '[redacted]', device: { stb_mac: '[redacted]', accessCode: '[redacted]', access_token: '[redacted]' } });
    expect(redactSealed(output)).toEqual(redactSealed(sealSecrets(output, box)));
  });
});
