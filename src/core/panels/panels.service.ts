import { EntityManager, FilterQuery, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { containsText } from '../common/filters';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { SecretBox } from '../crypto/secret-box';
import { PluginRegistry } from '../plugins/plugin-registry';
import { CreatePanelDto, PanelOptionsDto, PanelQueryDto, UpdatePanelDto } from './panel.dto';
import { DEFAULT_PANEL_OPTIONS, Panel, PanelOptions } from './panel.entity';
import { PanelClientsService } from './panel-clients.service';

@Injectable()
export class PanelsService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly plugins: PluginRegistry,
    private readonly audit: AuditService,
    private readonly clients: PanelClientsService,
  ) {}

  async create(input: CreatePanelDto): Promise<Panel> {
    this.validate(input.type, input.credentials, input.baseUrl);
    const panel = this.em.create(Panel, {
      name: input.name,
      type: input.type,
      baseUrl: input.baseUrl ?? null,
      credentialsSealed: this.secrets.encryptJson(input.credentials),
      credentialFields: Object.keys(input.credentials).sort(),
      options: mergeOptions(DEFAULT_PANEL_OPTIONS, input.options),
    });
    this.em.persist(panel);
    await this.audit.record({ action: 'panel.create', target: { type: 'panel', id: panel.id }, details: { name: panel.name, type: panel.type, baseUrl: panel.baseUrl } }, this.em);
    await this.em.flush();
    return panel;
  }

  async list(query: PanelQueryDto, limit: number): Promise<Page<Panel>> {
    const where: FilterQuery<Panel> = { type: query.type, status: query.status };
    if (query.search) Object.assign(where, { name: containsText(this.em, query.search) });
    const before = decodeCursor(query.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(Panel, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  async get(id: string): Promise<Panel> {
    const panel = await this.em.findOne(Panel, { id });
    if (!panel) throw new NotFoundError('Panel', id);
    return panel;
  }

  async update(id: string, input: UpdatePanelDto): Promise<Panel> {
    const panel = await this.get(id);
    const type = input.type ?? panel.type;
    if (input.type !== undefined && input.type !== panel.type && input.credentials === undefined) {
      throw new UnprocessableError('CREDENTIALS_REQUIRED', 'Changing the panel type needs the credentials of the new type', [{ field: 'credentials', message: 'credentials are required when type changes' }]);
    }
    if (input.credentials !== undefined || input.type !== undefined || input.baseUrl !== undefined) {
      const credentials = input.credentials ?? (await this.credentials(panel));
      this.validate(type, credentials, input.baseUrl ?? panel.baseUrl ?? undefined);
    }
    if (input.name !== undefined) panel.name = input.name;
    if (input.baseUrl !== undefined) panel.baseUrl = input.baseUrl;
    panel.type = type;
    if (input.credentials !== undefined) {
      panel.credentialsSealed = this.secrets.encryptJson(input.credentials);
      panel.credentialFields = Object.keys(input.credentials).sort();
    }
    if (input.options !== undefined) panel.options = mergeOptions(panel.options, input.options);
    await this.audit.record({ action: 'panel.update', target: { type: 'panel', id }, details: { fields: Object.keys(input) } }, this.em);
    await this.em.flush();
    return panel;
  }

  async remove(id: string): Promise<void> {
    const panel = await this.get(id);
    this.em.remove(panel);
    await this.audit.record({ action: 'panel.delete', target: { type: 'panel', id }, details: { name: panel.name } }, this.em);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) {
        throw new ConflictError('PANEL_IN_USE', 'Products or subscriptions still use this panel; move or delete them first', { panelId: id });
      }
      throw error;
    }
    // Its cached client, connection pool and circuit breaker go with it.
    this.clients.forget(id);
  }

  /** Decrypted credentials, for the plugin client only. Never returned by the API or logged. */
  async credentials(panel: Panel): Promise<Record<string, unknown>> {
    await this.em.populate(panel, ['credentialsSealed'] as never);
    return this.secrets.decryptJson(panel.credentialsSealed);
  }

  private validate(type: string, credentials: Record<string, unknown>, baseUrl: string | undefined): void {
    const plugin = this.plugins.get('panel', type);
    if (!plugin) {
      const known = this.plugins.manifests('panel').map((manifest) => manifest.id);
      throw new UnprocessableError('UNKNOWN_PANEL_TYPE', `No panel plugin "${type}" is installed${known.length ? ` (installed: ${known.join(', ')})` : ''}`, [{ field: 'type', message: `unknown panel type ${type}`, code: 'UNKNOWN_PANEL_TYPE' }]);
    }
    const errors = this.plugins.validateConfig('panel', type, credentials, 'credentials');
    if (plugin.manifest.requiresBaseUrl !== false && !baseUrl) errors.push({ field: 'baseUrl', message: `baseUrl is required for ${type} panels`, code: 'required' });
    if (errors.length > 0) throw new UnprocessableError('INVALID_PANEL_CREDENTIALS', `The credentials do not match the ${type} plugin's configuration schema`, errors);
  }
}

function mergeOptions(base: PanelOptions, patch: PanelOptionsDto | undefined): PanelOptions {
  if (!patch) return { ...base };
  return {
    timeoutMs: patch.timeoutMs ?? base.timeoutMs,
    maxConcurrent: patch.maxConcurrent ?? base.maxConcurrent,
    maxPerSecond: patch.maxPerSecond ?? base.maxPerSecond,
    retry: { ...base.retry, ...(patch.retry ?? {}) },
    tls: patch.tls ? { ...(base.tls ?? {}), ...patch.tls } : base.tls,
    breaker: patch.breaker ? { ...patch.breaker } : base.breaker,
  };
}
