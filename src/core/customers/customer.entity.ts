import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';

/** A buyer. `externalRefs` holds ids in other systems: storefront, Stripe customer, PayPal payer… */
@Entity({ tableName: 'hub_customer' })
@Index({ properties: ['name'] })
export class Customer extends BaseEntity<'name' | 'externalRefs' | 'notes'> {
  @Property({ type: 'string', length: 320, unique: true })
  email: string;

  @Property({ type: 'string', length: 200, nullable: true })
  name?: string | null;

  @Property({ type: 'json' })
  externalRefs: Record<string, string> = {};

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
