import type { ConnectionTestResult, PluginStateStore } from './panel';
import type { PluginHttpClient, PluginLogger } from './runtime';

export * from './payment-helpers';
export * from './payment-money';
export * from './payment-simulator-kit';

/**
 * Operations a payment plugin may implement; it lists the ones it does in `capabilities`.
 * `capture` is for providers where an approved payment must still be captured by the merchant (PayPal orders).
 */
export const PAYMENT_CAPABILITIES = ['createCheckout', 'parseWebhook', 'refund', 'getPayment', 'testConnection', 'capture'] as const;

export type PaymentCapability = (typeof PAYMENT_CAPABILITIES)[number];

export interface CheckoutInput {
  orderId: string;
  /** Amount in the currency's minor units (cents). */
  amountMinor: number;
  currency: string;
  description: string;
  customer: { id: string; email?: string | null; name?: string | null };
  successUrl?: string;
  cancelUrl?: string;
  /** Stable per logical checkout, passed to providers that support idempotent requests. */
  idempotencyKey: string;
  metadata?: Record<string, string>;
  /** Where the provider must send its webhooks/IPNs for this payment (providers that take it per payment). */
  webhookUrl?: string;
  /** Ask for a recurring payment (provider subscription) renewed every `count` `interval`s, where supported. */
  recurring?: { interval: 'day' | 'month'; count: number };
}

export interface CheckoutResult {
  providerPaymentId: string;
  /** Where to send the buyer (hosted checkout page / invoice). */
  redirectUrl?: string;
  expiresAt?: string | null;
  raw?: unknown;
}

/**
 * `payment.partial` is a crypto underpayment; `payment.pending` a progress notice (confirming…) the
 * hub records but does not act on; `ignored` a verified delivery of a type the hub does not use
 * (recorded and deduplicated, answered 2xx).
 */
export type PaymentEventType =
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.refunded'
  | 'payment.partially_paid'
  | 'payment.pending'
  | 'payment.partial'
  | 'subscription.renewed'
  | 'subscription.cancelled'
  | 'ignored';

/** Crypto amounts as the chain sees them: decimal strings, never floats. */
export interface CryptoAmounts {
  currency: string;
  /** What the buyer had to pay. */
  expected: string;
  /** What arrived so far. */
  paid: string;
}

/** A verified, normalised event from a provider webhook. */
export interface PaymentEvent {
  /** The provider's own event id (deduplication key). */
  providerEventId: string;
  type: PaymentEventType;
  providerPaymentId: string;
  orderId?: string;
  /**
   * The amount paid; on `payment.refunded` the total refunded so far as far as the provider says
   * (less than paid: a partial refund). A provider that reports each refund alone puts that
   * refund's amount here and names the refund in `refund`.
   */
  amountMinor?: number;
  currency?: string;
  occurredAt: string;
  raw?: unknown;
  /** The provider's own name of the event or status (`checkout.session.completed`, `finished`…). */
  providerEventType?: string;
  /** The provider's subscription (recurring agreement) the payment belongs to. */
  providerSubscriptionId?: string;
  /** More arrived than was asked for: still a success, flagged so workflows can credit the difference. */
  overpaid?: boolean;
  crypto?: CryptoAmounts;
  /**
   * The provider says no further change will follow (Cryptomus `is_final`, BTCPay expiry). On a
   * `payment.failed` it tells a failed checkout (session expired, invoice invalid: the order fails)
   * from one failed attempt (a declined card, one expired crypto payment of an invoice: the buyer
   * may still pay, the order stays open).
   */
  final?: boolean;
  /**
   * The signature has no timestamp: the hub must confirm the payment's status through
   * `getPayment` before acting on it (NOWPayments, Cryptomus).
   */
  confirmWithProvider?: boolean;
  /** The buyer approved; the merchant must `capture` the payment to receive the money (PayPal orders). */
  captureRequired?: boolean;
  /** Why a payment failed, was refunded or is partial, in the provider's words. */
  reason?: string;
  /**
   * Other ids the provider gives this same payment (Stripe: the PaymentIntent and charge behind a
   * Checkout Session or invoice). The hub remembers them with the order, so a later refund or
   * dispute that names only one of them finds the order.
   */
  paymentAliases?: string[];
  /**
   * On `payment.refunded`: the one refund this event reports, by the provider's own refund id and
   * this refund's amount alone (minor units, in `currency`). The hub adds up the distinct refunds
   * it has seen for the order, each id counted once (a redelivered or re-polled refund is not
   * counted twice), and takes the larger of that sum and `amountMinor`: a provider's running total
   * still wins, and two partial refunds reported one by one add up to a full refund.
   */
  refund?: PaymentRefund;
}

/** One refund at the provider (see `PaymentEvent.refund`). */
export interface PaymentRefund {
  /** The provider's id of the refund (PayPal refund id), stable across redeliveries. */
  id: string;
  /** This refund alone, in minor units. */
  amountMinor: number;
}

export interface WebhookInput {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  /** The account (configured payment provider instance) the webhook was addressed to. */
  accountId?: string;
}

export interface RefundInput {
  providerPaymentId: string;
  amountMinor?: number;
  reason?: string;
  idempotencyKey: string;
}

export interface PaymentStatus {
  providerPaymentId: string;
  status: 'pending' | 'paid' | 'failed' | 'refunded' | 'partially_paid';
  amountMinor?: number;
  currency?: string;
  raw?: unknown;
  /** The hub order the provider has this payment under (from the metadata the checkout set). */
  orderId?: string;
  overpaid?: boolean;
  crypto?: CryptoAmounts;
  providerSubscriptionId?: string;
  /** Other ids of this payment that a later refund or dispute may name (as `PaymentEvent.paymentAliases`). */
  paymentAliases?: string[];
}

/** The client a payment plugin returns. `parseWebhook` throws WEBHOOK_SIGNATURE_INVALID on a bad signature. */
export interface PaymentClient {
  createCheckout?(input: CheckoutInput): Promise<CheckoutResult>;
  parseWebhook?(input: WebhookInput): Promise<PaymentEvent[]>;
  refund?(input: RefundInput): Promise<PaymentStatus>;
  getPayment?(providerPaymentId: string): Promise<PaymentStatus | null>;
  /** Checks the credentials against the provider's API (stage `authentication` on a rejected key). */
  testConnection?(): Promise<ConnectionTestResult>;
  /** Captures an approved payment (PayPal orders); repeating it with the same key is harmless. */
  capture?(providerPaymentId: string, idempotencyKey: string): Promise<PaymentStatus>;
}

export interface PaymentPluginContext {
  http: PluginHttpClient;
  logger: PluginLogger;
  clock: { now(): Date };
  /**
   * Durable per-account state (provided by the hub; absent in hosts that have none), for provider
   * objects a plugin creates once and reuses (e.g. PayPal catalog plans of recurring checkouts).
   */
  state?: PluginStateStore;
}
