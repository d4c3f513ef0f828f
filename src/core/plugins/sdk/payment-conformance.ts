import { createBasicHttpClient } from './basic-http-client';
import { isPluginError, PluginError } from './errors';
import { manifestProblems, PaymentPlugin, secretValues } from './manifest';
import type { CheckoutInput, CheckoutResult, PaymentClient, PaymentEvent, PaymentPluginContext } from './payment';
import type { SignedWebhook } from './payment-simulator-kit';
import type { PluginLogger } from './runtime';

/** What the payment kit needs of a provider simulator. */
export interface PaymentConformanceSimulator {
  /** The API base URL the configurations point at. */
  url: string;
  config: Record<string, unknown>;
  /** The same configuration with a wrong webhook secret: deliveries the provider signs must not verify. */
  wrongSecretConfig: Record<string, unknown>;
  /** The same configuration with a wrong API key (calls are refused), when the provider has one. */
  badCredentialsConfig?: Record<string, unknown>;
  /** Makes the provider consider the checkout paid; returns the signed "paid" webhook it would send (not sent). */
  pay(checkout: CheckoutResult, input: CheckoutInput): Promise<SignedWebhook>;
  /** The same webhook signed with a timestamp outside the replay window; omitted when the scheme has no timestamp. */
  stale?(checkout: CheckoutResult, input: CheckoutInput): Promise<SignedWebhook>;
  /** The webhook without its signature (header removed, or the body field for in-body schemes). */
  stripSignature(webhook: SignedWebhook): SignedWebhook;
  close(): Promise<void>;
}

export interface PaymentConformanceTarget {
  plugin: PaymentPlugin;
  startSimulator(): Promise<PaymentConformanceSimulator>;
  /** The `ctx` to hand the plugin; defaults to the SDK's basic client. */
  createContext?(options: { secrets: string[]; logger: PluginLogger }): PaymentPluginContext;
}

export interface PaymentConformanceCheck {
  name: string;
  run(): Promise<void>;
}

class PaymentConformanceFailure extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new PaymentConformanceFailure(message);
}

async function expectRejected(promise: Promise<unknown>, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    check(isPluginError(error), `${what}: expected a PluginError, got ${String((error as Error)?.stack ?? error)}`);
    const failure = error as PluginError;
    check(failure.code === 'WEBHOOK_SIGNATURE_INVALID', `${what}: expected WEBHOOK_SIGNATURE_INVALID, got ${failure.code} (${failure.message})`);
    check(!failure.retryable, `${what}: a bad signature must not be retryable`);
    return;
  }
  throw new PaymentConformanceFailure(`${what}: the delivery was accepted`);
}

/**
 * The payment plugin conformance kit (SPEC §5.4, DESIGN §4): checkout, a valid signed webhook →
 * exactly one normalised `payment.succeeded` with the amount it was created with (in currencies
 * with 0, 2 and 3 decimals), a stable deduplication key, and WEBHOOK_SIGNATURE_INVALID for
 * tampered, unsigned, wrongly keyed and (where the scheme has a timestamp) stale deliveries; bad
 * API credentials are AUTH_FAILED; no secret reaches logs or errors.
 */
export function paymentConformanceSuite(target: PaymentConformanceTarget): { setup(): Promise<void>; teardown(): Promise<void>; checks: PaymentConformanceCheck[] } {
  const { plugin } = target;
  const has = (capability: string) => plugin.manifest.capabilities.includes(capability);
  const observed: string[] = [];
  let sim: PaymentConformanceSimulator;
  let client: PaymentClient;
  let counter = 0;
  const logger: PluginLogger = {
    debug: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
    info: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
    warn: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
    error: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
  };
  const makeClient = (config: Record<string, unknown>): PaymentClient => {
    const secrets = secretValues(plugin.manifest.configSchema, config);
    const context = target.createContext?.({ secrets, logger }) ?? {
      http: createBasicHttpClient({ timeoutMs: 5_000, secrets, onCall: (call) => observed.push(JSON.stringify(call)) }),
      logger,
      clock: { now: () => new Date() },
    };
    return plugin.create(config, context);
  };
  const watch = async <T>(promise: Promise<T>): Promise<T> => {
    try {
      return await promise;
    } catch (error) {
      observed.push(String((error as Error)?.message), JSON.stringify(isPluginError(error) ? (error as PluginError).toJSON() : {}));
      throw error;
    }
  };
  const input = (amountMinor = 1999, currency = 'EUR'): CheckoutInput => {
    counter += 1;
    const orderId = `0190c0de-0000-7000-8000-${String(Date.now() % 1e8).padStart(8, '0')}${String(counter).padStart(4, '0')}`;
    return { orderId, amountMinor, currency, description: 'Conformance 1 month', customer: { id: `cust-${counter}`, email: `buyer${counter}@example.com` }, idempotencyKey: `conformance:${orderId}`, successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cancel' };
  };
  const checkout = async (order: CheckoutInput) => watch((client.createCheckout as NonNullable<PaymentClient['createCheckout']>)(order));
  const parse = (webhook: SignedWebhook, with_: PaymentClient = client) =>
    watch((with_.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers: webhook.headers, rawBody: Buffer.from(webhook.body) }));
  const paidDelivery = async (amountMinor?: number, currency?: string) => {
    const order = input(amountMinor, currency);
    const created = await checkout(order);
    return { order, created, webhook: await sim.pay(created, order) };
  };
  const succeeded = (events: PaymentEvent[]) => events.filter((event) => event.type === 'payment.succeeded');

  const checks: PaymentConformanceCheck[] = [
    {
      name: 'the manifest is valid and every declared capability is implemented',
      run: async () => {
        check(manifestProblems(plugin.manifest).length === 0, `manifest problems: ${manifestProblems(plugin.manifest).join('; ')}`);
        for (const capability of plugin.manifest.capabilities) check(typeof (client as Record<string, unknown>)[capability] === 'function', `capability ${capability} is declared but not implemented`);
        check(has('createCheckout') && has('parseWebhook'), 'a payment plugin must create checkouts and parse webhooks');
        check(secretValues(plugin.manifest.configSchema, sim.config).length > 0, 'the configuration schema marks no secret field (writeOnly)');
      },
    },
    {
      name: 'a checkout gives the provider payment id and where to send the buyer',
      run: async () => {
        const created = await checkout(input());
        check(typeof created.providerPaymentId === 'string' && created.providerPaymentId.length > 0, 'no provider payment id');
        check(typeof created.redirectUrl === 'string' && /^https?:\/\//.test(created.redirectUrl), `no redirect URL: ${String(created.redirectUrl)}`);
      },
    },
    {
      name: 'amounts round-trip: checkout → signed paid webhook → one payment.succeeded with the same amount (0, 2 and 3 decimal currencies)',
      run: async () => {
        for (const [amountMinor, currency] of [[1999, 'EUR'], [1500, 'JPY'], [12345, 'KWD']] as const) {
          const { order, webhook } = await paidDelivery(amountMinor, currency);
          const events = await parse(webhook);
          const paid = succeeded(events);
          check(paid.length === 1, `expected exactly one payment.succeeded, got ${JSON.stringify(events.map((event) => event.type))}`);
          check(paid[0].orderId === order.orderId, `the event names order ${paid[0].orderId}, expected ${order.orderId}`);
          // Providers whose webhook carries no amount (BTCPay) are confirmed through the API: the amount comes from there.
          const amounts = paid[0].amountMinor === undefined && paid[0].confirmWithProvider && has('getPayment') ? await watch((client.getPayment as NonNullable<PaymentClient['getPayment']>)(paid[0].providerPaymentId)) : paid[0];
          check(amounts?.amountMinor === amountMinor && amounts.currency?.toUpperCase() === currency, `created ${amountMinor} ${currency}, the provider says ${amounts?.amountMinor} ${amounts?.currency}`);
          check(typeof paid[0].providerEventId === 'string' && paid[0].providerEventId.length > 0, 'the event has no provider event id (dedupe key)');
          check(!Number.isNaN(Date.parse(paid[0].occurredAt)), `occurredAt is not an instant: ${paid[0].occurredAt}`);
        }
      },
    },
    {
      name: 'the deduplication key is stable: the same delivery parsed twice gives the same provider event id',
      run: async () => {
        const { webhook } = await paidDelivery();
        const [first, second] = [await parse(webhook), await parse(webhook)];
        check(JSON.stringify(first.map((event) => event.providerEventId)) === JSON.stringify(second.map((event) => event.providerEventId)), 'the provider event ids differ between two parses of one delivery');
      },
    },
    {
      name: 'a tampered body is WEBHOOK_SIGNATURE_INVALID',
      run: async () => {
        const { order, webhook } = await paidDelivery();
        const other = `${order.orderId.slice(0, -1)}${order.orderId.endsWith('9') ? '8' : '9'}`;
        check(webhook.body.includes(order.orderId), 'the paid webhook does not carry the order id');
        await expectRejected(parse({ ...webhook, body: webhook.body.split(order.orderId).join(other) }), 'a delivery whose order id was changed');
      },
    },
    {
      name: 'a delivery without its signature is WEBHOOK_SIGNATURE_INVALID',
      run: async () => {
        const { webhook } = await paidDelivery();
        await expectRejected(parse(sim.stripSignature(webhook)), 'an unsigned delivery');
      },
    },
    {
      name: 'a delivery checked with the wrong secret is WEBHOOK_SIGNATURE_INVALID',
      run: async () => {
        const { webhook } = await paidDelivery();
        await expectRejected(parse(webhook, makeClient(sim.wrongSecretConfig)), 'a delivery verified with another secret');
      },
    },
    {
      name: 'a delivery signed outside the replay window is WEBHOOK_SIGNATURE_INVALID (schemes with a timestamp)',
      run: async () => {
        if (!sim.stale) return;
        const order = input();
        const created = await checkout(order);
        await expectRejected(parse(await sim.stale(created, order)), 'a stale delivery');
      },
    },
    {
      name: 'the provider confirms a paid payment through its API (getPayment)',
      run: async () => {
        if (!has('getPayment')) return;
        const { order, webhook } = await paidDelivery(2500, 'USD');
        const [event] = succeeded(await parse(webhook));
        check(event, 'no payment.succeeded');
        const status = await watch((client.getPayment as NonNullable<PaymentClient['getPayment']>)(event.providerPaymentId));
        check(status?.status === 'paid', `getPayment says ${status?.status}`);
        check(status.orderId === undefined || status.orderId === order.orderId, `getPayment names order ${status.orderId}`);
      },
    },
    {
      name: 'bad API credentials are AUTH_FAILED',
      run: async () => {
        if (!sim.badCredentialsConfig) return;
        const bad = makeClient(sim.badCredentialsConfig);
        try {
          await watch((bad.createCheckout as NonNullable<PaymentClient['createCheckout']>)(input()));
        } catch (error) {
          check(isPluginError(error) && (error as PluginError).code === 'AUTH_FAILED', `expected AUTH_FAILED, got ${String(error)}`);
          return;
        }
        throw new PaymentConformanceFailure('a checkout with bad credentials succeeded');
      },
    },
    {
      name: 'no secret of the configuration appears in logs, errors or call records',
      run: async () => {
        const secrets = [sim.config, sim.wrongSecretConfig, sim.badCredentialsConfig ?? {}].flatMap((config) => secretValues(plugin.manifest.configSchema, config)).filter((value) => value.length >= 4);
        check(observed.length > 0, 'nothing was observed');
        const text = observed.join('\n');
        for (const secret of secrets) check(!text.includes(secret), `a secret value (${secret.slice(0, 2)}…) appears in logs, errors or call records`);
      },
    },
  ];

  return {
    async setup() {
      sim = await target.startSimulator();
      client = makeClient(sim.config);
    },
    async teardown() {
      await sim?.close();
    },
    checks,
  };
}
