import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { Order } from '../orders/order.entity';

/**
 * Another id a provider gives a payment that paid an order (Stripe: the PaymentIntent `pi_…` and
 * charge `ch_…` behind the Checkout Session `cs_…` or invoice `in_…` the order knows). Refunds and
 * disputes name only those, and a subscription's charges carry no order metadata: without the
 * alias they would match no order. Unique per provider: one payment belongs to one order.
 */
@Entity({ tableName: 'hub_payment_alias' })
@Unique({ properties: ['provider', 'alias'] })
export class PaymentAlias extends BaseEntity {
  @Property({ type: 'string', length: 100 })
  provider: string;

  @Property({ type: 'string', length: 200 })
  alias: string;

  @ManyToOne(() => Order, { deleteRule: 'cascade' })
  order: Order;
}
