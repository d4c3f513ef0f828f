import { randomBytes, randomUUID } from 'node:crypto';
import { decimalToMinor, isDecimalString, minorToDecimal, SignedWebhook, SimRequest, SimResponse, SimulatorClock, SimulatorFaults, SimulatorServer, WebhookOutbox } from '../../../core/plugins/sdk';
import { PayPalBillingSimulator } from './paypal-billing.simulator';
import { SIMULATOR_CERT_PEM, SIMULATOR_KEY_PEM } from './paypal.simulator-cert';
import { paypalSignedMessage, signPayPalMessage } from './paypal.signature';

export interface PayPalSimulatorOptions {
  clientId?: string;
  clientSecret?: string;
  webhookId?: string;
  retryDelaysMs?: number[];
}

type Obj = Record<string, any>;

/**
 * PayPal's REST API as the plugin uses it: OAuth2 client credentials, Orders v2 (create with
 * PayPal-Request-Id replay, approve → capture, refunds), catalog products, plans and
 * subscriptions (`billing`: see PayPalBillingSimulator), verify-webhook-signature, and the
 * message-verification certificate served for PAYPAL-CERT-URL. Webhooks are signed as PayPal
 * signs them (RSA-SHA256 over `id|time|webhookId|crc32(body)`), re-signed per transmission.
 */
export class PayPalSimulator {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly webhookId: string;
  readonly clock = new SimulatorClock();
  readonly webhooks: WebhookOutbox;
  readonly orders = new Map<string, Obj>();
  /** Products, plans, subscriptions and their sales (recurring checkouts). */
  readonly billing: PayPalBillingSimulator = new PayPalBillingSimulator(this);
  /** Transmissions sent, by id (what verify-webhook-signature compares against). */
  readonly transmissions = new Map<string, { signature: string; body: string }>();
  /**
   * Whether refunds carry the running total (`seller_payable_breakdown.total_refunded_amount` on
   * v2 refunds, `total_refunded_amount` on v1 sale refunds). PayPal does not always send it; off,
   * a refund names only its own amount.
   */
  refundTotals = false;
  private readonly tokens = new Set<string>();
  private readonly replays = new Map<string, SimResponse>();

  private constructor(
    private readonly server: SimulatorServer,
    options: PayPalSimulatorOptions,
  ) {
    this.clientId = options.clientId ?? `A${randomBytes(20).toString('base64url')}`;
    this.clientSecret = options.clientSecret ?? `E${randomBytes(20).toString('base64url')}`;
    this.webhookId = options.webhookId ?? randomBytes(8).toString('hex').toUpperCase();
    this.webhooks = new WebhookOutbox({ retryDelaysMs: options.retryDelaysMs });
  }

  static async start(options: PayPalSimulatorOptions = {}): Promise<PayPalSimulator> {
    const server = await SimulatorServer.start({ handle: (request) => sim.handle(request), bypassFaults: (request) => request.path.startsWith('/certs/') });
    const sim: PayPalSimulator = new PayPalSimulator(server, options);
    return sim;
  }

  get url(): string {
    return this.server.url;
  }

  get certUrl(): string {
    return `${this.url}/certs/CERT-360caa42-fca2a594-ab66f33d`;
  }

  /** A payment account configuration for this simulator (cert host allowed explicitly). */
  get credentials(): { clientId: string; clientSecret: string; webhookId: string; apiBaseUrl: string; certHosts: string[] } {
    return { clientId: this.clientId, clientSecret: this.clientSecret, webhookId: this.webhookId, apiBaseUrl: this.url, certHosts: [new URL(this.url).host] };
  }

  setFaults(faults: Partial<SimulatorFaults>): void {
    this.server.setFaults(faults);
  }

  async close(): Promise<void> {
    await this.webhooks.close();
    await this.server.close();
  }

  /** The buyer approves the order on PayPal: CHECKOUT.ORDER.APPROVED (the merchant must capture). */
  approve(orderId: string): Obj {
    const order = this.mustGet(orderId);
    order.status = 'APPROVED';
    return this.emit('CHECKOUT.ORDER.APPROVED', 'checkout-order', this.orderView(order));
  }

  /** Approve and capture at once (as if the merchant captured): returns PAYMENT.CAPTURE.COMPLETED. */
  approveAndCapture(orderId: string): Obj {
    this.mustGet(orderId).status = 'APPROVED';
    return this.capture(orderId);
  }

  /**
   * Refund from the PayPal dashboard: PAYMENT.CAPTURE.REFUNDED with the refund resource (its own
   * id and amount, a link `up` to the capture). `value` refunds part of the capture (a decimal
   * string, e.g. "5.00"), several times if need be; without it, what is left. The capture becomes
   * PARTIALLY_REFUNDED, then REFUNDED.
   */
  refund(orderId: string, value?: string): Obj {
    return this.emit('PAYMENT.CAPTURE.REFUNDED', 'refund', this.refundCapture(orderId, value));
  }

  /** PayPal sends an event again (a redelivery, or "Resend" in the dashboard): same event id, new transmission. */
  resend(event: Obj): void {
    this.webhooks.send(() => this.signed(event));
  }

  /** Any event, e.g. a subscription's PAYMENT.SALE.COMPLETED. */
  emit(eventType: string, resourceType: string, resource: Obj): Obj {
    const event = { id: `WH-${randomBytes(10).toString('hex').toUpperCase()}-${randomBytes(8).toString('hex').toUpperCase()}`, event_version: '1.0', create_time: this.clock.now().toISOString(), resource_type: resourceType, resource_version: '2.0', event_type: eventType, summary: eventType, resource, links: [] };
    this.webhooks.send(() => this.signed(event));
    return event;
  }

  /** One transmission of an event: new transmission id and time, signed with the simulator's key. */
  signed(event: Obj, options: { time?: Date; webhookId?: string } = {}): SignedWebhook {
    const body = JSON.stringify(event);
    const id = randomUUID();
    const time = (options.time ?? this.clock.now()).toISOString();
    const signature = signPayPalMessage(paypalSignedMessage(id, time, options.webhookId ?? this.webhookId, body), SIMULATOR_KEY_PEM);
    this.transmissions.set(id, { signature, body });
    return {
      headers: { 'content-type': 'application/json', 'paypal-transmission-id': id, 'paypal-transmission-time': time, 'paypal-transmission-sig': signature, 'paypal-cert-url': this.certUrl, 'paypal-auth-algo': 'SHA256withRSA' },
      body,
    };
  }

  mustGet(orderId: string): Obj {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`PayPal simulator: no order ${orderId}`);
    return order;
  }

  /** Records a refund of an order's capture; throws a PayPal issue name when it cannot be made. */
  private refundCapture(orderId: string, value?: string): Obj {
    const order = this.mustGet(orderId);
    const capture = order.capture;
    if (!capture) throw new PayPalIssue('INVALID_RESOURCE_ID');
    const currency: string = capture.amount.currency_code;
    const minor = (text: string) => decimalToMinor(text, currency);
    const decimal = (amount: number) => minorToDecimal(amount, currency);
    const earlier: Obj[] = order.refunds ?? [];
    const refunded = earlier.reduce((sum, refund) => sum + minor(refund.amount.value), 0);
    const left = minor(capture.amount.value) - refunded;
    if (left <= 0) throw new PayPalIssue('CAPTURE_FULLY_REFUNDED');
    if (value !== undefined && !isDecimalString(value)) throw new PayPalIssue('INVALID_PARAMETER_VALUE');
    const amount = value === undefined ? left : minor(value);
    if (!(amount > 0)) throw new PayPalIssue('INVALID_PARAMETER_VALUE');
    if (amount > left) throw new PayPalIssue('REFUND_AMOUNT_EXCEEDED');
    const id = randomBytes(9).toString('hex').toUpperCase();
    const resource: Obj = {
      id,
      status: 'COMPLETED',
      amount: { currency_code: currency, value: decimal(amount) },
      custom_id: order.unit.custom_id,
      ...(this.refundTotals ? { seller_payable_breakdown: { gross_amount: { currency_code: currency, value: decimal(amount) }, total_refunded_amount: { currency_code: currency, value: decimal(refunded + amount) } } } : {}),
      supplementary_data: { related_ids: { order_id: order.id, capture_id: capture.id } },
      create_time: this.clock.now().toISOString(),
      links: [
        { href: `${this.url}/v2/payments/refunds/${id}`, rel: 'self', method: 'GET' },
        { href: `${this.url}/v2/payments/captures/${capture.id}`, rel: 'up', method: 'GET' },
      ],
    };
    order.refunds = [...earlier, resource];
    capture.status = amount === left ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    return resource;
  }

  private capture(orderId: string): Obj {
    const order = this.mustGet(orderId);
    order.status = 'COMPLETED';
    order.capture = { id: randomBytes(9).toString('hex').toUpperCase(), status: 'COMPLETED', amount: order.unit.amount, custom_id: order.unit.custom_id, final_capture: true, supplementary_data: { related_ids: { order_id: order.id } }, create_time: this.clock.now().toISOString() };
    return this.emit('PAYMENT.CAPTURE.COMPLETED', 'capture', order.capture);
  }

  private orderView(order: Obj): Obj {
    const unit = { ...order.unit, ...(order.capture ? { payments: { captures: [order.capture] } } : {}) };
    return { id: order.id, intent: 'CAPTURE', status: order.status, purchase_units: [unit], create_time: order.create_time, links: [{ href: `${this.url}/checkoutnow?token=${order.id}`, rel: 'approve', method: 'GET' }, { href: `${this.url}/v2/checkout/orders/${order.id}`, rel: 'self', method: 'GET' }] };
  }

  private handle(request: SimRequest): SimResponse {
    if (request.method === 'GET' && request.path.startsWith('/certs/')) return { status: 200, body: SIMULATOR_CERT_PEM, headers: { 'content-type': 'application/x-pem-file' } };
    if (request.method === 'POST' && request.path === '/v1/oauth2/token') return this.token(request);
    const bearer = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.tokens.has(bearer)) return json(401, { name: 'AUTHENTICATION_FAILURE', message: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.', details: [] });
    const requestId = request.headers['paypal-request-id'];
    const key = typeof requestId === 'string' ? `${request.path}\n${requestId}` : undefined;
    const replay = key ? this.replays.get(key) : undefined;
    if (replay) return replay;
    const response = this.route(request);
    if (key && response.status < 500) this.replays.set(key, response);
    return response;
  }

  private token(request: SimRequest): SimResponse {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (request.headers.authorization !== expected || request.form.get('grant_type') !== 'client_credentials') return json(401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
    const token = `A21AA${randomBytes(24).toString('base64url')}`;
    this.tokens.add(token);
    return json(200, { scope: 'https://uri.paypal.com/services/payments/payment', access_token: token, token_type: 'Bearer', app_id: 'APP-80W284485P519543T', expires_in: 32400, nonce: randomBytes(8).toString('hex') });
  }

  private route(request: SimRequest): SimResponse {
    const body = request.rawBody ? (JSON.parse(request.rawBody) as Obj) : {};
    if (request.method === 'POST' && request.path === '/v2/checkout/orders') {
      const unit = body.purchase_units?.[0];
      if (body.intent !== 'CAPTURE' || !unit?.amount?.currency_code || !/^\d+(\.\d+)?$/.test(String(unit.amount.value))) return json(422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'INVALID_PARAMETER_VALUE' }], message: 'The requested action could not be performed.' });
      const order = { id: randomBytes(9).toString('hex').toUpperCase(), status: 'CREATED', unit: { reference_id: unit.reference_id, custom_id: unit.custom_id, description: unit.description, amount: unit.amount }, create_time: this.clock.now().toISOString() };
      this.orders.set(order.id, order);
      return json(201, this.orderView(order));
    }
    if (request.method === 'POST' && request.path === '/v1/notifications/verify-webhook-signature') {
      const sent = this.transmissions.get(body.transmission_id);
      const same = sent && sent.signature === body.transmission_sig && body.webhook_id === this.webhookId && JSON.stringify(body.webhook_event) === JSON.stringify(JSON.parse(sent.body));
      return json(200, { verification_status: same ? 'SUCCESS' : 'FAILURE' });
    }
    const match = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(request.path);
    const order = match ? this.orders.get(match[1]) : undefined;
    if (match && !order) return json(404, { name: 'RESOURCE_NOT_FOUND', details: [{ issue: 'INVALID_RESOURCE_ID' }], message: 'The specified resource does not exist.' });
    if (request.method === 'GET' && order && !match?.[2]) return json(200, this.orderView(order));
    if (request.method === 'POST' && order && match?.[2]) {
      if (order.status === 'COMPLETED') return json(422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_ALREADY_CAPTURED' }], message: 'Order already captured.' });
      if (order.status !== 'APPROVED') return json(422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_NOT_APPROVED' }], message: 'Payer has not yet approved the Order for payment.' });
      this.capture(order.id);
      return json(201, this.orderView(order));
    }
    const billing = this.billing.route(request, body);
    if (billing) return billing;
    const refund = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(request.path);
    const owner = refund ? [...this.orders.values()].find((candidate) => candidate.capture?.id === refund[1]) : undefined;
    if (request.method === 'POST' && owner) {
      let resource: Obj;
      try {
        resource = this.refundCapture(owner.id, body.amount?.value === undefined ? undefined : String(body.amount.value));
      } catch (error) {
        if (!(error instanceof PayPalIssue)) throw error;
        return json(422, { name: 'UNPROCESSABLE_ENTITY', details: [{ issue: error.issue }], message: 'The requested action could not be performed, semantically incorrect, or failed business validation.' });
      }
      this.emit('PAYMENT.CAPTURE.REFUNDED', 'refund', resource);
      return json(201, resource);
    }
    return json(404, { name: 'RESOURCE_NOT_FOUND', message: `No route for ${request.method} ${request.path}` });
  }
}

/** A refund PayPal refuses, by its issue name (CAPTURE_FULLY_REFUNDED, REFUND_AMOUNT_EXCEEDED…). */
class PayPalIssue extends Error {
  constructor(readonly issue: string) {
    super(`PayPal simulator: ${issue}`);
  }
}

function json(status: number, body: unknown): SimResponse {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'paypal-debug-id': randomBytes(6).toString('hex') } };
}
