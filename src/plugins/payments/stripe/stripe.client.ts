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

  /**
   * A session, invoice or PaymentIntent as a payment status. A paid one is checked for a refund:
   * Stripe leaves sessions, invoices and PaymentIntents `paid`/`succeeded` after a refund, only
   * the charge says it (`refunded`, `amount_refunded`). A subscription-mode session has no
   * PaymentIntent of its own: its first invoice's payment is the one. The payment's PaymentIntent
   * and charge come back as `paymentAliases`, so a later refund webhook naming them finds the order.
   */
  async getPayment(providerPaymentId: string): Promise<PaymentStatus | null> {
    const path = providerPaymentId.startsWith('in_') ? 'invoices' : providerPaymentId.startsWith('pi_') ? 'payment_intents' : 'checkout/sessions';
    const object = await this.call<Record<string, any> | null>('GET', `/v1/${path}/${encodeURIComponent(providerPaymentId)}`, { operation: 'getPayment', notFoundIsNull: true });
    if (!object) return null;
    const currency = typeof object.currency === 'string' ? object.currency.toUpperCase() : undefined;
    const orderId = object.client_reference_id ?? object.metadata?.[ORDER_KEY] ?? undefined;
    if (path === 'invoices') {
      const status = object.status === 'paid' ? 'paid' : object.status === 'void' || object.status === 'uncollectible' ? 'failed' : 'pending';
      const base: PaymentStatus = { providerPaymentId, status, amountMinor: object.amount_paid, currency, orderId };
      return status === 'paid' ? this.withRefund(base, await this.invoicePayment(object)) : base;
    }
    if (path === 'payment_intents') {
      const status = object.status === 'succeeded' ? 'paid' : object.status === 'canceled' ? 'failed' : 'pending';
      const base: PaymentStatus = { providerPaymentId, status, amountMinor: object.amount_received ?? object.amount, currency, orderId };
      return status === 'paid' ? this.withRefund(base, { intent: object }) : base;
    }
    const status = object.payment_status === 'paid' || object.payment_status === 'no_payment_required' ? 'paid' : object.status === 'expired' ? 'failed' : 'pending';
    const base: PaymentStatus = { providerPaymentId, status, amountMinor: object.amount_total, currency, orderId, providerSubscriptionId: idOf(object.subscription) };
    if (status !== 'paid') return base;
    // A session stays `paid` after its payment was refunded (a refund whose paid webhook never arrived).
    const paymentIntent = idOf(object.payment_intent);
    if (paymentIntent) return this.withRefund(base, { paymentIntent });
    const invoice = idOf(object.invoice);
    return invoice ? this.withRefund(base, await this.invoicePayment(invoice)) : base;
  }

  /** The PaymentIntent and charge that paid an invoice: named on it (API before 2025-03-31), else listed by `/v1/invoice_payments`. */
  private async invoicePayment(invoiceOrId: Record<string, any> | string): Promise<{ paymentIntent?: string; charge?: string }> {
    const invoice = typeof invoiceOrId === 'string' ? await this.call<Record<string, any> | null>('GET', `/v1/invoices/${encodeURIComponent(invoiceOrId)}`, { operation: 'getPayment', notFoundIsNull: true }) : invoiceOrId;
    if (!invoice) return {};
    const named = { paymentIntent: idOf(invoice.payment_intent), charge: idOf(invoice.charge) };
    if (named.paymentIntent || named.charge) return named;
    let payments: unknown[] | undefined = Array.isArray(invoice.payments?.data) ? invoice.payments.data : undefined;
    if (!payments && typeof invoice.id === 'string') {
      const listed = await this.call<Record<string, any> | null>('GET', `/v1/invoice_payments?${new URLSearchParams({ invoice: invoice.id, limit: '10' }).toString()}`, { operation: 'getPayment', notFoundIsNull: true });
      payments = Array.isArray(listed?.data) ? listed.data : [];
    }
    const paid = (payments ?? []).filter((entry): entry is Record<string, any> => !!entry && typeof entry === 'object');
    const payment = (paid.find((entry) => entry.status === 'paid') ?? paid[0])?.payment ?? {};
    return { paymentIntent: idOf(payment.payment_intent), charge: idOf(payment.charge) };
  }

  /** The status as `refunded` (amount: refunded so far) when the payment's charge was refunded in full; with the payment's ids as aliases. */
  private async withRefund(status: PaymentStatus, payment: { paymentIntent?: string; charge?: string; intent?: Record<string, any> }): Promise<PaymentStatus> {
    let intent = payment.intent;
    const paymentIntent = payment.paymentIntent ?? idOf(intent?.id);
    let charge: Record<string, any> | null = null;
    let chargeId = payment.charge;
    if (!chargeId && paymentIntent) {
      intent ??= (await this.call<Record<string, any> | null>('GET', `/v1/payment_intents/${encodeURIComponent(paymentIntent)}`, { operation: 'getPayment', notFoundIsNull: true })) ?? undefined;
      // `latest_charge` since API 2022-11-15; before it the PaymentIntent listed its charges in full.
      chargeId = idOf(intent?.latest_charge);
      const listed = intent?.charges?.data?.[0];
      if (!chargeId && listed && typeof listed === 'object') charge = listed as Record<string, any>;
    }
    if (chargeId) charge = await this.call<Record<string, any> | null>('GET', `/v1/charges/${encodeURIComponent(chargeId)}`, { operation: 'getPayment', notFoundIsNull: true });
    const aliases = [...new Set([paymentIntent, chargeId ?? idOf(charge?.id)].filter((id): id is string => id !== undefined && id !== status.providerPaymentId))];
    const withAliases = aliases.length > 0 ? { ...status, paymentAliases: aliases } : status;
    const refunded = charge ? refundedInFull(charge) : null;
    return refunded === null ? withAliases : { ...withAliases, status: 'refunded', amountMinor: refunded };
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

/**
 * The amount refunded when a charge was refunded in full (`refunded: true`, or `amount_refunded`
 * reaching what was captured), else null: a partial refund leaves the payment paid.
 */
function refundedInFull(charge: Record<string, any>): number | null {
  const captured = typeof charge.amount_captured === 'number' ? charge.amount_captured : typeof charge.amount === 'number' ? charge.amount : 0;
  const refunded = typeof charge.amount_refunded === 'number' ? charge.amount_refunded : 0;
  if (charge.refunded === true) return refunded > 0 ? refunded : captured;
  return captured > 0 && refunded >= captured ? refunded : null;
}

/** An id Stripe gives as a string or, expanded, as the object. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return undefined;
}
