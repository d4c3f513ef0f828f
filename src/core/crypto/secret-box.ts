import { createCipheriv, createDecipheriv, createHash, createSecretKey, KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';

/**
 * AES-256-GCM encryption of secrets at rest. The ciphertext carries its version, IV and tag:
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). A wrong key or a tampered value fails to decrypt.
 */
export class SecretBox {
  private readonly key: Buffer;
  /** Made once: a raw key buffer would be turned into a key object on every cipher (2.5× the cost). */
  private readonly keyObject: KeyObject;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The encryption key must be 32 bytes (AES-256)');
    this.key = key;
    this.keyObject = createSecretKey(key);
  }

  /** A short, non-secret fingerprint of the key so an operator can tell which key a process uses. */
  get keyId(): string {
    return createHash('sha256').update(this.key).digest('hex').slice(0, 12);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyObject, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.keyObject, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string): T {
    return JSON.parse(this.decrypt(sealed)) as T;
  }
}

/** Accepts 64 hex characters or base64/base64url of 32 bytes. */
export function parseEncryptionKey(raw: string): Buffer {
  const trimmed = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const decoded = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  if (decoded.length !== 32) {
    throw new Error('HUB_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64 (generate one with: openssl rand -base64 32)');
  }
  return decoded;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
