import { types } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';

export type PanelStatus = 'healthy' | 'degraded' | 'down' | 'unknown';

export interface PanelOptions {
  timeoutMs: number;
  maxConcurrent: number;
  maxPerSecond: number;
  retry: { attempts: number; baseDelayMs: number };
  tls?: { caCert?: string; allowSelfSigned?: boolean };
  /** Consecutive transient failures that open the circuit, and how long it stays open. */
  breaker?: { failureThreshold: number; openMs: number };
}

export const DEFAULT_PANEL_OPTIONS: PanelOptions = {
  timeoutMs: 15_000,
  maxConcurrent: 10,
  maxPerSecond: 20,
  retry: { attempts: 3, baseDelayMs: 500 },
};

/** A configured connection to an IPTV panel. Credentials are sealed with the hub's key. */
@Entity({ tableName: 'hub_panel' })
@Index({ properties: ['type'] })
export class Panel extends BaseEntity<'status' | 'lastHealth' | 'lastCheckedAt' | 'baseUrl'> {
  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'string', length: 100 })
  type: string;

  @Property({ type: 'string', length: 2000, nullable: true })
  baseUrl?: string | null;

  @Property({ type: 'text', lazy: true })
  credentialsSealed: string;

  /** Names of the credential fields that are set, so the API can say what is configured without revealing it. */
  @Property({ type: 'json' })
  credentialFields: string[];

  @Property({ type: 'json' })
  options: PanelOptions;

  @Property({ type: 'string', length: 16 })
  status: PanelStatus = 'unknown';

  @Property({ type: 'json', nullable: true })
  lastHealth?: Record<string, unknown> | null;

  @Property({ type: types.datetime, nullable: true })
  lastCheckedAt?: Date | null;
}
