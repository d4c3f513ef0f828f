import {
  CheckoutInput,
  CheckoutResult,
  ConnectionTestResult,
  headerValue,
  jsonObjectBody,
  minorToDecimal,
  PaymentClient,
  PaymentEvent,
  PaymentPluginContext,
  PaymentStatus,
  paymentHttpError,
  PluginError,
  PluginHttpResponse,
  safeEqual,
  signatureInvalid,
  WebhookInput,
} from '../../../core/plugins/sdk';
import { mapNowPayment, NowPaymentWire, nowPaymentStatus } from './nowpayments.events';
import { nowPaymentsSignature } from './nowpayments.signature';

export interface NowPaymentsConfig {
  apiKey: string;
  ipnSecret: string;
  apiBaseUrl?: string;
  successUrl?: string;
  cancelUrl?: string;
}

/**
 * NOWPayments: hosted invoices (`POST /v1/invoice`, `x-api-key`), IPNs verified with
 * `x-nowpayments-sig` (HMAC-SHA512 of the key-sorted JSON, constant-time), payments confirmed
 * through `GET /v1/payment/{id}` before the hub acts (the signature has no timestamp).
 */
export class NowPaymentsClient implements PaymentClient {
  private readonly base: string;

  constructor(
    private readonly config: NowPaymentsConfig,
    private readonly ctx: PaymentPluginContext,
  ) {
    this.base = (config.apiBaseUrl ?? 'https://api.nowpayments.io').replace(/\/$/, '');
  }

  async createCheckout(input: CheckoutInput): Promise<CheckoutResult> {
    // NOWPayments has no idempotency header: the hub records the invoice per order and does not ask twice.
    const invoice = await this.call<Record<string, any>>('POST', '/v1/invoice', 'createCheckout', {
      price_amount: Number(minorToDecimal(input.amountMinor, input.currency)),
      price_currency: input.currency.toLowerCase(),
      order_id: input.orderId,
      order_description: input.description,
      ipn_callback_url: input.webhookUrl,
      success_url: input.successUrl ?? this.config.successUrl,
      cancel_url: input.cancelUrl ?? this.config.cancelUrl,
    });
    return { providerPaymentId: String(invoice.id), redirectUrl: invoice.invoice_url, raw: { invoiceId: String(invoice.id) } };
  }

  async parseWebhook(input: WebhookInput): Promise<PaymentEvent[]> {
    const signature = headerValue(input.headers, 'x-nowpayments-sig');
    if (!signature) throw signatureInvalid('NOWPayments', 'no x-nowpayments-sig header');
    const body = jsonObjectBody('NOWPayments', input.rawBody);
    if (!safeEqual(nowPaymentsSignature(body, this.config.ipnSecret), signature.trim().toLowerCase())) throw signatureInvalid('NOWPayments', 'the signature does not match the body');
    if (body.payment_id === undefined || typeof body.payment_status !== 'string' || typeof body.price_currency !== 'string') throw new PluginError('INVALID_INPUT', 'The IPN lacks payment_id, payment_status or price_currency');
    return [mapNowPayment(body as unknown as NowPaymentWire, this.ctx.clock.now())];
  }

  async getPayment(providerPaymentId: string): Promise<PaymentStatus | null> {
    const payment = await this.call<NowPaymentWire | null>('GET', `/v1/payment/${encodeURIComponent(providerPaymentId)}`, 'getPayment', undefined, true);
    return payment ? nowPaymentStatus(payment) : null;
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = Date.now();
    try {
      await this.call('GET', '/v1/merchant/coins', 'testConnection');
      return { ok: true, stages: [{ stage: 'authentication', ok: true, durationMs: Date.now() - started, detail: 'NOWPayments accepted the API key' }] };
    } catch (error) {
      const failure = error as PluginError;
      const stage = failure.code === 'AUTH_FAILED' ? 'authentication' : 'http';
      return { ok: false, failedStage: stage, stages: [{ stage, ok: false, durationMs: Date.now() - started, detail: failure.message, hint: failure.hint }] };
    }
  }

  private async call<T>(method: 'GET' | 'POST', path: string, operation: string, json?: unknown, notFoundIsNull = false): Promise<T> {
    const response: PluginHttpResponse = await this.ctx.http.request({
      method,
      url: `${this.base}${path}`,
      json,
      headers: { 'x-api-key': this.config.apiKey },
      operation,
      secrets: [this.config.apiKey, this.config.ipnSecret],
      classify: (res) => {
        if (notFoundIsNull && res.status === 404) return undefined;
        const error = paymentHttpError('NOWPayments', res, (body) => (body as { message?: string })?.message);
        // NOWPayments answers a wrong key with 403 {"code":"INVALID_API_KEY"}.
        if (error && res.status === 403 && /INVALID_API_KEY|api key/i.test(res.body)) return new PluginError('AUTH_FAILED', 'NOWPayments rejected the API key', { httpStatus: 403, providerMessage: error.providerMessage, hint: 'Check the API key configured for this payment account.' });
        return error;
      },
    });
    if (notFoundIsNull && response.status === 404) return null as T;
    return response.json<T>();
  }
}
