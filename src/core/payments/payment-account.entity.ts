import { types } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';

/** A configured payment provider instance (SPEC §4.5): a plugin, a name and sealed credentials. */
@Entity({ tableName: 'hub_payment_account' })
@Index({ properties: ['type'] })
export class PaymentAccount extends BaseEntity<'enabled' | 'lastTest' | 'lastTestedAt'> {
  @Property({ type: 'string', length: 200 })
  name: string;

  /** The payment plugin id (stripe, paypal, nowpayments, btcpay, cryptomus, manual, …). */
  @Property({ type: 'string', length: 100 })
  type: string;

  @Property({ type: 'text', lazy: true })
  credentialsSealed: string;

  /** Names of the configuration fields that are set (values are never returned). */
  @Property({ type: 'json' })
  credentialFields: string[];

  /** A disabled account takes no checkouts; its webhooks are still verified and recorded. */
  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Property({ type: 'json', nullable: true })
  lastTest?: Record<string, unknown> | null;

  @Property({ type: types.datetime, nullable: true })
  lastTestedAt?: Date | null;
}
