import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { Order } from '../orders/order.entity';
import { PaymentAccount } from './payment-account.entity';

export type CheckoutStatus = 'open' | 'paid' | 'partially_paid' | 'failed' | 'refunded';

/** A checkout opened at a provider for an order: what the buyer was sent to, and what came of it. */
@Entity({ tableName: 'hub_payment_checkout' })
@Unique({ properties: ['order', 'account'] })
@Index({ properties: ['provider', 'providerPaymentId'] })
@Index({ properties: ['provider', 'providerSubscriptionId'] })
@Index({ properties: ['account', 'status'] })
export class PaymentCheckout extends BaseEntity<'status' | 'redirectUrl' | 'expiresAt' | 'providerSubscriptionId' | 'latestPaymentId' | 'details' | 'recurring'> {
  @ManyToOne(() => Order, { deleteRule: 'cascade' })
  order: Order;

  @ManyToOne(() => PaymentAccount, { deleteRule: 'restrict' })
  account: PaymentAccount;

  @Property({ type: 'string', length: 100 })
  provider: string;

  /** The provider's id of the checkout (Stripe session, PayPal order, invoice…). */
  @Property({ type: 'string', length: 200 })
  providerPaymentId: string;

  /** The payment id the provider reported later when it differs (NOWPayments payment of an invoice). */
  @Property({ type: 'string', length: 200, nullable: true })
  latestPaymentId?: string | null;

  /** The provider subscription started by a recurring checkout: renewals find their subscription through it. */
  @Property({ type: 'string', length: 200, nullable: true })
  providerSubscriptionId?: string | null;

  @Property({ type: 'boolean' })
  recurring: boolean = false;

  @Property({ type: 'string', length: 2000, nullable: true })
  redirectUrl?: string | null;

  @Property({ type: types.datetime, nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'string', length: 20 })
  status: CheckoutStatus = 'open';

  /** Provider details worth showing (payment instructions for manual accounts…). */
  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
