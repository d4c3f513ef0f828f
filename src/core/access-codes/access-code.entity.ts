import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { Portal } from '../portals/portal.entity';

export type AccessCodeStatus = 'active' | 'inactive';
/** `date`: a set instant · `lifetime`: never · `default`: the linked subscription's expiry (none when unlinked). */
export type ExpiryMode = 'date' | 'lifetime' | 'default';
export type AccessCodeState = 'active' | 'inactive' | 'lifetime' | 'expired';

export const EXPIRY_MODES: ExpiryMode[] = ['date', 'lifetime', 'default'];
export const ACCESS_CODE_STATES: AccessCodeState[] = ['active', 'inactive', 'lifetime', 'expired'];

/**
 * A short code a client app exchanges for a portal URL and Xtream credentials. The code is
 * unique while the row exists (a deleted code is free again) and never changes. The password is
 * sealed with the hub's key. `effectiveExpiresAt` is derived from the mode so that filtering and
 * sorting by expiry are plain indexed queries.
 */
@Entity({ tableName: 'hub_access_code' })
@Index({ properties: ['portal'] })
@Index({ properties: ['subscriptionId'] })
@Index({ properties: ['status', 'effectiveExpiresAt'] })
@Index({ properties: ['importId'] })
export class AccessCode extends BaseEntity<'status' | 'notes' | 'subscriptionId' | 'expiresAt' | 'subscriptionExpiresAt' | 'effectiveExpiresAt' | 'importId' | 'pending'> {
  @Property({ type: 'string', length: 6, unique: true })
  code: string;

  @ManyToOne(() => Portal, { deleteRule: 'restrict' })
  portal: Portal;

  @Property({ type: 'string', length: 200 })
  username: string;

  @Property({ type: 'text', lazy: true })
  passwordSealed: string;

  @Property({ type: 'string', length: 8 })
  status: AccessCodeStatus = 'active';

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  /** A subscription id (kept as a plain value: codes outlive and do not depend on the subscriptions module). */
  @Property({ type: 'string', length: 36, nullable: true })
  subscriptionId?: string | null;

  @Property({ type: 'string', length: 8 })
  expiryMode: ExpiryMode = 'default';

  /** The instant of mode `date`. */
  @Property({ type: types.datetime, nullable: true })
  expiresAt?: Date | null;

  /** The linked subscription's expiry as last reported by its events. */
  @Property({ type: types.datetime, nullable: true })
  subscriptionExpiresAt?: Date | null;

  /** When the code stops working, whatever the mode; null = never. */
  @Property({ type: types.datetime, nullable: true })
  effectiveExpiresAt?: Date | null;

  /** The import that created the code. */
  @Property({ type: 'string', length: 36, nullable: true })
  importId?: string | null;

  /** Rows of an import that has not finished yet: they reserve their codes but are invisible and cannot log in. */
  @Property({ type: 'boolean' })
  pending: boolean = false;
}
