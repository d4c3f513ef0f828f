import {
  CheckoutInput,
  CheckoutResult,
  ConnectionTestResult,
  jsonObjectBody,
  minorToDecimal,
  PaymentClient,
  PaymentEvent,
  PaymentPluginContext,
  PaymentStatus,
  paymentHttpError,
  PluginError,
  safeEqual,
  signatureInvalid,
  WebhookInput,
} from '../../../core/plugins/sdk';
import { CryptomusPaymentWire, cryptomusStatus, mapCryptomusWebhook } from './cryptomus.events';
import { cryptomusSign, cryptomusWebhookSign } from './cryptomus.signature';

export interface CryptomusConfig {
  merchantId: string;
  paymentApiKey: string;
  apiBaseUrl?: string;
  lifetimeSeconds?: number;
  successUrl?: string;
}

/**
 * Cryptomus: invoices (`POST /v1/payment`, idempotent per `order_id`), payment info, requests
 * signed with `merchant` + `sign` headers; webhooks verified with the in-body `sign` field
 * (md5 of base64 of the PHP-encoded JSON without `sign`, plus the payment API key), in constant time.
 */
export class CryptomusClient implements PaymentClient {
  private readonly base: string;

  constructor(
    private readonly config: CryptomusConfig,
    private readonly ctx: PaymentPluginContext,
  ) {
    this.base = (config.apiBaseUrl ?? 'https://api.cryptomus.com').replace(/\/$/, '');
  }

  async createCheckout(input: CheckoutInput): Promise<CheckoutResult> {
    // An existing order_id returns the existing invoice, so repeating the call is safe.
    const result = await this.call<CryptomusPaymentWire & { url: string; expired_at?: number }>('/v1/payment', 'createCheckout', {
      amount: minorToDecimal(input.amountMinor, input.currency),
      currency: input.currency.toUpperCase(),
      order_id: input.orderId,
      url_callback: input.webhookUrl,
      url_success: input.successUrl ?? this.config.successUrl,
      url_return: input.cancelUrl,
      lifetime: this.config.lifetimeSeconds ?? 3600,
      additional_data: input.description,
    }, true);
    return { providerPaymentId: result.uuid, redirectUrl: result.url, expiresAt: typeof result.expired_at === 'number' ? new Date(result.expired_at * 1000).toISOString() : null };
  }

  async parseWebhook(input: WebhookInput): Promise<PaymentEvent[]> {
    const body = jsonObjectBody('Cryptomus', input.rawBody);
    if (typeof body.sign !== 'string' || body.sign.length === 0) throw signatureInvalid('Cryptomus', 'the body has no sign field');
    if (!safeEqual(cryptomusWebhookSign(body, this.config.paymentApiKey), body.sign.toLowerCase())) throw signatureInvalid('Cryptomus', 'the sign field does not match the body');
    if (typeof body.uuid !== 'string' || typeof body.currency !== 'string') throw new PluginError('INVALID_INPUT', 'The webhook lacks uuid or currency');
    if (body.type !== undefined && body.type !== 'payment') return [{ providerEventId: `${body.uuid}:${String(body.status)}:${String(body.type)}`, providerEventType: String(body.type), type: 'ignored', providerPaymentId: body.uuid, occurredAt: this.ctx.clock.now().toISOString() }];
    return [mapCryptomusWebhook(body as unknown as CryptomusPaymentWire, this.ctx.clock.now())];
  }

  async getPayment(providerPaymentId: string): Promise<PaymentStatus | null> {
    const result = await this.call<CryptomusPaymentWire | null>('/v1/payment/info', 'getPayment', { uuid: providerPaymentId }, false, true);
    return result ? cryptomusStatus(result) : null;
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = Date.now();
    try {
      await this.call('/v1/balance', 'testConnection', {});
      return { ok: true, stages: [{ stage: 'authentication', ok: true, durationMs: Date.now() - started, detail: 'Cryptomus accepted the merchant id and payment API key' }] };
    } catch (error) {
      const failure = error as PluginError;
      const stage = failure.code === 'AUTH_FAILED' ? 'authentication' : 'http';
      return { ok: false, failedStage: stage, stages: [{ stage, ok: false, durationMs: Date.now() - started, detail: failure.message, hint: failure.hint }] };
    }
  }

  private async call<T>(path: string, operation: string, payload: Record<string, unknown>, retry = false, notFoundIsNull = false): Promise<T> {
    // The request sign covers the exact body bytes; ctx.http serialises `json` with JSON.stringify, as here.
    const response = await this.ctx.http.request({
      method: 'POST',
      url: `${this.base}${path}`,
      json: payload,
      headers: { merchant: this.config.merchantId, sign: cryptomusSign(JSON.stringify(payload), this.config.paymentApiKey) },
      operation,
      retry,
      secrets: [this.config.paymentApiKey],
      classify: (res) => {
        if (notFoundIsNull && res.status === 404) return undefined;
        const error = paymentHttpError('Cryptomus', res, (parsed) => (parsed as { message?: string })?.message);
        if (error && res.status === 401) return new PluginError('AUTH_FAILED', 'Cryptomus rejected the merchant id or payment API key', { httpStatus: 401, providerMessage: error.providerMessage, hint: 'Check the merchant id and the payment API key of this payment account.' });
        return error;
      },
    });
    if (notFoundIsNull && response.status === 404) return null as T;
    const envelope = response.json<{ state: number; result?: T; message?: string }>();
    if (envelope.state !== 0) throw new PluginError('INVALID_INPUT', 'Cryptomus refused the request', { providerMessage: envelope.message });
    return envelope.result as T;
  }
}
