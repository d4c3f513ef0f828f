import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { HubError, NotFoundError, UnprocessableError } from '../common/errors';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { sha256Hex } from '../crypto/secret-box';
import { findRow } from '../database/raw-rows';
import { ApiKey } from './api-key.entity';
import { grants, isValidScope } from './scopes';

export interface NewApiKey {
  name: string;
  scopes: string[];
  expiresAt?: Date;
  ipAllowList?: string[];
}

/** How stale `lastUsedAt` may get before a use writes it again (one write per key per interval). */
const TOUCH_INTERVAL_MS = 10_000;
const BOOTSTRAP_NAME = 'bootstrap-admin';

@Injectable()
export class ApiKeysService implements OnModuleInit {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.role !== 'worker') await this.bootstrap();
  }

  /** Makes sure an admin can get in: the key from HUB_ADMIN_API_KEY, or a generated one printed once. */
  private async bootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    if (this.config.adminApiKey) {
      const keyHash = sha256Hex(this.config.adminApiKey);
      if (!(await em.count(ApiKey, { keyHash }))) {
        em.persist(em.create(ApiKey, { name: BOOTSTRAP_NAME, prefix: this.config.adminApiKey.slice(0, 12), keyHash, scopes: ['admin'] }));
        await em.flush();
        this.logger.log('Registered the admin API key from HUB_ADMIN_API_KEY');
      }
      return;
    }
    if ((await em.count(ApiKey, {})) > 0) return;
    const key = generateKey();
    em.persist(em.create(ApiKey, { name: BOOTSTRAP_NAME, prefix: key.slice(0, 12), keyHash: sha256Hex(key), scopes: ['admin'] }));
    await em.flush();
    // Printed on stdout once, deliberately outside the structured log: it is never shown again.
    process.stdout.write(
      `\n  IPTV Hub: no API key existed, so an admin key was created. It is shown only this once:\n\n    ${key}\n\n` +
        '  Use it as "Authorization: Bearer <key>" or "X-Api-Key: <key>". Set HUB_ADMIN_API_KEY to choose your own.\n\n',
    );
  }

  /**
   * `grantor` is the scopes of the key asking: a key may hand out only what it holds itself, so a
   * key that manages API keys (`api-keys:write`) cannot mint an admin key.
   */
  async create(input: NewApiKey, grantor?: string[]): Promise<{ key: string; record: ApiKey }> {
    const invalid = input.scopes.filter((scope) => !isValidScope(scope));
    if (invalid.length > 0) {
      throw new UnprocessableError('INVALID_SCOPE', `Unknown scope(s): ${invalid.join(', ')}`, invalid.map((scope) => ({ field: 'scopes', message: `${scope} is not a scope: use admin, operator, read-only or <resource>:read|write` })));
    }
    for (const entry of input.ipAllowList ?? []) parseAllowEntry(entry);
    if (grantor) {
      const beyond = input.scopes.filter((scope) => !grants(grantor, scope));
      if (beyond.length > 0) throw beyondReach(grantor, `grant ${beyond.join(', ')}`);
    }
    const key = generateKey();
    const record = this.em.create(ApiKey, {
      name: input.name,
      prefix: key.slice(0, 12),
      keyHash: sha256Hex(key),
      scopes: input.scopes,
      expiresAt: input.expiresAt ?? null,
      ipAllowList: input.ipAllowList ?? null,
    });
    this.em.persist(record);
    await this.audit.record({ action: 'api_key.create', target: { type: 'api_key', id: record.id }, details: { name: input.name, scopes: input.scopes } }, this.em);
    await this.em.flush();
    return { key, record };
  }

  async list(): Promise<ApiKey[]> {
    return this.em.find(ApiKey, {}, { orderBy: { id: 'desc' } });
  }

  /** `revoker` is the scopes of the key asking: it may revoke only keys it could have created. */
  async revoke(id: string, revoker?: string[]): Promise<ApiKey> {
    const record = await this.em.findOne(ApiKey, { id });
    if (!record) throw new NotFoundError('API key', id);
    if (revoker && !record.scopes.every((scope) => grants(revoker, scope))) throw beyondReach(revoker, `revoke a key with scopes ${record.scopes.join(', ')}`);
    record.revokedAt ??= new Date();
    await this.audit.record({ action: 'api_key.revoke', target: { type: 'api_key', id } }, this.em);
    await this.em.flush();
    return record;
  }

  /**
   * Returns the key's record when the key is valid for this address, else the reason it is not.
   * Looked up on every request (one indexed read, raw: no unit of work for a row only read), never
   * cached: a revocation made through any process must hold in every process from its next request on.
   */
  async authenticate(rawKey: string, ip: string | undefined): Promise<RequestAuthentication> {
    const key = await findRow<ApiKey>(this.orm.em.fork(), ApiKey, { keyHash: sha256Hex(rawKey) });
    if (!key) return { reason: 'unknown key' };
    if (key.revokedAt) return { reason: 'revoked key' };
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return { reason: 'expired key' };
    if (key.ipAllowList?.length && !ipAllowed(key.ipAllowList, ip)) return { reason: `address ${ip ?? 'unknown'} is not in the key's allow-list` };
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) void this.touch(key.id);
    return { key };
  }

  /**
   * The request's API key checked once per request, however many guards ask (the rate limiter
   * counts per valid key, the auth guard admits it): both see one answer from one read.
   */
  authenticateRequest(req: Request): Promise<RequestAuthentication> {
    let result = authentications.get(req);
    if (!result) {
      const raw = presentedKey(req);
      result = raw ? this.authenticate(raw, req.ip) : Promise.resolve({ reason: 'missing' as const });
      authentications.set(req, result);
    }
    return result;
  }

  private async touch(id: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ApiKey, { id }, { lastUsedAt: new Date() }).catch(() => undefined);
  }
}

/** A key admitted, or the reason it was not (`missing` when none was presented). */
export type RequestAuthentication = { key: ApiKey } | { reason: string };

const authentications = new WeakMap<Request, Promise<RequestAuthentication>>();

/** The key from `Authorization: Bearer <key>` or `X-Api-Key: <key>`, if any. */
export function presentedKey(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim() || undefined;
  const apiKey = req.headers['x-api-key'];
  return (Array.isArray(apiKey) ? apiKey[0] : apiKey)?.trim() || undefined;
}

function beyondReach(scopes: string[], what: string): HubError {
  return new HubError(403, 'INSUFFICIENT_SCOPE', 'Forbidden', `This API key's scopes (${scopes.join(', ')}) do not allow it to ${what}`);
}

function generateKey(): string {
  return `hub_${randomBytes(32).toString('base64url')}`;
}

function parseAllowEntry(entry: string): { address: string; prefix?: number } {
  const [address, prefix] = entry.split('/');
  const family = isIP(address);
  const bits = prefix === undefined ? undefined : Number(prefix);
  if (!family || (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)))) {
    throw new UnprocessableError('INVALID_IP_ALLOW_LIST', `${entry} is not an IP address or CIDR range`, [{ field: 'ipAllowList', message: `${entry} is not an IP address or CIDR range` }]);
  }
  return { address, prefix: bits };
}

function ipAllowed(entries: string[], ip: string | undefined): boolean {
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  for (const entry of entries) {
    const { address: base, prefix } = parseAllowEntry(entry);
    const baseFamily = isIP(base) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(base, baseFamily);
    else list.addSubnet(base, prefix, baseFamily);
  }
  return list.check(address, family);
}
