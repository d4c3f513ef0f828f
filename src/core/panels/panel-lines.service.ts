import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UnprocessableError } from '../common/errors';
import { EventsService } from '../events/events.service';
import { IdempotencyPlan, NO_IDEMPOTENCY_PLAN } from '../http/idempotency-plan';
import { LineRef, LineVerification, PanelClient, PanelLine, PluginManifest } from '../plugins/sdk';
import { panelCall } from './panel-errors';
import { PanelClientsService } from './panel-clients.service';
import { CreatePanelLineDto, ExtendPanelLineDto, LineCredentialsDto, UpdatePanelLineDto } from './panel-operations.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

type LineEvent = 'line.created' | 'line.extended' | 'line.enabled' | 'line.disabled' | 'line.deleted' | 'line.updated';

/**
 * Direct line operations for operators (`/panels/{id}/lines`). Each one is audited with the panel
 * calls it made, emits its `line.*` event, and is idempotent: creates take the request's
 * Idempotency-Key as the plugin's idempotency key, so retries after a lost answer find the line
 * made by the first attempt instead of making a second one; a days-extend plans its absolute
 * expiry under the key (see `extend`); the rest set absolute values and are safe to repeat.
 */
@Injectable()
export class PanelLinesService {
  constructor(
    private readonly clients: PanelClientsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  async create(panelId: string, input: CreatePanelLineDto, idempotencyKey: string | undefined): Promise<PanelLine> {
    const { client, manifest } = await this.ready(panelId, 'createLine');
    let expiresAt: string | null;
    if (input.durationDays !== undefined) expiresAt = new Date(Date.now() + input.durationDays * DAY_MS).toISOString();
    else if (input.expiresAt !== undefined) expiresAt = input.expiresAt === null ? null : new Date(input.expiresAt).toISOString();
    else throw new UnprocessableError('EXPIRY_REQUIRED', 'Give expiresAt (null = never expires) or durationDays', [{ field: 'expiresAt', message: 'expiresAt or durationDays is required' }]);
    const key = idempotencyKey ? `api:${panelId}:${idempotencyKey}` : `api:${randomUUID()}`;
    const line = await this.run(panelId, 'create', manifest, () =>
      (client.createLine as NonNullable<PanelClient['createLine']>)({ username: input.username, password: input.password, packageId: input.packageId, expiresAt, maxConnections: input.maxConnections, isTrial: input.isTrial, notes: input.notes, idempotencyKey: key }),
    );
    await this.done(panelId, 'line.created', line, { packageId: input.packageId, expiresAt: line.expiresAt, maxConnections: line.maxConnections });
    return line;
  }

  async get(panelId: string, lineId: string, credentials: LineCredentialsDto): Promise<PanelLine | null> {
    const { client, manifest } = await this.ready(panelId, 'getLine');
    return this.run(panelId, 'get', manifest, () => (client.getLine as NonNullable<PanelClient['getLine']>)(ref(lineId, credentials)));
  }

  async findByUsername(panelId: string, username: string, password?: string): Promise<PanelLine | null> {
    const { client, manifest } = await this.clients.forPanel(panelId);
    if (client.findLineByUsername && manifest.capabilities.includes('findLineByUsername')) {
      return this.run(panelId, 'find', manifest, () => (client.findLineByUsername as NonNullable<PanelClient['findLineByUsername']>)(username));
    }
    // Panels that address lines by credentials can only be searched with the password.
    if (password && client.getLine && manifest.capabilities.includes('getLine')) return this.run(panelId, 'find', manifest, () => (client.getLine as NonNullable<PanelClient['getLine']>)({ externalId: '', username, password }));
    throw new UnprocessableError('NOT_SUPPORTED', `The ${manifest.name} plugin cannot find a line by username alone${client.getLine ? '; give the password too' : ''}`);
  }

  /**
   * `days` is relative to the expiry the panel has now, so the absolute expiry is planned once per
   * Idempotency-Key: a retry after a lost answer (the panel applied the extend, the hub answered
   * 5xx) sends the expiry the first attempt planned instead of adding the days again. Without a
   * key nothing is remembered; `expiresAt` is absolute and safe to repeat either way.
   */
  async extend(panelId: string, lineId: string, input: ExtendPanelLineDto, idempotency: IdempotencyPlan = NO_IDEMPOTENCY_PLAN): Promise<PanelLine> {
    const { client, manifest } = await this.ready(panelId, 'extendLine');
    let expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : undefined;
    if (!expiresAt) {
      const days = input.days;
      if (days === undefined) throw new UnprocessableError('EXPIRY_REQUIRED', 'Give expiresAt or days', [{ field: 'expiresAt', message: 'expiresAt or days is required' }]);
      ({ expiresAt } = await idempotency.once(async () => {
        const current = await this.get(panelId, lineId, input);
        if (!current) throw new UnprocessableError('USER_NOT_FOUND', `Line ${lineId} does not exist on the panel`);
        // From the current expiry while the line is still running, else from now (the billing norm).
        const from = current.expiresAt && Date.parse(current.expiresAt) > Date.now() ? Date.parse(current.expiresAt) : Date.now();
        return { expiresAt: new Date(from + days * DAY_MS).toISOString() };
      }));
    }
    const line = await this.run(panelId, 'extend', manifest, () => (client.extendLine as NonNullable<PanelClient['extendLine']>)({ line: ref(lineId, input), expiresAt: expiresAt as string }));
    await this.done(panelId, 'line.extended', line, { expiresAt: line.expiresAt });
    return line;
  }

  async setEnabled(panelId: string, lineId: string, enabled: boolean, credentials: LineCredentialsDto): Promise<PanelLine> {
    const capability = enabled ? 'enableLine' : 'disableLine';
    const { client, manifest } = await this.ready(panelId, capability);
    const operation = client[capability] as NonNullable<PanelClient['enableLine']>;
    const line = await this.run(panelId, enabled ? 'enable' : 'disable', manifest, () => operation.call(client, ref(lineId, credentials)));
    await this.done(panelId, enabled ? 'line.enabled' : 'line.disabled', line, { enabled: line.enabled });
    return line;
  }

  async update(panelId: string, lineId: string, input: UpdatePanelLineDto): Promise<PanelLine> {
    const { client, manifest } = await this.ready(panelId, 'updateLine');
    const line = await this.run(panelId, 'update', manifest, () =>
      (client.updateLine as NonNullable<PanelClient['updateLine']>)({ line: ref(lineId, input), packageId: input.packageId, password: input.newPassword, maxConnections: input.maxConnections }),
    );
    await this.done(panelId, 'line.updated', line, { packageId: input.packageId ?? null, maxConnections: input.maxConnections ?? null, passwordChanged: input.newPassword !== undefined });
    return line;
  }

  async remove(panelId: string, lineId: string, credentials: LineCredentialsDto): Promise<void> {
    const { client, manifest } = await this.ready(panelId, 'deleteLine');
    await this.run(panelId, 'delete', manifest, () => (client.deleteLine as NonNullable<PanelClient['deleteLine']>)(ref(lineId, credentials)));
    await this.done(panelId, 'line.deleted', { externalId: lineId, username: credentials.username ?? '' } as PanelLine, {});
  }

  async verify(panelId: string, lineId: string, credentials: LineCredentialsDto): Promise<LineVerification> {
    const { client, manifest } = await this.ready(panelId, 'verifyLine');
    return this.run(panelId, 'verify', manifest, () => (client.verifyLine as NonNullable<PanelClient['verifyLine']>)(ref(lineId, credentials)));
  }

  private async ready(panelId: string, capability: string) {
    const ready = await this.clients.forPanel(panelId);
    const operation = (ready.client as Record<string, unknown>)[capability];
    if (typeof operation !== 'function' || !ready.manifest.capabilities.includes(capability)) {
      throw new UnprocessableError('NOT_SUPPORTED', `The ${ready.manifest.name} plugin does not support ${capability}`);
    }
    return ready;
  }

  /** Runs a plugin operation; a failure is audited (with its normalised code) and turned into an API problem. */
  private async run<T>(panelId: string, operation: string, manifest: PluginManifest, work: () => Promise<T>): Promise<T> {
    try {
      return await panelCall(panelId, work);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'INTERNAL_ERROR';
      await this.audit.record({ action: `panel.line.${operation}`, outcome: 'failure', target: { type: 'panel', id: panelId }, details: { plugin: manifest.id, code } });
      throw error;
    }
  }

  private async done(panelId: string, type: LineEvent, line: Pick<PanelLine, 'externalId' | 'username'>, details: Record<string, unknown>): Promise<void> {
    await this.events.transaction(async (em, emit) => {
      await this.audit.record({ action: `panel.${type}`, target: { type: 'panel', id: panelId }, details: { lineId: line.externalId, username: line.username, ...details } }, em);
      emit({ type, subject: { type: 'panel', id: panelId }, payload: { panelId, lineId: line.externalId, username: line.username, source: 'api', ...details } });
    });
  }
}

function ref(lineId: string, credentials: LineCredentialsDto): LineRef {
  return { externalId: lineId, username: credentials.username ?? '', password: credentials.password };
}
