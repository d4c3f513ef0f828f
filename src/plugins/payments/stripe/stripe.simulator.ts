import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { SignedWebhook, SimRequest, SimResponse, SimulatorClock, SimulatorFaults, SimulatorServer, WebhookOutbox } from '../../../core/plugins/sdk';
import type { StripeEventWire } from './stripe.events';

export interface StripeSimulatorOptions {
  secretKey?: string;
  webhookSecret?: string;
  /** Stripe retries failed deliveries with backoff for days; tests shrink it. */
  retryDelaysMs?: number[];
  /**
   * The account's API version as the REST answers show it. `2025-03-31.basil` and later: an
   * invoice read through the API names its payment only through `GET /v1/invoice_payments`
   * (no `payment_intent` / `charge` on it). Events keep the older shape either way.
   */
  apiVersion?: '2025-01-27.acacia' | '2025-03-31.basil';
}

type Obj = Record<string, any>;

const ORDER_KEY = 'hub_order_id';

/**
 * Stripe's API as the plugin uses it — Checkout Sessions, PaymentIntents, invoices,
 * subscriptions, refunds, balance — in memory on 127.0.0.1: Bearer keys (401 `Invalid API Key
 * provided`), form-encoded bodies with bracketed keys, `Idempotency-Key` replays, Stripe's error
 * envelope. Paying, renewing, refunding and cancelling are test controls that emit the events
 * Stripe would, signed with `stripe.webhooks.generateTestHeaderString` (re-signed on each retry,
 * as Stripe does) and delivered through an outbox that can duplicate, reorder or delay them.
 */
export class StripeSimulator {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly clock = new SimulatorClock();
  readonly webhooks: WebhookOutbox;
  readonly sessions = new Map<string, Obj>();
  readonly paymentIntents = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly subscriptions = new Map<string, Obj>();
  readonly events: StripeEventWire[] = [];
  readonly apiVersion: string;
  private readonly idempotent = new Map<string, SimResponse>();

  private constructor(
    private readonly server: SimulatorServer,
    options: StripeSimulatorOptions,
  ) {
    this.secretKey = options.secretKey ?? `sk_test_${token(24)}`;
    this.webhookSecret = options.webhookSecret ?? `whsec_${token(32)}`;
    this.webhooks = new WebhookOutbox({ retryDelaysMs: options.retryDelaysMs });
    this.apiVersion = options.apiVersion ?? '2025-01-27.acacia';
  }

  static async start(options: StripeSimulatorOptions = {}): Promise<StripeSimulator> {
    const server = await SimulatorServer.start({ handle: (request) => sim.handle(request), serverError: () => stripeError(500, 'api_error', 'An unknown error occurred') });
    const sim: StripeSimulator = new StripeSimulator(server, options);
    return sim;
  }

  get url(): string {
    return this.server.url;
  }

  get credentials(): { secretKey: string; webhookSecret: string; apiBaseUrl: string } {
    return { secretKey: this.secretKey, webhookSecret: this.webhookSecret, apiBaseUrl: this.url };
  }

  setFaults(faults: Partial<SimulatorFaults>): void {
    this.server.setFaults(faults);
  }

  async close(): Promise<void> {
    await this.webhooks.close();
    await this.server.close();
  }

  /** The buyer completes Checkout: the session is paid and Stripe's events follow. Returns them (first: checkout.session.completed). */
  paySession(sessionId: string): StripeEventWire[] {
    const session = this.mustGet(this.sessions, sessionId);
    const now = this.clock.nowSeconds();
    const pi = this.newPaymentIntent(session.amount_total, session.currency, session.mode === 'payment' ? session.payment_intent_metadata : {});
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = session.mode === 'payment' ? pi.id : null;
    const events = [this.emit('checkout.session.completed', session)];
    if (session.mode === 'subscription') {
      const subscription = { id: `sub_${token(14)}`, object: 'subscription', status: 'active', metadata: session.subscription_metadata, current_period_start: now, items: { data: [{ price: session.price }] } };
      this.subscriptions.set(subscription.id, subscription);
      session.subscription = subscription.id;
      const invoice = this.newInvoice(subscription, 'subscription_create', session.amount_total, session.currency, pi.id);
      // The session names the invoice it created (its PaymentIntent is the invoice's, not the session's).
      session.invoice = invoice.id;
      events.push(this.emit('invoice.paid', invoice));
    } else {
      events.push(this.emit('payment_intent.succeeded', pi));
    }
    return events;
  }

  /** A new billing period of a subscription is paid: `invoice.paid` with billing_reason `subscription_cycle`. */
  renewSubscription(subscriptionId: string): StripeEventWire {
    const subscription = this.mustGet(this.subscriptions, subscriptionId);
    const price = subscription.items.data[0].price;
    const pi = this.newPaymentIntent(price.unit_amount, price.currency, {});
    return this.emit('invoice.paid', this.newInvoice(subscription, 'subscription_cycle', price.unit_amount, price.currency, pi.id));
  }

  /** Refunds (all of) a payment from the dashboard: `charge.refunded`. The charge then says `refunded: true`; the session, invoice and PaymentIntent still say paid. */
  refundPayment(paymentIntentId: string): StripeEventWire {
    const pi = this.mustGet(this.paymentIntents, paymentIntentId);
    pi.amount_refunded = pi.amount_received;
    return this.emit('charge.refunded', this.chargeOf(pi));
  }

  cancelSubscription(subscriptionId: string): StripeEventWire {
    const subscription = this.mustGet(this.subscriptions, subscriptionId);
    subscription.status = 'canceled';
    return this.emit('customer.subscription.deleted', subscription);
  }

  /** An event of a type the hub does not use (e.g. `customer.created`). */
  otherEvent(type = 'customer.created'): StripeEventWire {
    return this.emit(type, { id: `cus_${token(14)}`, object: 'customer' });
  }

  /** The delivery Stripe would make for an event, signed now (or at `timestamp`, unix seconds). */
  signed(event: StripeEventWire, options: { timestamp?: number; secret?: string } = {}): SignedWebhook {
    const body = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? this.webhookSecret, timestamp: options.timestamp ?? this.clock.nowSeconds() });
    return { headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' }, body };
  }

  /** Sends an event again (a redelivery from the dashboard). */
  redeliver(event: StripeEventWire): void {
    this.webhooks.send(() => this.signed(event));
  }

  private emit(type: string, object: Obj): StripeEventWire {
    const event = { id: `evt_${token(24)}`, object: 'event', api_version: '2025-01-27.acacia', created: this.clock.nowSeconds(), data: { object: structuredClone(object) }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type } as unknown as StripeEventWire;
    this.events.push(event);
    this.webhooks.send(() => this.signed(event));
    return event;
  }

  private newPaymentIntent(amount: number, currency: string, metadata: Obj): Obj {
    // `amount_refunded` is the simulator's own book-keeping: Stripe shows it on the charge only (see `chargeOf`, publicView).
    const pi = { id: `pi_${token(24)}`, object: 'payment_intent', amount, amount_received: amount, amount_refunded: 0, currency, status: 'succeeded', metadata: { ...metadata }, latest_charge: `ch_${token(24)}` };
    this.paymentIntents.set(pi.id, pi);
    return pi;
  }

  private chargeOf(pi: Obj): Obj {
    // Stripe copies the PaymentIntent's metadata onto the charges it creates.
    return { id: pi.latest_charge, object: 'charge', amount: pi.amount, amount_captured: pi.amount_received, amount_refunded: pi.amount_refunded, captured: true, paid: true, status: 'succeeded', currency: pi.currency, payment_intent: pi.id, refunded: pi.amount_refunded >= pi.amount, metadata: { ...pi.metadata } };
  }

  private newInvoice(subscription: Obj, reason: string, amount: number, currency: string, paymentIntent: string): Obj {
    const invoice = {
      id: `in_${token(24)}`,
      object: 'invoice',
      status: 'paid',
      billing_reason: reason,
      amount_due: amount,
      amount_paid: amount,
      currency,
      payment_intent: paymentIntent,
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id, metadata: { ...subscription.metadata } } },
      period_start: this.clock.nowSeconds(),
    };
    this.invoices.set(invoice.id, invoice);
    subscription.latest_invoice = invoice.id;
    return invoice;
  }

  private mustGet(map: Map<string, Obj>, id: string): Obj {
    const found = map.get(id);
    if (!found) throw new Error(`Stripe simulator: no ${id}`);
    return found;
  }

  private handle(request: SimRequest): SimResponse {
    const auth = request.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (key !== this.secretKey) return stripeError(401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`);
    const idempotencyKey = request.headers['idempotency-key'];
    const replayKey = typeof idempotencyKey === 'string' && request.method === 'POST' ? `${request.path}\n${idempotencyKey}` : undefined;
    const replay = replayKey ? this.idempotent.get(replayKey) : undefined;
    if (replay) return { ...replay, headers: { ...replay.headers, 'idempotent-replayed': 'true' } };
    const response = this.route(request);
    if (replayKey && response.status < 500) this.idempotent.set(replayKey, response);
    return response;
  }

  private route(request: SimRequest): SimResponse {
    const { method, path } = request;
    if (method === 'GET' && path === '/v1/balance') return ok({ object: 'balance', available: [{ amount: 0, currency: 'eur' }], pending: [], livemode: false });
    if (method === 'POST' && path === '/v1/checkout/sessions') return this.createSession(request.form);
    if (method === 'POST' && path === '/v1/refunds') return this.createRefund(request.form);
    if (method === 'GET' && path === '/v1/invoice_payments') return this.invoicePayments(request.query);
    const charge = /^\/v1\/charges\/([^/]+)$/.exec(path);
    if (method === 'GET' && charge) {
      const pi = [...this.paymentIntents.values()].find((candidate) => candidate.latest_charge === charge[1]);
      return pi ? ok(this.chargeOf(pi)) : stripeError(404, 'invalid_request_error', `No such charge: '${charge[1]}'`, 'resource_missing');
    }
    const match = /^\/v1\/(checkout\/sessions|payment_intents|invoices|subscriptions)\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      const store = { 'checkout/sessions': this.sessions, payment_intents: this.paymentIntents, invoices: this.invoices, subscriptions: this.subscriptions }[match[1] as 'invoices'];
      const found = store.get(match[2]);
      if (!found) return stripeError(404, 'invalid_request_error', `No such ${match[1].replace('checkout/', '').replace(/s$/, '')}: '${match[2]}'`, 'resource_missing');
      const view = publicView(found);
      // basil and later: an invoice's payments are their own resource (`/v1/invoice_payments`).
      if (match[1] === 'invoices' && this.apiVersion >= '2025-03-31') delete view.payment_intent;
      return ok(view);
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  private createSession(form: URLSearchParams): SimResponse {
    const mode = form.get('mode');
    const currency = form.get('line_items[0][price_data][currency]');
    const amount = Number(form.get('line_items[0][price_data][unit_amount]'));
    if (mode !== 'payment' && mode !== 'subscription') return stripeError(400, 'invalid_request_error', 'Missing required param: mode.', 'parameter_missing', 'mode');
    if (!form.get('success_url')) return stripeError(400, 'invalid_request_error', 'Missing required param: success_url.', 'parameter_missing', 'success_url');
    if (!currency || !Number.isInteger(amount) || amount < 0) return stripeError(400, 'invalid_request_error', 'Invalid integer: line_items[0][price_data][unit_amount]', 'parameter_invalid_integer');
    const id = `cs_test_${token(40)}`;
    const interval = form.get('line_items[0][price_data][recurring][interval]');
    const session = {
      id,
      object: 'checkout.session',
      mode,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      currency,
      client_reference_id: form.get('client_reference_id'),
      customer_email: form.get('customer_email'),
      metadata: bracketed(form, 'metadata'),
      payment_intent_metadata: bracketed(form, 'payment_intent_data[metadata]'),
      subscription_metadata: bracketed(form, 'subscription_data[metadata]'),
      price: { unit_amount: amount, currency, recurring: interval ? { interval, interval_count: Number(form.get('line_items[0][price_data][recurring][interval_count]') ?? 1) } : null },
      success_url: form.get('success_url'),
      cancel_url: form.get('cancel_url'),
      url: `${this.url}/c/pay/${id}`,
      expires_at: this.clock.nowSeconds() + 24 * 3600,
      payment_intent: null,
      invoice: null,
      subscription: null,
    };
    this.sessions.set(id, session);
    return ok(publicView(session));
  }

  /** `GET /v1/invoice_payments?invoice=in_…` (API 2025-03-31 and later): the payments of an invoice. */
  private invoicePayments(query: URLSearchParams): SimResponse {
    const invoice = this.invoices.get(query.get('invoice') ?? '');
    const data = invoice
      ? [{ id: `inpay_${token(20)}`, object: 'invoice_payment', amount_paid: invoice.amount_paid, amount_requested: invoice.amount_due, currency: invoice.currency, invoice: invoice.id, is_default: true, livemode: false, payment: { type: 'payment_intent', payment_intent: invoice.payment_intent }, status: 'paid' }]
      : [];
    return ok({ object: 'list', data, has_more: false, url: '/v1/invoice_payments' });
  }

  private createRefund(form: URLSearchParams): SimResponse {
    const pi = this.paymentIntents.get(form.get('payment_intent') ?? '');
    if (!pi) return stripeError(400, 'invalid_request_error', `No such payment_intent: '${form.get('payment_intent')}'`, 'resource_missing', 'payment_intent');
    const amount = form.get('amount') ? Number(form.get('amount')) : pi.amount_received - pi.amount_refunded;
    if (amount > pi.amount_received - pi.amount_refunded) return stripeError(400, 'invalid_request_error', 'Refund amount is greater than unrefunded amount on charge', 'amount_too_large', 'amount');
    pi.amount_refunded += amount;
    this.emit('charge.refunded', this.chargeOf(pi));
    return ok({ id: `re_${token(24)}`, object: 'refund', amount, currency: pi.currency, payment_intent: pi.id, status: 'succeeded' });
  }
}

function publicView(object: Obj): Obj {
  const { payment_intent_metadata: _pi, subscription_metadata: _sub, price: _price, ...rest } = object;
  // A PaymentIntent has no `amount_refunded` at Stripe: refunds show on its charge.
  if (rest.object === 'payment_intent') delete rest.amount_refunded;
  return rest;
}

function bracketed(form: URLSearchParams, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const start = `${prefix}[`;
  for (const [key, value] of form) if (key.startsWith(start) && key.endsWith(']') && !key.slice(start.length, -1).includes('[')) out[key.slice(start.length, -1)] = value;
  return out;
}

function ok(body: unknown): SimResponse {
  return { status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'request-id': `req_${token(14)}` } };
}

function stripeError(status: number, type: string, message: string, code?: string, param?: string): SimResponse {
  return { status, body: JSON.stringify({ error: { type, message, code, param } }), headers: { 'content-type': 'application/json', 'request-id': `req_${token(14)}` } };
}

function token(length: number): string {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length);
}

export { ORDER_KEY as STRIPE_ORDER_KEY };
