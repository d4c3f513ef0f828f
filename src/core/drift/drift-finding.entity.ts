import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { Subscription } from '../subscriptions/subscription.entity';

export const DRIFT_KINDS = ['line_missing', 'expiry_differs', 'enabled_differs', 'package_differs', 'connections_differs', 'panel_unreachable'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export const DRIFT_STATUSES = ['open', 'resolved', 'repaired'] as const;
/** open: seen at the last reconcile; resolved: a later reconcile found it in sync; repaired: the hub set the panel back. */
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

/** How a finding was repaired: by whom, why, and what the panel answered (e.g. the new line id). */
export interface DriftRepair {
  at: string;
  reason: string;
  auto: boolean;
  action: string;
  runBy?: string;
  result?: Record<string, unknown>;
}

/**
 * One way a subscription differs from its line on the panel. A (subscription, kind) pair has at
 * most one open finding: `openKey` is set while the finding is open and cleared when it closes,
 * and its unique index makes a second open finding impossible even for concurrent reconciles.
 */
@Entity({ tableName: 'hub_drift_finding' })
@Unique({ properties: ['openKey'] })
@Index({ properties: ['status', 'id'] })
@Index({ properties: ['subscription', 'id'] })
@Index({ properties: ['panelId', 'id'] })
export class DriftFinding extends BaseEntity<'status' | 'openKey' | 'hubValue' | 'panelValue' | 'lineId' | 'seenCount' | 'resolvedAt' | 'repairedAt' | 'repair' | 'repairClaimedUntil'> {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade' })
  subscription: Subscription;

  /** The panel the subscription was on when the drift was seen (a plain id: panels may be deleted later). */
  @Property({ type: 'string', length: 36 })
  panelId: string;

  @Property({ type: 'string', length: 32 })
  kind: DriftKind;

  @Property({ type: 'string', length: 16 })
  status: DriftStatus = 'open';

  /** `<subscriptionId>:<kind>` while open, null once closed. */
  @Property({ type: 'string', length: 80, nullable: true })
  openKey?: string | null;

  /** What the hub holds (the intent), as last seen. */
  @Property({ type: 'json', nullable: true })
  hubValue?: unknown;

  /** What the panel holds, as last seen. */
  @Property({ type: 'json', nullable: true })
  panelValue?: unknown;

  /** The line the finding is about, as last seen. */
  @Property({ type: 'string', length: 200, nullable: true })
  lineId?: string | null;

  @Property({ type: types.datetime })
  firstSeenAt: Date = new Date();

  @Property({ type: types.datetime })
  lastSeenAt: Date = new Date();

  @Property({ type: 'integer' })
  seenCount: number = 1;

  @Property({ type: types.datetime, nullable: true })
  resolvedAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  repairedAt?: Date | null;

  @Property({ type: 'json', nullable: true })
  repair?: DriftRepair | null;

  /** Held while a repair talks to the panel, so two repairs of one finding cannot both run. */
  @Property({ type: types.datetime, nullable: true })
  repairClaimedUntil?: Date | null;
}
