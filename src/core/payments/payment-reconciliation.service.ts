import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { isPluginError, PaymentEvent, PaymentStatus } from '../plugins/sdk';
import { HubScheduler } from '../scheduler/scheduler.service';
import { PaymentAccount } from './payment-account.entity';
import { PaymentCheckout } from './payment-checkout.entity';
import { PaymentClientsService } from './payment-clients.service';
import { PaymentEventIntake } from './payment-event-intake.service';

const LOOKBACK_MS = 3 * 24 * 60 * 60 * 1000;
const BATCH = 100;

const TYPE_OF: Partial<Record<PaymentStatus['status'], PaymentEvent['type']>> = { paid: 'payment.succeeded', partially_paid: 'payment.partial', failed: 'payment.failed', refunded: 'payment.refunded' };

/**
 * Catches webhooks that never arrived (payments.md C.1 "Reconcile"): every few minutes the
 * leader asks each provider for the status of the recent checkouts still open in the hub and
 * queues what changed as events keyed `reconcile:<payment>:<status>`, deduplicated with (and
 * applied exactly like) webhooks.
 */
@Injectable()
export class PaymentReconciliationService implements OnModuleInit {
  private readonly logger = new Logger('PaymentReconciliation');

  constructor(
    private readonly orm: MikroORM,
    private readonly clients: PaymentClientsService,
    private readonly intake: PaymentEventIntake,
    private readonly audit: AuditService,
    private readonly scheduler: HubScheduler,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  onModuleInit(): void {
    const everyMs = this.config.payments.reconcileIntervalMs;
    if (everyMs > 0) this.scheduler.every('payments.reconcile', everyMs, () => this.reconcileAll());
  }

  async reconcileAll(): Promise<void> {
    const accounts = await this.orm.em.fork().find(PaymentAccount, { enabled: true }, { fields: ['id'] });
    for (const account of accounts) {
      await this.reconcileAccount(account.id).catch((error: unknown) => this.logger.warn({ err: error, paymentAccountId: account.id }, 'Reconciling a payment account failed'));
    }
  }

  async reconcileAccount(accountId: string): Promise<{ checked: number; found: number }> {
    const { account, client } = await this.clients.forAccount(accountId);
    if (!client.getPayment) return { checked: 0, found: 0 };
    const open = await this.orm.em.fork().find(PaymentCheckout, { account: account.id, status: { $in: ['open', 'partially_paid'] }, createdAt: { $gt: new Date(Date.now() - LOOKBACK_MS) } }, { orderBy: { id: 'desc' }, limit: BATCH, populate: ['order'] });
    let found = 0;
    for (const checkout of open) {
      const paymentId = checkout.latestPaymentId ?? checkout.providerPaymentId;
      let status: PaymentStatus | null;
      try {
        status = await client.getPayment(paymentId);
      } catch (error) {
        if (isPluginError(error)) continue;
        throw error;
      }
      const type = status ? TYPE_OF[status.status] : undefined;
      if (!status || !type) continue;
      // A recurring checkout is paid by a payment of its own (PayPal: the subscription's first sale): name that one, so a late webhook for it is known.
      const eventPaymentId = status.providerSubscriptionId && status.providerPaymentId && status.providerPaymentId !== paymentId ? status.providerPaymentId : paymentId;
      const event: PaymentEvent = {
        providerEventId: `reconcile:${eventPaymentId}:${status.status}${status.crypto ? `:${status.crypto.paid}` : ''}`,
        providerEventType: `reconcile.${status.status}`,
        type,
        providerPaymentId: eventPaymentId,
        orderId: checkout.order.id,
        amountMinor: status.amountMinor,
        currency: status.currency,
        crypto: status.crypto,
        overpaid: status.overpaid,
        providerSubscriptionId: status.providerSubscriptionId,
        // The payment's other ids (Stripe: the PaymentIntent and charge behind a session): a later refund or dispute webhook naming one finds the order.
        paymentAliases: status.paymentAliases,
        // getPayment reports the checkout as a whole: a failure it reports (session expired, invoice invalid) ends the checkout.
        final: status.status === 'failed' ? true : undefined,
        occurredAt: new Date().toISOString(),
      };
      const result = await this.intake.record(account.type, account.id, [event], 'reconcile');
      found += result.received;
    }
    await this.audit.record({ action: 'payment_account.reconcile', target: { type: 'payment_account', id: account.id }, details: { checked: open.length, found } });
    return { checked: open.length, found };
  }
}
