import type { KeyObject } from 'node:crypto';
import { headerValue, PaymentPluginContext, PluginError, signatureInvalid, WebhookInput } from '../../../core/plugins/sdk';
import type { PayPalApi } from './paypal.api';
import { certificateKey, certUrlAllowed, PayPalTransmission, paypalSignedMessage, verifyPayPalSignature } from './paypal.signature';

export interface PayPalVerifierConfig {
  webhookId: string;
  verification?: 'offline' | 'api';
  certHosts?: string[];
  maxAgeSeconds?: number;
}

const CERT_CACHE_MS = 24 * 60 * 60 * 1000;

/**
 * Verifies a PayPal webhook: the transmission time within the window, then either offline
 * (RSA-SHA256 over `id|time|webhookId|crc32(body)` with the certificate from PAYPAL-CERT-URL, only
 * from PayPal's hosts, cached) or through `POST /v1/notifications/verify-webhook-signature`.
 */
export class PayPalWebhookVerifier {
  private readonly certs = new Map<string, { key: KeyObject; until: number }>();

  constructor(
    private readonly config: PayPalVerifierConfig,
    private readonly ctx: PaymentPluginContext,
    private readonly api: PayPalApi,
  ) {}

  async verify(input: WebhookInput): Promise<void> {
    const transmission = this.transmission(input.headers);
    const sent = Date.parse(transmission.time);
    const maxAge = (this.config.maxAgeSeconds ?? 300) * 1000;
    if (Number.isNaN(sent) || Math.abs(this.ctx.clock.now().getTime() - sent) > maxAge) throw signatureInvalid('PayPal', `transmission time ${transmission.time} is outside the ${maxAge / 1000} s window`);
    if ((this.config.verification ?? 'offline') === 'api') return this.verifyThroughApi(transmission, input.rawBody);
    if (!/^SHA256withRSA$/i.test(transmission.authAlgo)) throw signatureInvalid('PayPal', `unsupported PAYPAL-AUTH-ALGO ${transmission.authAlgo}`);
    if (!certUrlAllowed(transmission.certUrl, this.config.certHosts)) throw signatureInvalid('PayPal', 'PAYPAL-CERT-URL is not on a PayPal host');
    const key = await this.certificate(transmission.certUrl);
    const message = paypalSignedMessage(transmission.id, transmission.time, this.config.webhookId, input.rawBody);
    let valid: boolean;
    try {
      valid = verifyPayPalSignature(message, transmission.signature, key);
    } catch {
      valid = false;
    }
    if (!valid) throw signatureInvalid('PayPal', 'the transmission signature does not match');
  }

  private transmission(headers: WebhookInput['headers']): PayPalTransmission {
    const get = (name: string) => headerValue(headers, name);
    const [id, time, signature, certUrl, authAlgo] = ['paypal-transmission-id', 'paypal-transmission-time', 'paypal-transmission-sig', 'paypal-cert-url', 'paypal-auth-algo'].map(get);
    if (!id || !time || !signature || !certUrl || !authAlgo) throw signatureInvalid('PayPal', 'PAYPAL-TRANSMISSION-* / PAYPAL-CERT-URL / PAYPAL-AUTH-ALGO headers are missing');
    return { id, time, signature, certUrl, authAlgo };
  }

  private async certificate(url: string): Promise<KeyObject> {
    const now = this.ctx.clock.now();
    const cached = this.certs.get(url);
    if (cached && cached.until > now.getTime()) return cached.key;
    // A failed download is transient (PayPal will redeliver): it is retryable, not a bad signature.
    const response = await this.ctx.http.request({ method: 'GET', url, operation: 'webhook.certificate', retry: true });
    if (response.status !== 200) throw new PluginError('PANEL_UNAVAILABLE', `Fetching the PayPal certificate answered HTTP ${response.status}`, { retryable: true, httpStatus: response.status, hint: 'PayPal will redeliver the webhook; check outbound access to PayPal.' });
    let parsed: { key: KeyObject; validTo: Date };
    try {
      parsed = certificateKey(response.body, now);
    } catch (error) {
      throw signatureInvalid('PayPal', `certificate rejected: ${(error as Error).message}`);
    }
    this.certs.set(url, { key: parsed.key, until: Math.min(parsed.validTo.getTime(), now.getTime() + CERT_CACHE_MS) });
    return parsed.key;
  }

  private async verifyThroughApi(transmission: PayPalTransmission, rawBody: Buffer): Promise<void> {
    let event: unknown;
    try {
      event = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw signatureInvalid('PayPal', 'the body is not JSON');
    }
    const result = await this.api.call<{ verification_status?: string }>('POST', '/v1/notifications/verify-webhook-signature', 'webhook.verify', {
      json: { auth_algo: transmission.authAlgo, cert_url: transmission.certUrl, transmission_id: transmission.id, transmission_sig: transmission.signature, transmission_time: transmission.time, webhook_id: this.config.webhookId, webhook_event: event },
    });
    if (result.verification_status !== 'SUCCESS') throw signatureInvalid('PayPal', `verify-webhook-signature answered ${result.verification_status ?? 'nothing'}`);
  }
}
