import { createPublicKey, createSign, createVerify, KeyObject, X509Certificate } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** The PAYPAL-* headers of a webhook transmission. */
export interface PayPalTransmission {
  id: string;
  time: string;
  signature: string;
  certUrl: string;
  authAlgo: string;
}

/** `transmission id | transmission time | webhook id | crc32(raw body)`, the CRC as an unsigned decimal (payments.md B.2). */
export function paypalSignedMessage(transmissionId: string, transmissionTime: string, webhookId: string, rawBody: Buffer | string): string {
  return `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody) >>> 0}`;
}

export function verifyPayPalSignature(message: string, signatureBase64: string, publicKey: KeyObject): boolean {
  return createVerify('RSA-SHA256').update(message).verify(publicKey, signatureBase64, 'base64');
}

export function signPayPalMessage(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');
}

const PAYPAL_HOST = /(^|\.)paypal\.com$/i;

/**
 * Whether a certificate may be fetched from this URL: by default only over HTTPS from PayPal's
 * own hosts (`*.paypal.com`), so a forged PAYPAL-CERT-URL cannot bring its own key. `extraHosts`
 * (exact `host` or `host:port`) is for simulators and test rigs, configured per payment account.
 */
export function certUrlAllowed(url: string, extraHosts: string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (extraHosts.some((host) => host.toLowerCase() === parsed.host.toLowerCase() || host.toLowerCase() === parsed.hostname.toLowerCase())) return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  return parsed.protocol === 'https:' && PAYPAL_HOST.test(parsed.hostname) && (parsed.port === '' || parsed.port === '443');
}

/** The public key of a PayPal message-verification certificate, once it is checked to be current and PayPal's. */
export function certificateKey(pem: string, now: Date): { key: KeyObject; validTo: Date } {
  const cert = new X509Certificate(pem);
  const validFrom = new Date(cert.validFrom);
  const validTo = new Date(cert.validTo);
  if (now < validFrom || now > validTo) throw new Error(`the certificate is not valid now (valid ${cert.validFrom} – ${cert.validTo})`);
  if (!/paypal\.com/i.test(`${cert.subject} ${cert.subjectAltName ?? ''}`)) throw new Error('the certificate is not issued to a paypal.com name');
  return { key: createPublicKey(pem), validTo };
}
