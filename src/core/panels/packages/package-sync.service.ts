import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { UnprocessableError } from '../../common/errors';
import { HUB_CONFIG } from '../../config/config.module';
import type { HubConfig } from '../../config/hub-config';
import { EventsService } from '../../events/events.service';
import { Product } from '../../products/product.entity';
import { HubScheduler } from '../../scheduler/scheduler.service';
import { Panel } from '../panel.entity';
import { PanelClientsService } from '../panel-clients.service';
import { HubPackage } from './hub-package.entity';

export interface PackageSyncResult {
  panelId: string;
  total: number;
  added: number;
  updated: number;
  missing: number;
  reappeared: number;
  /** Products whose package disappeared (flagged `packageMissing`). */
  flaggedProducts: string[];
}

/**
 * Copies a panel's packages into `hub_package`. A package that is no longer on the panel is marked
 * missing (never deleted) and every product selling it is flagged; a package that comes back is
 * unmarked and its products unflagged. Runs on demand and on a schedule.
 */
@Injectable()
export class PackageSyncService implements OnModuleInit {
  private readonly logger = new Logger('PackageSync');

  constructor(
    private readonly orm: MikroORM,
    private readonly clients: PanelClientsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly scheduler: HubScheduler,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.panels.packageSyncIntervalMs > 0) this.scheduler.every('panels.sync-packages', this.config.panels.packageSyncIntervalMs, () => this.syncAll());
  }

  async syncAll(): Promise<void> {
    const panels = await this.orm.em.fork().find(Panel, {}, { fields: ['id', 'type'] });
    for (const panel of panels) {
      try {
        await this.sync(panel.id);
      } catch (error) {
        this.logger.warn({ err: error, panelId: panel.id }, `Package sync of panel ${panel.id} failed`);
      }
    }
  }

  async sync(panelId: string): Promise<PackageSyncResult> {
    const { client, manifest } = await this.clients.forPanel(panelId);
    if (!client.listPackages || !manifest.capabilities.includes('listPackages')) {
      throw new UnprocessableError('NOT_SUPPORTED', `The ${manifest.name} plugin cannot list packages`);
    }
    const remote = await client.listPackages();
    return this.events.transaction(async (em: EntityManager, emit) => {
      const panel = await em.findOneOrFail(Panel, { id: panelId });
      const existing = new Map((await em.find(HubPackage, { panel })).map((row) => [row.externalId, row]));
      const now = new Date();
      const result: PackageSyncResult = { panelId, total: remote.length, added: 0, updated: 0, missing: 0, reappeared: 0, flaggedProducts: [] };
      for (const pkg of remote) {
        const fields = {
          name: pkg.name.slice(0, 300),
          channelCount: pkg.channelCount ?? null,
          vodCount: pkg.vodCount ?? null,
          seriesCount: pkg.seriesCount ?? null,
          durationDays: pkg.durationDays ?? null,
          maxConnections: pkg.maxConnections ?? null,
          creditCost: pkg.creditCost ?? null,
          isTrial: pkg.isTrial ?? null,
          raw: pkg.raw ?? null,
          lastSeenAt: now,
          missing: false,
        };
        const row = existing.get(pkg.externalId);
        if (!row) {
          em.persist(em.create(HubPackage, { panel, externalId: pkg.externalId, ...fields }));
          result.added += 1;
          continue;
        }
        existing.delete(pkg.externalId);
        if (row.missing) {
          result.reappeared += 1;
        }
        em.assign(row, fields);
        result.updated += 1;
      }
      const gone = [...existing.values()].filter((row) => !row.missing);
      for (const row of gone) row.missing = true;
      result.missing = existing.size;
      // Every product of the panel is checked, including ones whose package was never synced.
      const present = new Set(remote.map((pkg) => pkg.externalId));
      for (const product of await em.find(Product, { panel })) {
        const isMissing = !present.has(product.packageExternalId);
        if (isMissing && !product.packageMissing) result.flaggedProducts.push(product.id);
        product.packageMissing = isMissing;
      }
      await this.audit.record({ action: 'panel.packages_sync', target: { type: 'panel', id: panelId }, details: { ...result } }, em);
      emit({ type: 'panel.packages_synced', subject: { type: 'panel', id: panelId }, payload: { ...result } });
      return result;
    });
  }

  async list(panelId: string, includeMissing: boolean): Promise<HubPackage[]> {
    return this.orm.em.fork().find(HubPackage, { panel: panelId, ...(includeMissing ? {} : { missing: false }) }, { orderBy: { name: 'asc', id: 'asc' } });
  }
}
