import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Global, Logger, Module } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import { ConfigError, HubConfig } from '../config/hub-config';
import { parseEncryptionKey, SecretBox } from './secret-box';

const KEY_FILE = 'encryption.key';

/**
 * The key comes from HUB_ENCRYPTION_KEY. Outside production a missing key is generated once into
 * the data directory (and reused after), loudly; in production a missing key stops the start.
 */
export function resolveEncryptionKey(config: HubConfig, logger = new Logger('Crypto')): Buffer {
  if (config.encryptionKey) {
    try {
      return parseEncryptionKey(config.encryptionKey);
    } catch (error) {
      throw new ConfigError([(error as Error).message]);
    }
  }
  if (config.production) {
    throw new ConfigError([
      'HUB_ENCRYPTION_KEY is required when NODE_ENV=production: panel credentials and line passwords are encrypted with it. ' +
        'Generate one with `openssl rand -base64 32`, store it in your secret manager and set it in the environment of every hub process.',
    ]);
  }
  const file = join(config.dataDir, KEY_FILE);
  if (existsSync(file)) return parseEncryptionKey(readFileSync(file, 'utf8'));
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  // An API and a worker process started together on a fresh data directory must end up with one
  // key: the key is written whole to a file of this process and linked into place, which fails if
  // another process got there first — then its key is the one.
  const mine = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(mine, key.toString('base64'), { mode: 0o600 });
  try {
    linkSync(mine, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseEncryptionKey(readFileSync(file, 'utf8'));
  } finally {
    rmSync(mine, { force: true });
  }
  logger.warn(
    `HUB_ENCRYPTION_KEY is not set: generated an encryption key into ${file}. Back this file up — without it the stored ` +
      'credentials cannot be decrypted — or set HUB_ENCRYPTION_KEY to its content. In production the variable is required.',
  );
  return key;
}

@Global()
@Module({
  providers: [{ provide: SecretBox, inject: [HUB_CONFIG], useFactory: (config: HubConfig) => new SecretBox(resolveEncryptionKey(config)) }],
  exports: [SecretBox],
})
export class CryptoModule {}
