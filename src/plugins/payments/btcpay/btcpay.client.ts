import {
  CheckoutInput,
  CheckoutResult,
  compareDecimal,
  ConnectionTestResult,
  decimalToMinor,
  headerValue,
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
import { btcPaySignature, BtcPayWebhookWire, mapBtcPayWebhook } from './btcpay.events';

export interface BtcPayConfig {
  serverUrl: string;
  storeId: string;
  apiKey: string;
  webhookSecret: string;
  expirationMinutes?: number;
  successUrl?: string;
}

type Obj = Record<string, any>;

/**
 * BTCPay Server through its Greenfield API (`Authorization: token <apiKey>`): invoices with the
 * hub order id in `metadata.orderId` (searched before creating, as Greenfield has no idempotency
 * header), invoice status and paid amounts per payment method; webhooks verified with
 * `BTCPay-Sig` over the raw body in constant time.
 */
export class BtcPayClient implements PaymentClient {
  private readonly store: string;

  constructor(
    private readonly config: BtcPayConfig,
    private readonly ctx: PaymentPluginContext,
  ) {
    this.store = `${config.serverUrl.replace(/\/$/, '')}/api/v1/stores/${encodeURIComponent(config.storeId)}`;
  }

  async createCheckout(input: CheckoutInput): Promise<CheckoutResult> {
    const existing = await this.call<Obj[]>('GET', `/invoices?orderId=${encodeURIComponent(input.orderId)}`, 'createCheckout');
    const reusable = existing.find((invoice) => invoice.status === 'New' && invoice.currency === input.currency.toUpperCase() && invoice.amount === minorToDecimal(input.amountMinor, input.currency));
    const invoice =
      reusable ??
      (await this.call<Obj>('POST', '/invoices', 'createCheckout', {
        amount: minorToDecimal(input.amountMinor, input.currency),
        currency: input.currency.toUpperCase(),
        metadata: { orderId: input.orderId, buyerEmail: input.customer.email ?? undefined, itemDesc: input.description },
        checkout: { redirectURL: input.successUrl ?? this.config.successUrl, expirationMinutes: this.config.expirationMinutes },
      }));
    return { providerPaymentId: invoice.id, redirectUrl: invoice.checkoutLink, expiresAt: typeof invoice.expirationTime === 'number' ? new Date(invoice.expirationTime * 1000).toISOString() : null };
  }

  async parseWebhook(input: WebhookInput): Promise<PaymentEvent[]> {
    const signature = headerValue(input.headers, 'btcpay-sig');
    if (!signature) throw signatureInvalid('BTCPay', 'no BTCPay-Sig header');
    if (!safeEqual(btcPaySignature(input.rawBody, this.config.webhookSecret), signature.trim())) throw signatureInvalid('BTCPay', 'the signature does not match the body');
    const delivery = jsonObjectBody('BTCPay', input.rawBody) as unknown as BtcPayWebhookWire;
    if (delivery.storeId && delivery.storeId !== this.config.storeId) throw signatureInvalid('BTCPay', `the delivery is for store ${delivery.storeId}, not this account's store`);
    return [mapBtcPayWebhook(delivery)];
  }

  async getPayment(invoiceId: string): Promise<PaymentStatus | null> {
    const invoice = await this.call<Obj | null>('GET', `/invoices/${encodeURIComponent(invoiceId)}`, 'getPayment', undefined, true);
    if (!invoice) return null;
    const methods = await this.call<Obj[]>('GET', `/invoices/${encodeURIComponent(invoiceId)}/payment-methods`, 'getPayment');
    const method = methods.find((candidate) => compareDecimal(String(candidate.paymentMethodPaid ?? '0'), '0') > 0) ?? methods[0];
    const partial = invoice.additionalStatus === 'PaidPartial';
    const status: PaymentStatus['status'] = invoice.status === 'Settled' ? 'paid' : invoice.status === 'Expired' && partial ? 'partially_paid' : invoice.status === 'Expired' || invoice.status === 'Invalid' ? 'failed' : 'pending';
    return {
      providerPaymentId: invoiceId,
      status,
      amountMinor: decimalToMinor(String(invoice.amount), invoice.currency),
      currency: invoice.currency,
      orderId: typeof invoice.metadata?.orderId === 'string' ? invoice.metadata.orderId : undefined,
      overpaid: invoice.additionalStatus === 'PaidOver',
      crypto: method ? { currency: String(method.currency ?? method.paymentMethodId), expected: String(method.amount), paid: String(method.paymentMethodPaid ?? '0') } : undefined,
    };
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = Date.now();
    try {
      await this.call('GET', '', 'testConnection');
      return { ok: true, stages: [{ stage: 'authentication', ok: true, durationMs: Date.now() - started, detail: 'BTCPay Server accepted the API key for this store' }] };
    } catch (error) {
      const failure = error as PluginError;
      const stage = failure.code === 'AUTH_FAILED' ? 'authentication' : failure.code === 'FORBIDDEN' ? 'permissions' : 'http';
      return { ok: false, failedStage: stage, stages: [{ stage, ok: false, durationMs: Date.now() - started, detail: failure.message, hint: failure.hint }] };
    }
  }

  private async call<T>(method: 'GET' | 'POST', path: string, operation: string, json?: unknown, notFoundIsNull = false): Promise<T> {
    const response = await this.ctx.http.request({
      method,
      url: `${this.store}${path}`,
      json,
      headers: { authorization: `token ${this.config.apiKey}` },
      operation,
      secrets: [this.config.apiKey, this.config.webhookSecret],
      classify: (res) => (notFoundIsNull && res.status === 404 ? undefined : paymentHttpError('BTCPay Server', res, (body) => (body as { message?: string })?.message ?? (Array.isArray(body) ? JSON.stringify(body) : undefined))),
    });
    if (notFoundIsNull && response.status === 404) return null as T;
    return response.json<T>();
  }
}
