import { randomBytes, randomInt } from 'node:crypto';
import { compareDecimal, multiplyDecimal, numberText, SignedWebhook, SimRequest, SimResponse, SimulatorClock, SimulatorFaults, SimulatorServer, WebhookOutbox } from '../../../core/plugins/sdk';
import { nowPaymentsSignature } from './nowpayments.signature';

export interface NowPaymentsSimulatorOptions {
  apiKey?: string;
  ipnSecret?: string;
  retryDelaysMs?: number[];
}

type Obj = Record<string, any>;

/** Units of each pay currency per unit of fiat (a fixed, exact rate table). */
const RATES: Record<string, string> = { usdttrc20: '1', btc: '0.000016', eth: '0.00042', ltc: '0.0125' };

/**
 * NOWPayments' API as the plugin uses it (invoices, payment status, merchant coins) with its
 * quirks: `x-api-key`, 403 `INVALID_API_KEY`, numeric amounts, string ids. Buyers paying (in full,
 * short, or topping up) are test controls; every status change sends an IPN to the invoice's
 * `ipn_callback_url`, signed as NOWPayments does (HMAC-SHA512 of the key-sorted JSON).
 */
export class NowPaymentsSimulator {
  readonly apiKey: string;
  readonly ipnSecret: string;
  readonly clock = new SimulatorClock();
  readonly webhooks: WebhookOutbox;
  readonly invoices = new Map<string, Obj>();
  readonly payments = new Map<string, Obj>();

  private constructor(
    private readonly server: SimulatorServer,
    options: NowPaymentsSimulatorOptions,
  ) {
    this.apiKey = options.apiKey ?? `NP${randomBytes(12).toString('hex').toUpperCase()}`;
    this.ipnSecret = options.ipnSecret ?? randomBytes(16).toString('base64url');
    this.webhooks = new WebhookOutbox({ retryDelaysMs: options.retryDelaysMs });
  }

  static async start(options: NowPaymentsSimulatorOptions = {}): Promise<NowPaymentsSimulator> {
    const server = await SimulatorServer.start({ handle: (request) => sim.handle(request) });
    const sim: NowPaymentsSimulator = new NowPaymentsSimulator(server, options);
    return sim;
  }

  get url(): string {
    return this.server.url;
  }

  get credentials(): { apiKey: string; ipnSecret: string; apiBaseUrl: string } {
    return { apiKey: this.apiKey, ipnSecret: this.ipnSecret, apiBaseUrl: this.url };
  }

  setFaults(faults: Partial<SimulatorFaults>): void {
    this.server.setFaults(faults);
  }

  async close(): Promise<void> {
    await this.webhooks.close();
    await this.server.close();
  }

  /**
   * The buyer pays an invoice: `fraction` of what was asked ("1" in full, "0.9" short, "1.1" over).
   * IPNs follow (confirming, then finished or partially_paid). Returns the payment id.
   */
  pay(invoiceId: string, options: { fraction?: string; payCurrency?: string } = {}): string {
    const invoice = this.invoices.get(invoiceId);
    if (!invoice) throw new Error(`NOWPayments simulator: no invoice ${invoiceId}`);
    const payCurrency = options.payCurrency ?? 'usdttrc20';
    const payAmount = multiplyDecimal(numberText(invoice.price_amount), RATES[payCurrency] ?? '1', 8);
    const payment: Obj = {
      payment_id: randomInt(4_000_000_000, 6_000_000_000),
      invoice_id: Number(invoice.id),
      payment_status: 'waiting',
      pay_address: `T${randomBytes(16).toString('hex')}`,
      price_amount: invoice.price_amount,
      price_currency: invoice.price_currency,
      pay_amount: Number(payAmount),
      actually_paid: 0,
      pay_currency: payCurrency,
      order_id: invoice.order_id,
      order_description: invoice.order_description,
      purchase_id: String(randomInt(4_000_000_000, 6_000_000_000)),
      created_at: this.clock.now().toISOString(),
      updated_at: this.clock.now().toISOString(),
      outcome_amount: Number(payAmount),
      outcome_currency: payCurrency,
      fee: { currency: payCurrency, depositFee: 0, withdrawalFee: 0, serviceFee: 0 },
      ipn_callback_url: invoice.ipn_callback_url,
    };
    this.payments.set(String(payment.payment_id), payment);
    this.topUp(String(payment.payment_id), options.fraction ?? '1');
    return String(payment.payment_id);
  }

  /** More funds arrive for a payment (a top-up after an underpayment). */
  topUp(paymentId: string, fraction: string): void {
    const payment = this.mustGet(paymentId);
    const arrived = multiplyDecimal(numberText(payment.pay_amount), fraction, 8);
    payment.actually_paid = Number(multiplyDecimal(numberText(payment.actually_paid), '1', 8)) + Number(arrived);
    payment.actually_paid = Number(payment.actually_paid.toFixed(8));
    this.setStatus(paymentId, 'confirming');
    this.setStatus(paymentId, compareDecimal(numberText(payment.actually_paid), numberText(payment.pay_amount)) >= 0 ? 'finished' : 'partially_paid');
  }

  /** Moves a payment to a status (refunded, expired, failed…) and sends the IPN. */
  setStatus(paymentId: string, status: string): SignedWebhook {
    const payment = this.mustGet(paymentId);
    payment.payment_status = status;
    payment.updated_at = this.clock.now().toISOString();
    const ipn = this.ipn(payment);
    this.webhooks.send(() => ipn);
    return ipn;
  }

  /** The IPN NOWPayments sends for the payment's current state. */
  ipn(payment: Obj, secret = this.ipnSecret): SignedWebhook {
    const { ipn_callback_url: url, ...body } = payment;
    return { url: url ?? undefined, headers: { 'content-type': 'application/json', 'x-nowpayments-sig': nowPaymentsSignature(body, secret) }, body: JSON.stringify(body) };
  }

  mustGet(paymentId: string): Obj {
    const payment = this.payments.get(paymentId);
    if (!payment) throw new Error(`NOWPayments simulator: no payment ${paymentId}`);
    return payment;
  }

  private handle(request: SimRequest): SimResponse {
    if (request.method === 'GET' && request.path === '/v1/status') return json(200, { message: 'OK' });
    if (request.headers['x-api-key'] !== this.apiKey) return json(403, { status: false, statusCode: 403, code: 'INVALID_API_KEY', message: 'Invalid api key' });
    if (request.method === 'GET' && request.path === '/v1/merchant/coins') return json(200, { selectedCurrencies: Object.keys(RATES) });
    if (request.method === 'POST' && request.path === '/v1/invoice') return this.createInvoice(request.rawBody);
    const payment = /^\/v1\/payment\/(\d+)$/.exec(request.path);
    if (request.method === 'GET' && payment) {
      const found = this.payments.get(payment[1]);
      if (!found) return json(404, { status: false, statusCode: 404, code: 'NOT_FOUND', message: 'Payment not found' });
      const { ipn_callback_url: _url, fee: _fee, ...view } = found;
      return json(200, view);
    }
    return json(404, { status: false, statusCode: 404, code: 'NOT_FOUND', message: `Cannot ${request.method} ${request.path}` });
  }

  private createInvoice(rawBody: string): SimResponse {
    let body: Obj;
    try {
      body = JSON.parse(rawBody) as Obj;
    } catch {
      return json(400, { status: false, statusCode: 400, code: 'INVALID_REQUEST_PARAMS', message: 'Invalid JSON' });
    }
    if (typeof body.price_amount !== 'number' || body.price_amount <= 0 || typeof body.price_currency !== 'string') {
      return json(400, { status: false, statusCode: 400, code: 'INVALID_REQUEST_PARAMS', message: '"price_amount" must be a positive number' });
    }
    const id = String(randomInt(4_000_000_000, 6_000_000_000));
    const invoice = { id, token_id: randomBytes(5).toString('hex'), order_id: body.order_id ?? null, order_description: body.order_description ?? null, price_amount: String(body.price_amount), price_currency: body.price_currency, pay_currency: null, ipn_callback_url: body.ipn_callback_url ?? null, invoice_url: `${this.url}/?iid=${id}`, success_url: body.success_url ?? null, cancel_url: body.cancel_url ?? null, created_at: this.clock.now().toISOString(), updated_at: this.clock.now().toISOString() };
    // The stored price keeps NOWPayments' number type for IPNs.
    this.invoices.set(id, { ...invoice, price_amount: body.price_amount });
    return json(200, invoice);
  }
}

function json(status: number, body: unknown): SimResponse {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
