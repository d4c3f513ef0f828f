import Stripe from 'stripe';
import {
  CheckoutInput,
  CheckoutResult,
  ConnectionTestResult,
  headerValue,
  PaymentClient,
  PaymentEvent,
  PaymentPluginContext,
  PaymentStatus,
  paymentHttpError,
  PluginError,
  PluginHttpResponse,
  RefundInput,
  signatureInvalid,
  WebhookInput,
  WireFields,
} from '../../../core/plugins/sdk';
import { mapStripeEvent, ORDER_KEY, StripeEventWire } from './stripe.events';

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  apiBaseUrl?: string;
  successUrl?: string;
  cancelUrl?: string;
}

/** Stripe's own default (stripe-node `DEFAULT_TOLERANCE`): older signatures are replays. */
export const STRIPE_TOLERANCE_SECONDS = 300;

/**
 * Stripe through its REST API (form-encoded, `Authorization: Bearer sk_…`, `Idempotency-Key`)
 * over the hub's `ctx.http`, and webhooks verified by the official `stripe` package
 * (`webhooks.constructEvent`, HMAC-SHA256 over `t.rawBody`, constant-time, 300 s tolerance).
 */
export class StripeClient implements PaymentClient {
  private readonly base: string;

  constructor(
    private readonly config: StripeConfig,
    private readonly ctx: PaymentPluginContext,
  ) {
    this.base = (config.apiBaseUrl ?? 'https://api.stripe.com').replace(/\/$/, '');
  }

  async createCheckout(input: CheckoutInput): Promise<CheckoutResult> {
    const successUrl = input.successUrl ?? this.config.successUrl;
    if (!successUrl) throw new PluginError('INVALID_INPUT', 'Stripe Checkout needs a success URL: pass successUrl or configure one on the payment account');
    const recurring = input.recurring;
    const form: WireFields = {
      mode: recurring ? 'subscription' : 'payment',
      'line_items[0][quantity]': 1,
      'line_items[0][price_data][currency]': input.currency.toLowerCase(),
      'line_items[0][price_data][unit_amount]': input.amountMinor,
      'line_items[0][price_data][product_data][name]': input.description,
      success_url: successUrl,
      cancel_url: input.cancelUrl ?? this.config.cancelUrl,
      client_reference_id: input.orderId,
      [`metadata[${ORDER_KEY}]`]: input.orderId,
      customer_email: input.customer.email ?? undefined,
    };
    if (recurring) {
      form['line_items[0][price_data][recurring][interval]'] = recurring.interval;
      form['line_items[0][price_data][recurring][interval_count]'] = recurring.count;
      form[`subscription_data[metadata][${ORDER_KEY}]`] = input.orderId;
    } else {
      form[`payment_intent_data[metadata][${ORDER_KEY}]`] = input.orderId;
    }
    for (const [key, value] of Object.entries(input.metadata ?? {})) form[`metadata[${key}]`] = value;
    // Stripe replays the first answer for the same Idempotency-Key, so the POST may be retried.
    const session = await this.call<Record<string, any>>('POST', '/v1/checkout/sessions', { form, idempotencyKey: input.idempotencyKey, operation: 'createCheckout' });
    return { providerPaymentId: session.id, redirectUrl: session.url, expiresAt: typeof session.expires_at === 'number' ? new Date(session.expires_at * 1000).toISOString() : null };
  }

  async parseWebhook(input: WebhookInput): Promise<PaymentEvent[]> {
    const header = headerValue(input.headers, 'stripe-signature');
    if (!header) throw signatureInvalid('Stripe', 'no Stripe-Signature header');
    let event: StripeEventWire;
    try {
      const receivedAt = this.ctx.clock.now().getTime();
      event = Stripe.webhooks.constructEvent(input.rawBody, header, this.config.webhookSecret, STRIPE_TOLERANCE_SECONDS, undefined, receivedAt) as unknown as StripeEventWire;
    } catch (error) {
      throw signatureInvalid('Stripe', (error as Error).message.split('\n')[0]);
    }
    return [mapStripeEvent(event)];
  }

  async getPayment(providerPaymentId: string): Promise<PaymentStatus | null> {
    const path = providerPaymentId.startsWith('in_') ? 'invoices' : providerPaymentId.startsWith('pi_') ? 'payment_intents' : 'checkout/sessions';
    const object = await this.call<Record<string, any> | null>('GET', `/v1/${path}/${encodeURIComponent(providerPaymentId)}`, { operation: 'getPayment', notFoundIsNull: true });
    if (!object) return null;
    const currency = typeof object.currency === 'string' ? object.currency.toUpperCase() : undefined;
    const orderId = object.client_reference_id ?? object.metadata?.[ORDER_KEY] ?? undefined;
    if (path === 'invoices') return { providerPaymentId, status: object.status === 'paid' ? 'paid' : object.status === 'void' || object.status === 'uncollectible' ? 'failed' : 'pending', amountMinor: object.amount_paid, currency, orderId };
    if (path === 'payment_intents') {
      const refunded = refundedInFull(object);
      if (refunded !== null) return { providerPaymentId, status: 'refunded', amountMinor: refunded, currency, orderId };
      const status = object.status === 'succeeded' ? 'paid' : object.status === 'canceled' ? 'failed' : 'pending';
      return { providerPaymentId, status, amountMinor: object.amount_received ?? object.amount, currency, orderId };
    }
    const status = object.payment_status === 'paid' || object.payment_status === 'no_payment_required' ? 'paid' : object.status === 'expired' ? 'failed' : 'pending';
    const paymentIntent = typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent?.id;
    if (status === 'paid' && typeof paymentIntent === 'string') {
      // A session stays `paid` after its payment was refunded: only the PaymentIntent knows (a refund whose paid webhook never arrived).
      const intent = await this.call<Record<string, any> | null>('GET', `/v1/payment_intents/${encodeURIComponent(paymentIntent)}`, { operation: 'getPayment', notFoundIsNull: true });
      const refunded = intent ? refundedInFull(intent) : null;
      if (refunded !== null) return { providerPaymentId, status: 'refunded', amountMinor: refunded, currency, orderId, providerSubscriptionId: object.subscription ?? undefined };
    }
    return { providerPaymentId, status, amountMinor: object.amount_total, currency, orderId, providerSubscriptionId: object.subscription ?? undefined };
  }

  async refund(input: RefundInput): Promise<PaymentStatus> {
    let paymentIntent = input.providerPaymentId;
    if (!paymentIntent.startsWith('pi_')) {
      const session = await this.call<Record<string, any>>('GET', `/v1/checkout/sessions/${encodeURIComponent(paymentIntent)}`, { operation: 'refund' });
      if (typeof session.payment_intent !== 'string') throw new PluginError('INVALID_INPUT', `Checkout session ${paymentIntent} has no payment to refund`);
      paymentIntent = session.payment_intent;
    }
    const refund = await this.call<Record<string, any>>('POST', '/v1/refunds', { form: { payment_intent: paymentIntent, amount: input.amountMinor, 'metadata[reason]': input.reason }, idempotencyKey: input.idempotencyKey, operation: 'refund' });
    return { providerPaymentId: input.providerPaymentId, status: refund.status === 'failed' || refund.status === 'canceled' ? 'paid' : 'refunded', amountMinor: refund.amount, currency: String(refund.currency ?? '').toUpperCase() || undefined };
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = Date.now();
    try {
      await this.call('GET', '/v1/balance', { operation: 'testConnection' });
      return { ok: true, stages: [{ stage: 'authentication', ok: true, durationMs: Date.now() - started, detail: 'Stripe accepted the secret key' }] };
    } catch (error) {
      const failure = error as PluginError;
      const stage = failure.code === 'AUTH_FAILED' || failure.code === 'FORBIDDEN' ? 'authentication' : 'http';
      return { ok: false, failedStage: stage, stages: [{ stage, ok: false, durationMs: Date.now() - started, detail: failure.message, hint: failure.hint }] };
    }
  }

  private async call<T>(method: 'GET' | 'POST', path: string, options: { form?: WireFields; idempotencyKey?: string; operation: string; notFoundIsNull?: boolean }): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.secretKey}` };
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response: PluginHttpResponse = await this.ctx.http.request({
      method,
      url: `${this.base}${path}`,
      form: options.form,
      headers,
      operation: options.operation,
      secrets: [this.config.secretKey],
      retry: method === 'GET' || options.idempotencyKey !== undefined,
      classify: (res) => (options.notFoundIsNull && res.status === 404 ? undefined : paymentHttpError('Stripe', res, (body) => (body as { error?: { message?: string } })?.error?.message)),
    });
    if (options.notFoundIsNull && response.status === 404) return null as T;
    return response.json<T>();
  }
}

/** The amount refunded when a PaymentIntent was refunded in full, else null (a partial refund leaves it paid). */
function refundedInFull(intent: Record<string, any>): number | null {
  const received = typeof intent.amount_received === 'number' ? intent.amount_received : 0;
  const refunded = typeof intent.amount_refunded === 'number' ? intent.amount_refunded : 0;
  return received > 0 && refunded >= received ? refunded : null;
}
