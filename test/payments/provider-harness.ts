import type { SignedWebhook, WebhookOutbox } from '../../src/core/plugins/sdk';
import { BtcPaySimulator } from '../../src/plugins/payments/btcpay/btcpay.simulator';
import { CryptomusSimulator } from '../../src/plugins/payments/cryptomus/cryptomus.simulator';
import { NowPaymentsSimulator } from '../../src/plugins/payments/nowpayments/nowpayments.simulator';
import { PayPalSimulator } from '../../src/plugins/payments/paypal/paypal.simulator';
import { StripeSimulator } from '../../src/plugins/payments/stripe/stripe.simulator';

/** One provider simulator as the payment e2e suites drive it. */
export interface ProviderHarness {
  provider: string;
  credentials: Record<string, unknown>;
  webhooks: WebhookOutbox;
  /** Makes the checkout paid at the provider; returns the signed "paid" webhook (also queued on the outbox). */
  pay(providerPaymentId: string): Promise<SignedWebhook>;
  /** The same webhook signed with another secret. */
  wrongSecret(providerPaymentId: string): Promise<SignedWebhook>;
  /** Signed outside the replay window (schemes with a timestamp only). */
  stale?(providerPaymentId: string): Promise<SignedWebhook>;
  strip(webhook: SignedWebhook): SignedWebhook;
  close(): Promise<void>;
}

const without = (webhook: SignedWebhook, header: string): SignedWebhook => ({ ...webhook, headers: Object.fromEntries(Object.entries(webhook.headers).filter(([name]) => name !== header)) });

export const HARNESSES: Record<string, () => Promise<ProviderHarness>> = {
  async stripe() {
    const sim = await StripeSimulator.start({ retryDelaysMs: [100, 200, 400] });
    const paidEvent = (id: string) => sim.paySession(id)[0];
    return {
      provider: 'stripe',
      credentials: { ...sim.credentials, successUrl: 'https://shop.example/ok' },
      webhooks: sim.webhooks,
      pay: async (id) => sim.signed(paidEvent(id)),
      wrongSecret: async (id) => sim.signed(paidEvent(id), { secret: 'whsec_somebodyelse0000000000' }),
      stale: async (id) => sim.signed(paidEvent(id), { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      strip: (webhook) => without(webhook, 'stripe-signature'),
      close: () => sim.close(),
    };
  },
  async paypal() {
    const sim = await PayPalSimulator.start({ retryDelaysMs: [100, 200, 400] });
    return {
      provider: 'paypal',
      credentials: { ...sim.credentials },
      webhooks: sim.webhooks,
      pay: async (id) => sim.signed(sim.approveAndCapture(id)),
      wrongSecret: async (id) => sim.signed(sim.approveAndCapture(id), { webhookId: 'SOMEONE-ELSES-WEBHOOK' }),
      stale: async (id) => sim.signed(sim.approveAndCapture(id), { time: new Date(Date.now() - 301_000) }),
      strip: (webhook) => without(webhook, 'paypal-transmission-sig'),
      close: () => sim.close(),
    };
  },
  async nowpayments() {
    const sim = await NowPaymentsSimulator.start({ retryDelaysMs: [100, 200, 400] });
    const paid = (id: string) => sim.mustGet(sim.pay(id));
    return {
      provider: 'nowpayments',
      credentials: { ...sim.credentials },
      webhooks: sim.webhooks,
      pay: async (id) => sim.ipn(paid(id)),
      wrongSecret: async (id) => sim.ipn(paid(id), 'another-ipn-secret'),
      strip: (webhook) => without(webhook, 'x-nowpayments-sig'),
      close: () => sim.close(),
    };
  },
  async btcpay() {
    const sim = await BtcPaySimulator.start({ retryDelaysMs: [100, 200, 400] });
    return {
      provider: 'btcpay',
      credentials: { ...sim.credentials },
      webhooks: sim.webhooks,
      pay: async (id) => sim.pay(id),
      wrongSecret: async (id) => {
        sim.pay(id);
        return sim.signed(sim.sent[sim.sent.length - 1], 'another-webhook-secret');
      },
      strip: (webhook) => without(webhook, 'btcpay-sig'),
      close: () => sim.close(),
    };
  },
  async cryptomus() {
    const sim = await CryptomusSimulator.start({ retryDelaysMs: [100, 200, 400] });
    return {
      provider: 'cryptomus',
      credentials: { ...sim.credentials },
      webhooks: sim.webhooks,
      pay: async (id) => sim.pay(id),
      wrongSecret: async (id) => {
        sim.pay(id);
        return sim.webhook(sim.mustGet(id), 'another-payment-api-key');
      },
      strip: (webhook) => {
        const { sign: _sign, ...rest } = JSON.parse(webhook.body) as Record<string, unknown>;
        return { ...webhook, body: JSON.stringify(rest) };
      },
      close: () => sim.close(),
    };
  },
};
