import { randomBytes, randomUUID } from 'node:crypto';
import { compareDecimal, multiplyDecimal, SignedWebhook, SimRequest, SimResponse, SimulatorClock, SimulatorFaults, SimulatorServer, WebhookOutbox } from '../../../core/plugins/sdk';
import { cryptomusSign, phpJsonEncode } from './cryptomus.signature';

export interface CryptomusSimulatorOptions {
  merchantId?: string;
  paymentApiKey?: string;
  retryDelaysMs?: number[];
}

type Obj = Record<string, any>;

const RATES: Record<string, string> = { USDT: '1', BTC: '0.000016', TRX: '8.5' };

/**
 * Cryptomus' payment API as the plugin uses it (create invoice — idempotent per order_id —,
 * payment info, balance) with request signatures checked (`merchant` + `sign` headers) and the
 * `{state, result}` envelope. Payments (exact, short with or without a chance to top up, over)
 * are test controls that post webhooks to `url_callback`, PHP-encoded (`\/`) with the `sign` field.
 */
export class CryptomusSimulator {
  readonly merchantId: string;
  readonly paymentApiKey: string;
  readonly clock = new SimulatorClock();
  readonly webhooks: WebhookOutbox;
  readonly payments = new Map<string, Obj>();

  private constructor(
    private readonly server: SimulatorServer,
    options: CryptomusSimulatorOptions,
  ) {
    this.merchantId = options.merchantId ?? randomUUID();
    this.paymentApiKey = options.paymentApiKey ?? randomBytes(48).toString('base64url');
    this.webhooks = new WebhookOutbox({ retryDelaysMs: options.retryDelaysMs });
  }

  static async start(options: CryptomusSimulatorOptions = {}): Promise<CryptomusSimulator> {
    const server = await SimulatorServer.start({ handle: (request) => sim.handle(request) });
    const sim: CryptomusSimulator = new CryptomusSimulator(server, options);
    return sim;
  }

  get url(): string {
    return this.server.url;
  }

  get credentials(): { merchantId: string; paymentApiKey: string; apiBaseUrl: string } {
    return { merchantId: this.merchantId, paymentApiKey: this.paymentApiKey, apiBaseUrl: this.url };
  }

  setFaults(faults: Partial<SimulatorFaults>): void {
    this.server.setFaults(faults);
  }

  async close(): Promise<void> {
    await this.webhooks.close();
    await this.server.close();
  }

  /**
   * The payer sends `fraction` of the invoice in `payerCurrency`. Exact → paid; more → paid_over;
   * less → wrong_amount_waiting (may top up) or, with `final`, wrong_amount. Returns the webhook.
   */
  pay(uuid: string, options: { fraction?: string; payerCurrency?: string; final?: boolean } = {}): SignedWebhook {
    const payment = this.mustGet(uuid);
    const payerCurrency = options.payerCurrency ?? 'USDT';
    payment.payer_currency = payerCurrency;
    payment.payer_amount = multiplyDecimal(payment.amount, RATES[payerCurrency] ?? '1', 8);
    payment.payment_amount = multiplyDecimal(payment.payer_amount, options.fraction ?? '1', 8);
    payment.network = 'tron';
    payment.txid = randomBytes(32).toString('hex');
    const comparison = compareDecimal(payment.payment_amount, payment.payer_amount);
    const status = comparison === 0 ? 'paid' : comparison > 0 ? 'paid_over' : options.final ? 'wrong_amount' : 'wrong_amount_waiting';
    return this.setStatus(uuid, status, status !== 'wrong_amount_waiting');
  }

  setStatus(uuid: string, status: string, isFinal: boolean): SignedWebhook {
    const payment = this.mustGet(uuid);
    payment.status = status;
    payment.payment_status = status;
    payment.is_final = isFinal;
    payment.updated_at = this.clock.now().toISOString();
    const webhook = this.webhook(payment);
    this.webhooks.send(() => webhook);
    return webhook;
  }

  /** The webhook Cryptomus posts for the payment's current state. */
  webhook(payment: Obj, apiKey = this.paymentApiKey): SignedWebhook {
    const data = {
      type: 'payment',
      uuid: payment.uuid,
      order_id: payment.order_id,
      amount: payment.amount,
      payment_amount: payment.payment_amount,
      payment_amount_usd: payment.payment_amount,
      merchant_amount: payment.payment_amount ? multiplyDecimal(payment.payment_amount, '0.98', 8) : null,
      commission: payment.payment_amount ? multiplyDecimal(payment.payment_amount, '0.02', 8) : null,
      is_final: payment.is_final,
      status: payment.status,
      from: null,
      wallet_address_uuid: null,
      network: payment.network,
      currency: payment.currency,
      payer_currency: payment.payer_currency,
      payer_amount: payment.payer_amount,
      additional_data: payment.additional_data,
      convert: null,
      txid: payment.txid,
    };
    const sign = cryptomusSign(phpJsonEncode(data), apiKey);
    return { url: payment.url_callback ?? undefined, headers: { 'content-type': 'application/json' }, body: phpJsonEncode({ ...data, sign }) };
  }

  mustGet(uuid: string): Obj {
    const payment = this.payments.get(uuid);
    if (!payment) throw new Error(`Cryptomus simulator: no payment ${uuid}`);
    return payment;
  }

  private handle(request: SimRequest): SimResponse {
    const merchant = request.headers.merchant;
    const sign = request.headers.sign;
    if (merchant !== this.merchantId || sign !== cryptomusSign(request.rawBody, this.paymentApiKey)) return json(401, { state: 1, message: 'Invalid Sign.' });
    let body: Obj;
    try {
      body = JSON.parse(request.rawBody || '{}') as Obj;
    } catch {
      return json(422, { state: 1, message: 'Invalid JSON' });
    }
    if (request.method === 'POST' && request.path === '/v1/balance') return json(200, { state: 0, result: [{ balance: { merchant: [], user: [] } }] });
    if (request.method === 'POST' && request.path === '/v1/payment') return this.create(body);
    if (request.method === 'POST' && request.path === '/v1/payment/info') {
      const found = body.uuid ? this.payments.get(body.uuid) : [...this.payments.values()].find((payment) => payment.order_id === body.order_id);
      return found ? json(200, { state: 0, result: view(found) }) : json(404, { state: 1, message: 'Not found payment' });
    }
    return json(404, { state: 1, message: 'Not found' });
  }

  private create(body: Obj): SimResponse {
    const errors: Record<string, string[]> = {};
    if (typeof body.amount !== 'string' || !/^\d+(\.\d+)?$/.test(body.amount)) errors.amount = ['The amount must be a string with a number.'];
    if (typeof body.currency !== 'string') errors.currency = ['The currency field is required.'];
    if (typeof body.order_id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(body.order_id)) errors.order_id = ['The order id may only contain letters, numbers, dashes and underscores.'];
    if (Object.keys(errors).length > 0) return json(422, { state: 1, errors });
    const existing = [...this.payments.values()].find((payment) => payment.order_id === body.order_id);
    if (existing) return json(200, { state: 0, result: view(existing) });
    const uuid = randomUUID();
    const now = this.clock.nowSeconds();
    const payment = {
      uuid,
      order_id: body.order_id,
      amount: body.amount,
      payment_amount: null,
      payer_amount: null,
      payer_currency: null,
      currency: body.currency,
      network: null,
      address: null,
      txid: null,
      status: 'check',
      payment_status: 'check',
      is_final: false,
      additional_data: body.additional_data ?? null,
      url: `${this.url}/pay/${uuid}`,
      expired_at: now + Number(body.lifetime ?? 3600),
      created_at: new Date(now * 1000).toISOString(),
      updated_at: new Date(now * 1000).toISOString(),
      url_callback: body.url_callback ?? null,
    };
    this.payments.set(uuid, payment);
    return json(200, { state: 0, result: view(payment) });
  }
}

function view(payment: Obj): Obj {
  const { url_callback: _callback, ...rest } = payment;
  return rest;
}

function json(status: number, body: unknown): SimResponse {
  return { status, body: phpJsonEncode(body), headers: { 'content-type': 'application/json' } };
}
