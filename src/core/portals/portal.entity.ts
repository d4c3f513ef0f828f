import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';

/** An Xtream server a client app connects to; access codes resolve to its URL. */
@Entity({ tableName: 'hub_portal' })
@Index({ properties: ['name'] })
export class Portal extends BaseEntity<'notes'> {
  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'string', length: 2000 })
  url: string;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
