import { CheckoutInput, CheckoutResult, ConnectionTestResult, decimalToMinor, jsonObjectBody, minorToDecimal, PaymentClient, PaymentEvent, PaymentPluginContext, PaymentStatus, PluginError, RefundInput, WebhookInput } from '../../../core/plugins/sdk';
import { PayPalApi, PayPalApiConfig } from './paypal.api';
import { PayPalBilling } from './paypal.billing';
import { mapPayPalEvent, PayPalEventWire } from './paypal.events';
import { PayPalVerifierConfig, PayPalWebhookVerifier } from './paypal.verifier';

export type PayPalConfig = PayPalApiConfig & PayPalVerifierConfig & { successUrl?: string; cancelUrl?: string };

type Obj = Record<string, any>;

/** Subscription ids (`I-…`) tell a recurring checkout from an Orders v2 order. */
const SUBSCRIPTION_ID = /^I-[A-Z0-9]+$/;

/**
 * PayPal Orders v2 (create, capture, refund), the Subscriptions API for recurring checkouts
 * (see PayPalBilling) and REST webhooks.
 */
export class PayPalClient implements PaymentClient {
  private readonly api: PayPalApi;
  private readonly billing: PayPalBilling;
  private readonly verifier: PayPalWebhookVerifier;

  constructor(
    private readonly config: PayPalConfig,
    ctx: PaymentPluginContext,
  ) {
    this.api = new PayPalApi(config, ctx);
    this.billing = new PayPalBilling(this.api, ctx, config);
    this.verifier = new PayPalWebhookVerifier(config, ctx, this.api);
  }

  async createCheckout(input: CheckoutInput): Promise<CheckoutResult> {
    if (input.recurring) return this.billing.createSubscription(input);
    const order = await this.api.call<Obj>('POST', '/v2/checkout/orders', 'createCheckout', {
      requestId: input.idempotencyKey,
      json: {
        intent: 'CAPTURE',
        purchase_units: [{ reference_id: input.orderId, custom_id: input.orderId, description: input.description.slice(0, 127), amount: { currency_code: input.currency.toUpperCase(), value: minorToDecimal(input.amountMinor, input.currency) } }],
        application_context: { return_url: input.successUrl ?? this.config.successUrl, cancel_url: input.cancelUrl ?? this.config.cancelUrl, user_action: 'PAY_NOW' },
      },
    });
    const approve = (order.links as Obj[] | undefined)?.find((link) => link.rel === 'approve' || link.rel === 'payer-action');
    return { providerPaymentId: order.id, redirectUrl: approve?.href };
  }

  async parseWebhook(input: WebhookInput): Promise<PaymentEvent[]> {
    await this.verifier.verify(input);
    const event = jsonObjectBody('PayPal', input.rawBody) as unknown as PayPalEventWire;
    return [mapPayPalEvent(event)];
  }

  async capture(orderId: string, idempotencyKey: string): Promise<PaymentStatus> {
    await this.api.call<Obj>('POST', `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`, 'capture', {
      requestId: idempotencyKey,
      // A capture repeated after a lost answer finds the order captured already: that is success.
      accept: (res) => res.status === 422 && res.body.includes('ORDER_ALREADY_CAPTURED'),
    });
    return (await this.getPayment(orderId)) as PaymentStatus;
  }

  async getPayment(orderId: string): Promise<PaymentStatus | null> {
    if (SUBSCRIPTION_ID.test(orderId)) return this.billing.subscriptionPayment(orderId);
    const order = await this.api.call<Obj>('GET', `/v2/checkout/orders/${encodeURIComponent(orderId)}`, 'getPayment', { accept: (res) => res.status === 404 });
    if (!order?.id) return null;
    const unit = order.purchase_units?.[0] ?? {};
    const capture = unit.payments?.captures?.[0];
    const amount = unit.amount ?? {};
    const status: PaymentStatus['status'] =
      capture?.status === 'REFUNDED' ? 'refunded' : capture?.status === 'COMPLETED' || order.status === 'COMPLETED' ? 'paid' : capture?.status === 'DECLINED' || order.status === 'VOIDED' ? 'failed' : 'pending';
    return { providerPaymentId: order.id, status, amountMinor: amount.value ? decimalToMinor(amount.value, amount.currency_code) : undefined, currency: amount.currency_code, orderId: unit.custom_id ?? undefined };
  }

  async refund(input: RefundInput): Promise<PaymentStatus> {
    if (SUBSCRIPTION_ID.test(input.providerPaymentId)) {
      // A recurring checkout: its first payment is the sale to refund (renewal orders carry their own sale id).
      const first = await this.billing.subscriptionPayment(input.providerPaymentId);
      if (!first || first.providerPaymentId === input.providerPaymentId) throw new PluginError('INVALID_INPUT', `PayPal subscription ${input.providerPaymentId} has no payment to refund`);
      return this.refundSale({ ...input, providerPaymentId: first.providerPaymentId }, first.currency);
    }
    const order = await this.api.call<Obj>('GET', `/v2/checkout/orders/${encodeURIComponent(input.providerPaymentId)}`, 'refund', { accept: (res) => res.status === 404 });
    if (!order?.id) return this.refundSale(input);
    const unit = order.purchase_units?.[0] ?? {};
    const capture = unit.payments?.captures?.[0];
    if (!capture) throw new PluginError('INVALID_INPUT', `PayPal order ${input.providerPaymentId} has no capture to refund`);
    const currency = unit.amount?.currency_code;
    const body = input.amountMinor === undefined ? {} : { amount: { currency_code: currency, value: minorToDecimal(input.amountMinor, currency) }, note_to_payer: input.reason };
    const refund = await this.api.call<Obj>('POST', `/v2/payments/captures/${encodeURIComponent(capture.id)}/refund`, 'refund', { requestId: input.idempotencyKey, json: body });
    return { providerPaymentId: input.providerPaymentId, status: refund.status === 'COMPLETED' || refund.status === 'PENDING' ? 'refunded' : 'paid', amountMinor: refund.amount ? decimalToMinor(refund.amount.value, refund.amount.currency_code) : undefined, currency };
  }

  /** Refunds a subscription's sale (Payments v1); the amount needs the currency, which the refund answer names too. */
  private async refundSale(input: RefundInput, currency?: string): Promise<PaymentStatus> {
    if (input.amountMinor !== undefined && !currency) throw new PluginError('INVALID_INPUT', 'A partial refund of a PayPal sale needs the currency');
    const amount = input.amountMinor !== undefined && currency ? { value: minorToDecimal(input.amountMinor, currency), currency } : undefined;
    const refund = await this.billing.refundSale(input.providerPaymentId, input.idempotencyKey, amount);
    const money = refund.amount && typeof refund.amount.total === 'string' && typeof refund.amount.currency === 'string' ? { amountMinor: decimalToMinor(refund.amount.total, refund.amount.currency), currency: refund.amount.currency.toUpperCase() } : {};
    return { providerPaymentId: input.providerPaymentId, status: refund.status === 'completed' || refund.status === 'pending' ? 'refunded' : 'paid', ...money };
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = Date.now();
    try {
      await this.api.accessToken();
      return { ok: true, stages: [{ stage: 'authentication', ok: true, durationMs: Date.now() - started, detail: 'PayPal issued an access token for the client id and secret' }] };
    } catch (error) {
      const failure = error as PluginError;
      const stage = failure.code === 'AUTH_FAILED' ? 'authentication' : 'http';
      return { ok: false, failedStage: stage, stages: [{ stage, ok: false, durationMs: Date.now() - started, detail: failure.message, hint: failure.hint }] };
    }
  }
}
