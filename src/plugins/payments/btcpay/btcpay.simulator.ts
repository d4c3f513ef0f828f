import { randomBytes } from 'node:crypto';
import { compareDecimal, multiplyDecimal, SignedWebhook, SimRequest, SimResponse, SimulatorClock, SimulatorFaults, SimulatorServer, WebhookOutbox } from '../../../core/plugins/sdk';
import { btcPaySignature, BtcPayWebhookWire } from './btcpay.events';

export interface BtcPaySimulatorOptions {
  storeId?: string;
  apiKey?: string;
  webhookSecret?: string;
  /** BTCPay retries after 10 s, 1 min, then 6 × 10 min; tests shrink it. */
  retryDelaysMs?: number[];
}

type Obj = Record<string, any>;

const BTC_PER_FIAT = '0.000016';

/**
 * A BTCPay Server store's Greenfield API (invoices, search by orderId, payment methods, store)
 * with `Authorization: token` checks and Greenfield's error shapes. Buyers paying (fully, short,
 * over) and invoices expiring are test controls that send the store webhook's deliveries:
 * pretty-printed JSON signed with `BTCPay-Sig: sha256=…`, redeliveries keeping `originalDeliveryId`.
 */
export class BtcPaySimulator {
  readonly storeId: string;
  readonly apiKey: string;
  readonly webhookSecret: string;
  readonly webhookId = randomBytes(8).toString('hex');
  readonly clock = new SimulatorClock();
  readonly webhooks: WebhookOutbox;
  readonly invoices = new Map<string, Obj>();
  readonly sent: BtcPayWebhookWire[] = [];

  private constructor(
    private readonly server: SimulatorServer,
    options: BtcPaySimulatorOptions,
  ) {
    this.storeId = options.storeId ?? randomBytes(16).toString('base64url').replace(/[-_]/g, 'A');
    this.apiKey = options.apiKey ?? randomBytes(20).toString('hex');
    this.webhookSecret = options.webhookSecret ?? randomBytes(16).toString('base64url');
    this.webhooks = new WebhookOutbox({ retryDelaysMs: options.retryDelaysMs });
  }

  static async start(options: BtcPaySimulatorOptions = {}): Promise<BtcPaySimulator> {
    const server = await SimulatorServer.start({ handle: (request) => sim.handle(request) });
    const sim: BtcPaySimulator = new BtcPaySimulator(server, options);
    return sim;
  }

  get url(): string {
    return this.server.url;
  }

  get credentials(): { serverUrl: string; storeId: string; apiKey: string; webhookSecret: string } {
    return { serverUrl: this.url, storeId: this.storeId, apiKey: this.apiKey, webhookSecret: this.webhookSecret };
  }

  setFaults(faults: Partial<SimulatorFaults>): void {
    this.server.setFaults(faults);
  }

  async close(): Promise<void> {
    await this.webhooks.close();
    await this.server.close();
  }

  /** The buyer pays `fraction` of the invoice. In full (or more): Processing then Settled. Short: the invoice waits (see `expire`). Returns the last delivery. */
  pay(invoiceId: string, fraction = '1'): SignedWebhook {
    const invoice = this.mustGet(invoiceId);
    invoice.paid = multiplyDecimal(invoice.due, fraction, 8);
    let last = this.deliver('InvoiceReceivedPayment', invoice, { afterExpiration: false });
    if (compareDecimal(invoice.paid, invoice.due) >= 0) {
      const overPaid = compareDecimal(invoice.paid, invoice.due) > 0;
      invoice.status = 'Processing';
      this.deliver('InvoiceProcessing', invoice, { overPaid });
      invoice.status = 'Settled';
      invoice.additionalStatus = overPaid ? 'PaidOver' : 'None';
      last = this.deliver('InvoiceSettled', invoice, { overPaid, manuallyMarked: false });
    }
    return last;
  }

  /** The invoice's time runs out: InvoiceExpired, with partiallyPaid when something arrived. */
  expire(invoiceId: string): SignedWebhook {
    const invoice = this.mustGet(invoiceId);
    const partiallyPaid = compareDecimal(invoice.paid, '0') > 0;
    invoice.status = 'Expired';
    invoice.additionalStatus = partiallyPaid ? 'PaidPartial' : 'None';
    return this.deliver('InvoiceExpired', invoice, { partiallyPaid });
  }

  /** Resends a delivery (manual redelivery): new deliveryId, same originalDeliveryId. */
  redeliver(delivery: BtcPayWebhookWire): SignedWebhook {
    const again = { ...delivery, deliveryId: randomBytes(11).toString('base64url'), isRedelivery: true, originalDeliveryId: delivery.originalDeliveryId ?? delivery.deliveryId };
    return this.send(again);
  }

  signed(delivery: BtcPayWebhookWire, secret = this.webhookSecret): SignedWebhook {
    // BTCPay serialises with Formatting.Indented; the signature covers exactly these bytes.
    const body = JSON.stringify(delivery, null, 2);
    return { headers: { 'content-type': 'application/json', 'btcpay-sig': btcPaySignature(body, secret), 'user-agent': 'BTCPayServer' }, body };
  }

  mustGet(invoiceId: string): Obj {
    const invoice = this.invoices.get(invoiceId);
    if (!invoice) throw new Error(`BTCPay simulator: no invoice ${invoiceId}`);
    return invoice;
  }

  private deliver(type: string, invoice: Obj, extra: Obj): SignedWebhook {
    const deliveryId = randomBytes(11).toString('base64url');
    return this.send({ deliveryId, webhookId: this.webhookId, originalDeliveryId: deliveryId, isRedelivery: false, type, timestamp: this.clock.nowSeconds(), storeId: this.storeId, invoiceId: invoice.id, metadata: { ...invoice.metadata }, ...extra });
  }

  private send(delivery: BtcPayWebhookWire): SignedWebhook {
    this.sent.push(delivery);
    const signed = this.signed(delivery);
    this.webhooks.send(() => signed);
    return signed;
  }

  private handle(request: SimRequest): SimResponse {
    const auth = request.headers.authorization ?? '';
    if (auth !== `token ${this.apiKey}`) return json(401, { code: 'unauthenticated', message: 'Authentication is required for accessing this endpoint' });
    const prefix = `/api/v1/stores/${this.storeId}`;
    if (!request.path.startsWith(prefix)) return json(403, { code: 'missing-permission', message: 'Insufficient API Permissions. Please use an API key with permission: btcpay.store.canviewstoresettings' });
    const rest = request.path.slice(prefix.length);
    if (request.method === 'GET' && rest === '') return json(200, { id: this.storeId, name: 'Simulated store', defaultCurrency: 'USD' });
    if (request.method === 'GET' && rest === '/invoices') {
      const orderIds = request.query.getAll('orderId');
      return json(200, [...this.invoices.values()].filter((invoice) => orderIds.length === 0 || orderIds.includes(invoice.metadata?.orderId)).map(view));
    }
    if (request.method === 'POST' && rest === '/invoices') return this.createInvoice(request.rawBody);
    const match = /^\/invoices\/([^/]+)(\/payment-methods)?$/.exec(rest);
    const invoice = match ? this.invoices.get(match[1]) : undefined;
    if (request.method === 'GET' && match && !invoice) return json(404, { code: 'invoice-not-found', message: 'The invoice was not found' });
    if (request.method === 'GET' && invoice && match?.[2]) {
      const due = compareDecimal(invoice.paid, invoice.due) >= 0 ? '0.00000000' : multiplyDecimal(invoice.due, '1', 8);
      return json(200, [{ paymentMethodId: 'BTC-CHAIN', currency: 'BTC', rate: '62500.00', amount: invoice.due, paymentMethodPaid: invoice.paid, totalPaid: invoice.paid, due, destination: invoice.address, activated: true }]);
    }
    if (request.method === 'GET' && invoice) return json(200, view(invoice));
    return json(404, { code: 'not-found', message: 'Not found' });
  }

  private createInvoice(rawBody: string): SimResponse {
    const body = JSON.parse(rawBody || '{}') as Obj;
    if (typeof body.amount !== 'string' || !/^\d+(\.\d+)?$/.test(body.amount) || typeof body.currency !== 'string') {
      return json(422, [{ path: 'amount', message: 'Amount should be a decimal number greater than 0' }]);
    }
    const id = randomBytes(16).toString('base64url').replace(/[-_]/g, 'B').slice(0, 22);
    const now = this.clock.nowSeconds();
    const invoice = {
      id,
      storeId: this.storeId,
      amount: body.amount,
      currency: body.currency.toUpperCase(),
      type: 'Standard',
      checkoutLink: `${this.url}/i/${id}`,
      status: 'New',
      additionalStatus: 'None',
      createdTime: now,
      expirationTime: now + 60 * (body.checkout?.expirationMinutes ?? 15),
      monitoringExpiration: now + 3600,
      metadata: body.metadata ?? {},
      checkout: body.checkout ?? {},
      due: multiplyDecimal(body.amount, BTC_PER_FIAT, 8),
      paid: '0.00000000',
      address: `bcrt1q${randomBytes(19).toString('hex')}`,
    };
    this.invoices.set(id, invoice);
    return json(200, view(invoice));
  }
}

function view(invoice: Obj): Obj {
  const { due: _due, paid: _paid, address: _address, ...rest } = invoice;
  return rest;
}

function json(status: number, body: unknown): SimResponse {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json; charset=utf-8' } };
}
