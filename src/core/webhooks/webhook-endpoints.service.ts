import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { NotFoundError, UnprocessableError } from '../common/errors';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { SecretBox } from '../crypto/secret-box';
import { SsrfGuard, SsrfRefusal } from './ssrf-guard';
import { CreateWebhookEndpointDto, UpdateWebhookEndpointDto, WebhookEndpointQueryDto } from './webhook-endpoint.dto';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { newWebhookSecret } from './webhook-signer';

const DEFAULT_OVERLAP_SECONDS = 24 * 60 * 60;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'user-agent', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer']);

/** Endpoint management: validation (incl. SSRF at creation), sealed secrets and headers, rotation. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly guard: SsrfGuard,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async create(input: CreateWebhookEndpointDto): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    await this.vetUrl(input.url);
    this.checkCredentialsPolicy(input.includeCredentials ?? false, input.url);
    const secret = newWebhookSecret();
    const endpoint = this.em.create(WebhookEndpoint, {
      url: input.url,
      description: input.description ?? null,
      eventTypes: [...new Set(input.eventTypes)],
      enabled: input.enabled ?? true,
      disabledReason: input.enabled === false ? 'manual' : null,
      disabledAt: input.enabled === false ? new Date() : null,
      secretSealed: this.secrets.encrypt(secret),
      rateLimitPerSecond: input.rateLimitPerSecond ?? null,
      includeCredentials: input.includeCredentials ?? false,
    });
    this.setHeaders(endpoint, input.headers);
    this.em.persist(endpoint);
    await this.audit.record({ action: 'webhook_endpoint.create', target: { type: 'webhook_endpoint', id: endpoint.id }, details: summary(endpoint) }, this.em);
    await this.em.flush();
    return { endpoint, secret };
  }

  async list(query: WebhookEndpointQueryDto, limit: number): Promise<Page<WebhookEndpoint>> {
    const where: FilterQuery<WebhookEndpoint> = {};
    if (query.enabled !== undefined) Object.assign(where, { enabled: query.enabled === 'true' });
    const before = decodeCursor(query.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(WebhookEndpoint, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  async get(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.em.findOne(WebhookEndpoint, { id });
    if (!endpoint) throw new NotFoundError('Webhook endpoint', id);
    return endpoint;
  }

  async update(id: string, input: UpdateWebhookEndpointDto): Promise<WebhookEndpoint> {
    const endpoint = await this.get(id);
    if (input.url !== undefined && input.url !== endpoint.url) await this.vetUrl(input.url);
    this.checkCredentialsPolicy(input.includeCredentials ?? endpoint.includeCredentials, input.url ?? endpoint.url);
    if (input.url !== undefined) endpoint.url = input.url;
    if (input.description !== undefined) endpoint.description = input.description;
    if (input.eventTypes !== undefined) endpoint.eventTypes = [...new Set(input.eventTypes)];
    if (input.rateLimitPerSecond !== undefined) endpoint.rateLimitPerSecond = input.rateLimitPerSecond;
    if (input.includeCredentials !== undefined) endpoint.includeCredentials = input.includeCredentials;
    if (input.headers !== undefined) this.setHeaders(endpoint, input.headers);
    if (input.enabled === true && !endpoint.enabled) {
      // A fresh start: the failure streak that disabled it is over.
      Object.assign(endpoint, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
    } else if (input.enabled === false && endpoint.enabled) {
      Object.assign(endpoint, { enabled: false, disabledReason: 'manual', disabledAt: new Date() });
    }
    await this.audit.record({ action: 'webhook_endpoint.update', target: { type: 'webhook_endpoint', id }, details: { fields: Object.keys(input), ...summary(endpoint) } }, this.em);
    await this.em.flush();
    return endpoint;
  }

  async remove(id: string): Promise<void> {
    const endpoint = await this.get(id);
    this.em.remove(endpoint);
    await this.audit.record({ action: 'webhook_endpoint.delete', target: { type: 'webhook_endpoint', id }, details: { url: urlOrigin(endpoint.url) } }, this.em);
    await this.em.flush();
  }

  /** A new secret; the old one keeps signing next to it for the overlap so receivers can switch without losing events. */
  async rotateSecret(id: string, overlapSeconds = DEFAULT_OVERLAP_SECONDS): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const endpoint = await this.get(id);
    const secret = newWebhookSecret();
    endpoint.previousSecretSealed = overlapSeconds > 0 ? endpoint.secretSealed : null;
    endpoint.previousSecretExpiresAt = overlapSeconds > 0 ? new Date(Date.now() + overlapSeconds * 1000) : null;
    endpoint.secretSealed = this.secrets.encrypt(secret);
    await this.audit.record({ action: 'webhook_endpoint.rotate_secret', target: { type: 'webhook_endpoint', id }, details: { overlapSeconds } }, this.em);
    await this.em.flush();
    return { endpoint, secret };
  }

  private async vetUrl(url: string): Promise<void> {
    try {
      await this.guard.vetUrl(url);
    } catch (error) {
      if (!(error instanceof SsrfRefusal)) throw error;
      throw new UnprocessableError(error.code, error.message, [{ field: 'url', message: error.message, code: error.code }], error.address ? { address: error.address, addressClass: error.addressClass } : {});
    }
  }

  private checkCredentialsPolicy(includeCredentials: boolean, url: string): void {
    if (!includeCredentials || url.startsWith('https://') || this.config.webhooks.allowInsecureCredentials) return;
    throw new UnprocessableError('WEBHOOK_CREDENTIALS_NEED_HTTPS', 'Credentials are only sent to https:// endpoints (HUB_WEBHOOK_ALLOW_INSECURE_CREDENTIALS=true allows http for local development)', [
      { field: 'includeCredentials', message: 'requires an https:// url', code: 'WEBHOOK_CREDENTIALS_NEED_HTTPS' },
    ]);
  }

  private setHeaders(endpoint: WebhookEndpoint, headers: Record<string, string> | undefined): void {
    if (headers === undefined) return;
    const entries = Object.entries(headers);
    const errors = entries.flatMap(([name, value]) => headerProblems(name, value));
    if (entries.length > 20) errors.push({ field: 'headers', message: 'at most 20 custom headers', code: 'TOO_MANY_HEADERS' });
    if (errors.length > 0) throw new UnprocessableError('WEBHOOK_HEADERS_INVALID', 'Some custom headers are not allowed', errors);
    endpoint.headerNames = entries.map(([name]) => name).sort();
    endpoint.headersSealed = entries.length > 0 ? this.secrets.encryptJson(headers) : null;
  }
}

function headerProblems(name: string, value: unknown): { field: string; message: string; code: string }[] {
  const field = `headers.${name}`;
  if (!HEADER_NAME.test(name)) return [{ field, message: 'not a valid header name', code: 'INVALID_HEADER' }];
  const lower = name.toLowerCase();
  if (RESERVED_HEADERS.has(lower) || lower.startsWith('webhook-')) return [{ field, message: 'set by the hub, cannot be overridden', code: 'RESERVED_HEADER' }];
  if (typeof value !== 'string' || value.length > 4000 || /[\r\n\0]/.test(value)) return [{ field, message: 'must be a single-line string of at most 4000 characters', code: 'INVALID_HEADER' }];
  return [];
}

function summary(endpoint: WebhookEndpoint): Record<string, unknown> {
  return { url: urlOrigin(endpoint.url), eventTypes: endpoint.eventTypes, enabled: endpoint.enabled, headerNames: endpoint.headerNames, includeCredentials: endpoint.includeCredentials, rateLimitPerSecond: endpoint.rateLimitPerSecond };
}

/** Chat webhooks carry their token in the path: logs and alerts name only the origin. */
export function urlOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid-url';
  }
}
