import { randomBytes, randomUUID } from 'node:crypto';
import { SignedWebhook, SimRequest, SimResponse, SimulatorClock, SimulatorFaults, SimulatorServer, WebhookOutbox } from '../../../core/plugins/sdk';
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

  /** Refund from the PayPal dashboard: PAYMENT.CAPTURE.REFUNDED. */
  refund(orderId: string): Obj {
    const order = this.mustGet(orderId);
    const capture = order.capture;
    capture.status = 'REFUNDED';
    return this.emit('PAYMENT.CAPTURE.REFUNDED', 'refund', { id: randomBytes(9).toString('hex').toUpperCase(), status: 'COMPLETED', amount: capture.amount, custom_id: order.unit.custom_id, supplementary_data: { related_ids: { order_id: order.id, capture_id: capture.id } } });
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
      this.refund(owner.id);
      return json(201, { id: randomBytes(9).toString('hex').toUpperCase(), status: 'COMPLETED', amount: body.amount ?? owner.capture.amount });
    }
    return json(404, { name: 'RESOURCE_NOT_FOUND', message: `No route for ${request.method} ${request.path}` });
  }
}

function json(status: number, body: unknown): SimResponse {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'paypal-debug-id': randomBytes(6).toString('hex') } };
}
