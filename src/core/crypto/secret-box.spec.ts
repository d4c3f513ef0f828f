import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../config/hub-config';
import { resolveEncryptionKey } from './crypto.module';
import { parseEncryptionKey, SecretBox } from './secret-box';

const quiet = { warn: jest.fn() } as never;

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never produces the same ciphertext twice', () => {
    const a = box.encrypt('panel-password');
    const b = box.encrypt('panel-password');
    expect(a).not.toBe(b);
    expect(a).not.toContain('panel-password');
    expect(box.decrypt(a)).toBe('panel-password');
    expect(box.decryptJson(box.encryptJson({ api_key: 'k' }))).toEqual({ api_key: 'k' });
  });

  it('rejects a tampered value and a value sealed with another key', () => {
    const sealed = box.encrypt('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('accepts hex and base64 keys and explains a bad one', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(key.toString('hex'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(() => parseEncryptionKey('too-short')).toThrow(/openssl rand -base64 32/);
  });
});

describe('resolveEncryptionKey', () => {
  it('refuses to start in production without HUB_ENCRYPTION_KEY', () => {
    const config = loadConfig({ NODE_ENV: 'production', HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-key-')) });
    expect(() => resolveEncryptionKey(config, quiet)).toThrow(ConfigError);
    expect(() => resolveEncryptionKey(config, quiet)).toThrow(/HUB_ENCRYPTION_KEY is required when NODE_ENV=production/);
  });

  it('generates a key once into the data directory outside production, then reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-key-'));
    const config = loadConfig({ HUB_DATA_DIR: dir });
    const first = resolveEncryptionKey(config, quiet);
    const second = resolveEncryptionKey(config, quiet);
    expect(first).toEqual(second);
    expect(parseEncryptionKey(readFileSync(join(dir, 'encryption.key'), 'utf8'))).toEqual(first);
    expect(statSync(join(dir, 'encryption.key')).mode & 0o777).toBe(0o600);
  });

  it('gives processes that start together on a fresh data directory one key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-key-'));
    // Real processes racing for the file (an API and workers started by one compose file), on the compiled
    // module, each spinning until the same instant so they really race.
    const at = Date.now() + 2_000;
    const script = `const { resolveEncryptionKey } = require(${JSON.stringify(resolve(__dirname, '../../../dist/src/core/crypto/crypto.module.js'))});
      const { loadConfig } = require(${JSON.stringify(resolve(__dirname, '../../../dist/src/core/config/hub-config.js'))});
      while (Date.now() < ${at});
      process.stdout.write(resolveEncryptionKey(loadConfig({ HUB_DATA_DIR: ${JSON.stringify(dir)} }), { warn() {} }).toString('hex'));`;
    const keys = await Promise.all(
      Array.from({ length: 6 }, () => new Promise<string>((done, fail) => execFile(process.execPath, ['-e', script], (error, stdout) => (error ? fail(error) : done(stdout))))),
    );
    expect(new Set(keys).size).toBe(1);
    expect(parseEncryptionKey(readFileSync(join(dir, 'encryption.key'), 'utf8')).toString('hex')).toBe(keys[0]);
    expect(readdirSync(dir)).toEqual(['encryption.key']);
  });

  it('uses HUB_ENCRYPTION_KEY when set', () => {
    const key = randomBytes(32);
    expect(resolveEncryptionKey(loadConfig({ HUB_ENCRYPTION_KEY: key.toString('base64'), NODE_ENV: 'production' }), quiet)).toEqual(key);
  });
});
