import { types } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../database/ids';
import { PaymentAccount } from './payment-account.entity';

/**
 * A payment plugin's durable per-account fact (its `ctx.state`), e.g. the PayPal plan a recurring
 * product is sold with, so each checkout does not create a plan of its own.
 */
@Entity({ tableName: 'hub_payment_account_state' })
@Unique({ properties: ['account', 'key'] })
export class PaymentAccountStateRow {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => PaymentAccount, { deleteRule: 'cascade' })
  account: PaymentAccount;

  @Property({ type: 'string', length: 300 })
  key: string;

  @Property({ type: 'text' })
  value: string;

  @Property({ type: types.datetime })
  updatedAt: Date = new Date();
}
