import { createHash } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, UnprocessableError } from '../common/errors';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { SecretBox } from '../crypto/secret-box';
import { findRow } from '../database/raw-rows';
import { PanelHttpFactory } from '../http/plugin-http/panel-http.factory';
import { HubPluginHttpClient } from '../http/plugin-http/plugin-http-client';
import { PluginRegistry } from '../plugins/plugin-registry';
import { PanelClient, PanelPlugin, PluginManifest, secretValues } from '../plugins/sdk';
import { Panel } from './panel.entity';
import { pluginLogger } from './plugin-logger';
import { databaseStateStore } from './plugin-state.store';

export interface ReadyPanelClient {
  panel: Panel;
  client: PanelClient;
  manifest: PluginManifest;
}

interface CachedClient {
  version: string;
  client: PanelClient;
  http: HubPluginHttpClient;
  manifest: PluginManifest;
  secrets: string[];
}

/**
 * Hands out ready clients for configured panels: credentials decrypted, `ctx.http` carrying the
 * panel's timeout, retries, limits, TLS options and audit. Clients are cached per panel and
 * rebuilt when the panel changes; limits and circuit breakers outlive the clients.
 */
@Injectable()
export class PanelClientsService {
  private readonly cache = new Map<string, CachedClient>();

  constructor(
    private readonly orm: MikroORM,
    private readonly secrets: SecretBox,
    private readonly registry: PluginRegistry,
    private readonly http: PanelHttpFactory,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async forPanel(panelId: string): Promise<ReadyPanelClient> {
    // Read on every panel action: one raw statement, not the query builder.
    const panel = await findRow<Panel>(this.orm.em.fork(), Panel, { id: panelId });
    if (!panel) throw new NotFoundError('Panel', panelId);
    const cached = this.build(panel);
    return { panel, client: cached.client, manifest: cached.manifest };
  }

  /** The HTTP client behind a panel's plugin client (the connection test reads its local address). */
  async httpFor(panelId: string): Promise<HubPluginHttpClient> {
    await this.forPanel(panelId);
    return (this.cache.get(panelId) as CachedClient).http;
  }

  /** The secret configuration values of a panel: never to appear in logs, errors or audit entries. */
  secretValuesOf(panelId: string): string[] {
    return this.cache.get(panelId)?.secrets ?? [];
  }

  forget(panelId: string): void {
    this.cache.delete(panelId);
    this.http.forget(panelId);
  }

  private build(panel: Panel): CachedClient {
    const version = createHash('sha256').update(JSON.stringify([panel.type, panel.baseUrl, panel.options, panel.credentialsSealed])).digest('hex');
    const cached = this.cache.get(panel.id);
    if (cached && cached.version === version) return cached;
    const plugin = this.registry.get('panel', panel.type) as PanelPlugin | undefined;
    if (!plugin) throw new UnprocessableError('UNKNOWN_PANEL_TYPE', `Panel ${panel.id} uses the panel plugin "${panel.type}", which is not installed`);
    const config = this.secrets.decryptJson(panel.credentialsSealed) as Record<string, unknown>;
    const secrets = secretValues(plugin.manifest.configSchema, config);
    const logger = pluginLogger(plugin.manifest.id, panel.id, secrets, this.config.logLevel === 'debug' || this.config.logLevel === 'trace');
    const http = this.http.clientFor(panel, secrets, logger);
    const client = plugin.create(config, { baseUrl: panel.baseUrl ?? undefined, http, logger, clock: { now: () => new Date() }, state: databaseStateStore(this.orm, panel.id) });
    const entry: CachedClient = { version, client, http, manifest: plugin.manifest, secrets };
    this.cache.set(panel.id, entry);
    return entry;
  }
}
