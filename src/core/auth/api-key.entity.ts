import { types } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';

export const ROLE_SCOPES = ['admin', 'operator', 'read-only'] as const;

/** An API key; only its SHA-256 is stored (keys are 256-bit random, so no slow hash is needed). */
@Entity({ tableName: 'hub_api_key' })
export class ApiKey extends BaseEntity<'lastUsedAt' | 'revokedAt' | 'expiresAt' | 'ipAllowList'> {
  @Property({ type: 'string', length: 200 })
  name: string;

  /** The first characters of the key, shown so operators can tell keys apart. */
  @Property({ type: 'string', length: 20 })
  prefix: string;

  @Property({ type: 'string', length: 64, unique: true })
  keyHash: string;

  @Property({ type: 'json' })
  scopes: string[];

  @Property({ type: 'json', nullable: true })
  ipAllowList?: string[] | null;

  @Property({ type: types.datetime, nullable: true })
  expiresAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  revokedAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  lastUsedAt?: Date | null;
}
