import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Customer } from '../customers/customer.entity';
import { BaseEntity } from '../database/base.entity';
import { Product } from '../products/product.entity';
import { Subscription } from '../subscriptions/subscription.entity';

export const ORDER_STATUSES = ['pending', 'paid', 'failed', 'refunded', 'partially_paid'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_KINDS = ['new', 'renewal', 'upgrade'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** SPEC §4.5. A provider's payment id is unique per provider: a repeated delivery finds the same order. */
@Entity({ tableName: 'hub_order' })
@Unique({ properties: ['provider', 'providerPaymentId'] })
@Index({ properties: ['customer'] })
@Index({ properties: ['subscription'] })
@Index({ properties: ['status'] })
export class Order extends BaseEntity<'status' | 'providerPaymentId' | 'subscription' | 'paidAt' | 'failedAt' | 'refundedAt' | 'amountPaidMinor' | 'amountRefundedMinor' | 'metadata'> {
  @Property({ type: 'string', length: 50 })
  provider: string;

  @Property({ type: 'string', length: 200, nullable: true })
  providerPaymentId?: string | null;

  @Property({ type: 'string', length: 16 })
  kind: OrderKind;

  @Property({ type: 'string', length: 16 })
  status: OrderStatus = 'pending';

  @ManyToOne(() => Customer, { deleteRule: 'restrict' })
  customer: Customer;

  @ManyToOne(() => Product, { deleteRule: 'restrict' })
  product: Product;

  @ManyToOne(() => Subscription, { nullable: true, deleteRule: 'set null' })
  subscription?: Subscription | null;

  /** In the currency's minor units. */
  @Property({ type: 'integer' })
  amountMinor: number;

  @Property({ type: 'integer', nullable: true })
  amountPaidMinor?: number | null;

  /**
   * Refunded at the provider so far (a partial refund leaves the order paid). Set on an order that
   * is not paid yet too: a refund that arrived first (its paid webhook late or lost), so a later
   * "paid" goes to review instead of provisioning a refunded buyer.
   */
  @Property({ type: 'integer', nullable: true })
  amountRefundedMinor?: number | null;

  @Property({ type: 'string', length: 3 })
  currency: string;

  @Property({ type: types.datetime, nullable: true })
  paidAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  failedAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  refundedAt?: Date | null;

  @Property({ type: 'json', nullable: true })
  metadata?: Record<string, string> | null;
}
