import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { PanelClientsService } from '../panels/panel-clients.service';
import type { PanelLine } from '../plugins/sdk';
import { HubScheduler } from '../scheduler/scheduler.service';
import { loadLifecycleConfig } from '../subscriptions/lifecycle-config';
import { Subscription } from '../subscriptions/subscription.entity';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { compareLine, Drift, panelTraits } from './drift-compare';
import { DriftKind } from './drift-finding.entity';
import { DriftFindingsService } from './drift-findings.service';
import { DriftRepairService } from './drift-repair.service';
import { SubscriptionActivity } from './subscription-activity';

export interface ReportedDrift extends Drift {
  findingId?: string;
  /** Why `?repair=true` (or auto-repair) could not repair it: the problem code. */
  repairError?: string;
}

export interface ReconcileReport {
  subscriptionId: string;
  lineId: string | null;
  checkedAt: string;
  inSync: boolean;
  drift: ReportedDrift[];
}

/** What the scheduled pass repairs by itself with HUB_DRIFT_AUTO_REPAIR (setting values back, nothing that charges credits). */
const AUTO_REPAIRABLE: ReadonlySet<DriftKind> = new Set(['expiry_differs', 'enabled_differs']);

/**
 * The hub holds the intent; the panel holds the line. Reconcile reads the line, compares
 * (`compareLine`), stores the result as drift findings (GET /drift) and, when asked, repairs them
 * through the same guarded path as POST /drift/{id}/repair.
 */
@Injectable()
export class ReconcileService implements OnModuleInit {
  private readonly logger = new Logger('Reconcile');

  constructor(
    private readonly orm: MikroORM,
    private readonly panels: PanelClientsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly findings: DriftFindingsService,
    private readonly repairs: DriftRepairService,
    private readonly activity: SubscriptionActivity,
    private readonly scheduler: HubScheduler,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  onModuleInit(): void {
    const interval = loadLifecycleConfig(this.config.env).reconcileIntervalMs;
    if (interval > 0) this.scheduler.every('subscriptions.reconcile', interval, () => this.reconcileAll().then(() => undefined));
  }

  async reconcile(id: string, repair: 'none' | 'all' | 'auto' = 'none'): Promise<ReconcileReport> {
    const em = this.orm.em.fork();
    const subscription = await this.subscriptions.get(id, em);
    const lineId = subscription.lineId ?? null;
    const report: ReconcileReport = { subscriptionId: id, lineId, checkedAt: new Date().toISOString(), inSync: true, drift: [] };
    const seen = { id, panelId: subscription.panel.id, lineId };
    if (!lineId || subscription.lineDeletedAt) {
      // No line to compare (yet, or any more): earlier findings no longer apply.
      await this.findings.record(seen, []);
      return report;
    }
    const ready = await this.panels.forPanel(subscription.panel.id);
    const password = await this.subscriptions.password(subscription, em);
    let line: PanelLine | null;
    try {
      line = (await ready.client.getLine?.({ externalId: lineId, username: subscription.username ?? '', ...(password ? { password } : {}) })) ?? null;
      report.drift = compareLine({ status: subscription.status, expiresAt: subscription.expiresAt ?? null, packageExternalId: subscription.packageExternalId, maxConnections: subscription.maxConnections }, line, panelTraits(ready.manifest), lineId);
    } catch (error) {
      report.drift = [{ kind: 'panel_unreachable', hub: null, panel: (error as { code?: string }).code ?? (error as Error).message }];
    }
    report.inSync = report.drift.length === 0;
    const stored = await this.findings.record(seen, report.drift);
    for (const item of report.drift) {
      const finding = stored.get(item.kind);
      if (finding) item.findingId = finding.id;
    }
    if (repair !== 'none') await this.repairAll(report, repair, ready.manifest.notes?.creditsCharged === true);
    return report;
  }

  /** Walks every subscription with a line, in pages; returns how many drifted. */
  async reconcileAll(): Promise<number> {
    const repair = this.config.drift.autoRepair ? 'auto' : 'none';
    let drifted = 0;
    let after = '';
    for (;;) {
      const page = await this.orm.em.fork().find(Subscription, { lineId: { $ne: null }, lineDeletedAt: null, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: 100, fields: ['id'] });
      for (const row of page) {
        const report = await this.reconcileQuietly(row.id, repair);
        if (report && !report.inSync) drifted += 1;
      }
      if (page.length < 100) break;
      after = page[page.length - 1].id;
    }
    if (drifted > 0) this.logger.warn(`${drifted} subscription(s) differ from their panel line`);
    return drifted;
  }

  /** A subscription a workflow is changing right now would show passing drift: the scheduled pass leaves it for the next one. */
  private async reconcileQuietly(id: string, repair: 'none' | 'auto'): Promise<ReconcileReport | null> {
    try {
      if ((await this.activity.busyWith(id)).length > 0) return null;
      return await this.reconcile(id, repair);
    } catch (error) {
      this.logger.warn(`Reconciling ${id} failed: ${(error as Error).message}`);
      return null;
    }
  }

  private async repairAll(report: ReconcileReport, mode: 'all' | 'auto', creditsCharged: boolean): Promise<void> {
    for (const item of report.drift) {
      if (!item.findingId || item.kind === 'panel_unreachable') continue;
      // Recreating a line is safe to do unattended only where it costs nothing.
      if (mode === 'auto' && !AUTO_REPAIRABLE.has(item.kind) && !(item.kind === 'line_missing' && !creditsCharged)) continue;
      try {
        await this.repairs.repair(item.findingId, { reason: mode === 'auto' ? 'auto-repair (HUB_DRIFT_AUTO_REPAIR)' : 'reconcile with repair=true', auto: mode === 'auto' });
        item.repaired = true;
      } catch (error) {
        item.repairError = (error as { code?: string }).code ?? 'UNKNOWN';
        // What the panel cannot do is recorded on the finding's report; real failures are worth a warning.
        if (mode === 'auto' && item.repairError !== 'REPAIR_NOT_SUPPORTED') this.logger.warn(`Auto-repair of ${item.kind} on subscription ${report.subscriptionId} failed: ${(error as Error).message}`);
      }
    }
  }
}
