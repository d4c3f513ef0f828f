import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { EventsService } from '../events/events.service';
import { PanelHttpFactory } from '../http/plugin-http/panel-http.factory';
import { isPluginError } from '../plugins/sdk';
import { HubScheduler } from '../scheduler/scheduler.service';
import { Panel, PanelStatus } from './panel.entity';
import { PanelClientsService } from './panel-clients.service';

export interface HealthResult {
  status: PanelStatus;
  detail: string;
  code?: string;
  hint?: string;
}

const DEGRADING = new Set(['RATE_LIMITED']);

/**
 * Keeps each panel's `status` current: a scheduled check (the plugin's connection test, then its
 * server status), the connection test run by operators, and the circuit breaker of the panel's
 * HTTP client all report here. A change of status emits `panel.health_changed`.
 */
@Injectable()
export class PanelHealthService implements OnModuleInit {
  private readonly logger = new Logger('PanelHealth');

  constructor(
    private readonly orm: MikroORM,
    private readonly clients: PanelClientsService,
    private readonly events: EventsService,
    private readonly scheduler: HubScheduler,
    http: PanelHttpFactory,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {
    http.onBreakerChange((panelId, state) => {
      if (state === 'open') void this.report(panelId, { status: 'down', detail: 'Calls paused: the panel failed too many calls in a row (circuit open)', code: 'PANEL_UNAVAILABLE' });
      // A closed circuit only says the panel answers again; a full check decides how healthy it is.
      if (state === 'closed') void this.check(panelId).catch(() => undefined);
    });
  }

  onModuleInit(): void {
    if (this.config.panels.healthIntervalMs > 0) this.scheduler.every('panels.health-check', this.config.panels.healthIntervalMs, () => this.checkAll());
  }

  async checkAll(): Promise<void> {
    const panels = await this.orm.em.fork().find(Panel, {}, { fields: ['id'] });
    for (const panel of panels) await this.check(panel.id).catch((error: unknown) => this.logger.warn({ err: error, panelId: panel.id }, 'Health check failed'));
  }

  /** Runs the plugin's own checks and records the outcome. */
  async check(panelId: string): Promise<HealthResult> {
    const result = await this.probe(panelId);
    await this.report(panelId, result);
    return result;
  }

  private async probe(panelId: string): Promise<HealthResult> {
    const { client, manifest } = await this.clients.forPanel(panelId);
    try {
      if (client.testConnection && manifest.capabilities.includes('testConnection')) {
        const test = await client.testConnection();
        if (!test.ok) {
          const failed = test.stages.find((stage) => !stage.ok);
          return { status: 'down', detail: `${failed?.stage ?? 'check'} failed: ${failed?.detail ?? ''}`, hint: failed?.hint };
        }
      }
      if (client.serverStatus && manifest.capabilities.includes('serverStatus')) {
        const status = await client.serverStatus();
        const offline = status.servers.filter((server) => !server.online);
        if (status.servers.length > 0 && offline.length === status.servers.length) return { status: 'down', detail: 'Every streaming server of the panel is offline' };
        if (offline.length > 0) return { status: 'degraded', detail: `${offline.length} of ${status.servers.length} servers offline: ${offline.map((server) => server.name).join(', ')}` };
      }
      return { status: 'healthy', detail: 'The panel answers and accepts the hub' };
    } catch (error) {
      if (!isPluginError(error)) throw error;
      return { status: DEGRADING.has(error.code) ? 'degraded' : 'down', detail: error.message, code: error.code, hint: error.hint };
    }
  }

  /** Records a health observation; emits `panel.health_changed` when the status changes. */
  async report(panelId: string, result: HealthResult): Promise<void> {
    await this.events.transaction(async (em, emit) => {
      const panel = await em.findOne(Panel, { id: panelId });
      if (!panel) return;
      const previous = panel.status;
      const checkedAt = new Date();
      // Conditional on the status read, so two concurrent observers cannot both announce one change.
      const changed = await em.nativeUpdate(Panel, { id: panelId, status: previous }, { status: result.status, lastHealth: { ...result }, lastCheckedAt: checkedAt });
      if (changed > 0 && previous !== result.status) {
        emit({ type: 'panel.health_changed', subject: { type: 'panel', id: panelId }, payload: { panelId, name: panel.name, from: previous, to: result.status, detail: result.detail, code: result.code ?? null, checkedAt: checkedAt.toISOString() } });
        this.logger.log(`Panel ${panel.name} (${panelId}) is now ${result.status}: ${result.detail}`);
      }
    });
  }
}
