import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { PanelClientsService } from '../panels/panel-clients.service';
import type { PanelLine } from '../plugins/sdk';
import { HubScheduler } from '../scheduler/scheduler.service';
import { loadLifecycleConfig } from './lifecycle-config';
import { Subscription } from './subscription.entity';
import { SubscriptionsService } from './subscriptions.service';

export type DriftKind = 'line_missing' | 'expiry_differs' | 'enabled_differs' | 'package_differs' | 'connections_differs' | 'panel_unreachable';

export interface Drift {
  kind: DriftKind;
  hub: unknown;
  panel: unknown;
  repaired?: boolean;
}

export interface ReconcileReport {
  subscriptionId: string;
  lineId: string | null;
  checkedAt: string;
  inSync: boolean;
  drift: Drift[];
}

/** Statuses in which the hub expects the line to be enabled on the panel. */
const ENABLED: ReadonlySet<string> = new Set(['active', 'grace']);
const EXPIRY_TOLERANCE_MS = 60_000;

/**
 * The hub holds the intent; the panel holds the line. Reconcile reads the line and reports where
 * they differ (missing line, expiry, enabled state, package, connections); with `repair` it sets
 * the panel back to the hub's intent where it safely can (expiry, enabled state).
 */
@Injectable()
export class ReconcileService implements OnModuleInit {
  private readonly logger = new Logger('Reconcile');

  constructor(
    private readonly orm: MikroORM,
    private readonly panels: PanelClientsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly audit: AuditService,
    private readonly scheduler: HubScheduler,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  onModuleInit(): void {
    const interval = loadLifecycleConfig(this.config.env).reconcileIntervalMs;
    if (interval > 0) this.scheduler.every('subscriptions.reconcile', interval, () => this.reconcileAll().then(() => undefined));
  }

  async reconcile(id: string, repair = false): Promise<ReconcileReport> {
    const em = this.orm.em.fork();
    const subscription = await this.subscriptions.get(id, em);
    const report: ReconcileReport = { subscriptionId: id, lineId: subscription.lineId ?? null, checkedAt: new Date().toISOString(), inSync: true, drift: [] };
    if (!subscription.lineId || subscription.lineDeletedAt) return report;
    let line: PanelLine | null;
    const ready = await this.panels.forPanel(subscription.panel.id);
    const ref = { externalId: subscription.lineId, username: subscription.username ?? '', ...(await this.passwordOf(subscription, em)) };
    try {
      line = (await ready.client.getLine?.(ref)) ?? null;
    } catch (error) {
      report.drift.push({ kind: 'panel_unreachable', hub: null, panel: (error as { code?: string }).code ?? (error as Error).message });
      return this.finish(report);
    }
    if (!line) {
      report.drift.push({ kind: 'line_missing', hub: subscription.lineId, panel: null });
      return this.finish(report);
    }
    const hubExpiry = subscription.expiresAt?.getTime() ?? null;
    const panelExpiry = line.expiresAt ? new Date(line.expiresAt).getTime() : null;
    if (hubExpiry !== panelExpiry && (hubExpiry === null || panelExpiry === null || Math.abs(hubExpiry - panelExpiry) > EXPIRY_TOLERANCE_MS)) {
      const drift: Drift = { kind: 'expiry_differs', hub: subscription.expiresAt?.toISOString() ?? null, panel: line.expiresAt };
      if (repair && subscription.expiresAt && ready.client.extendLine) {
        await ready.client.extendLine({ line: ref, expiresAt: subscription.expiresAt.toISOString() });
        drift.repaired = true;
      }
      report.drift.push(drift);
    }
    const shouldBeEnabled = ENABLED.has(subscription.status);
    if (line.enabled !== shouldBeEnabled && subscription.status !== 'failed' && subscription.status !== 'pending' && subscription.status !== 'provisioning') {
      const drift: Drift = { kind: 'enabled_differs', hub: shouldBeEnabled, panel: line.enabled };
      const fix = shouldBeEnabled ? ready.client.enableLine : ready.client.disableLine;
      if (repair && fix) {
        await fix.call(ready.client, ref);
        drift.repaired = true;
      }
      report.drift.push(drift);
    }
    if (line.packageId && line.packageId !== subscription.packageExternalId) report.drift.push({ kind: 'package_differs', hub: subscription.packageExternalId, panel: line.packageId });
    if (line.maxConnections !== subscription.maxConnections) report.drift.push({ kind: 'connections_differs', hub: subscription.maxConnections, panel: line.maxConnections });
    return this.finish(report, repair);
  }

  /** Walks every subscription with a line, in pages; returns how many drifted. */
  async reconcileAll(): Promise<number> {
    let drifted = 0;
    let after = '';
    for (;;) {
      const page = await this.orm.em.fork().find(Subscription, { lineId: { $ne: null }, lineDeletedAt: null, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: 100, fields: ['id'] });
      for (const row of page) {
        const report = await this.reconcile(row.id).catch((error: unknown) => {
          this.logger.warn(`Reconciling ${row.id} failed: ${(error as Error).message}`);
          return null;
        });
        if (report && !report.inSync) drifted += 1;
      }
      if (page.length < 100) break;
      after = page[page.length - 1].id;
    }
    if (drifted > 0) this.logger.warn(`${drifted} subscription(s) differ from their panel line`);
    return drifted;
  }

  private async passwordOf(subscription: Subscription, em: ReturnType<MikroORM['em']['fork']>): Promise<{ password?: string }> {
    const password = await this.subscriptions.password(subscription, em);
    return password ? { password } : {};
  }

  private async finish(report: ReconcileReport, repair = false): Promise<ReconcileReport> {
    report.inSync = report.drift.length === 0;
    if (!report.inSync) {
      await this.audit.record({ action: repair ? 'subscription.reconcile.repair' : 'subscription.drift', outcome: 'failure', target: { type: 'subscription', id: report.subscriptionId }, details: { lineId: report.lineId, drift: report.drift } });
    }
    return report;
  }
}
