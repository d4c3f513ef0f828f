import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { redact } from '../audit/redact';
import { NotFoundError, UnprocessableError } from '../common/errors';
import { SecretBox } from '../crypto/secret-box';
import { HubPluginHttpClient, PanelCallRecord } from '../http/plugin-http/plugin-http-client';
import { PluginRegistry } from '../plugins/plugin-registry';
import { PaymentClient, PaymentPlugin, PluginLogger, PluginManifest, scrubSecrets, secretValues } from '../plugins/sdk';
import { paymentAccountStateStore } from './payment-account-state.store';
import { PaymentAccount } from './payment-account.entity';

const RECHECK_MS = 2_000;

export interface ReadyPaymentClient {
  account: PaymentAccount;
  client: PaymentClient;
  manifest: PluginManifest;
}

interface CachedClient {
  version: string;
  checkedAt: number;
  account: PaymentAccount;
  client: PaymentClient;
  manifest: PluginManifest;
}

/**
 * Ready plugin clients for payment accounts (the payment counterpart of PanelClientsService):
 * credentials decrypted, `ctx.http` with timeouts, retries of safe calls and an audit entry per
 * provider call (secrets removed). Cached per account, rebuilt when the account changes — the
 * inbound webhook path must not pay a decryption per delivery.
 */
@Injectable()
export class PaymentClientsService {
  private readonly cache = new Map<string, CachedClient>();
  private readonly logger = new Logger('PaymentClients');

  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly registry: PluginRegistry,
    private readonly audit: AuditService,
  ) {}

  async forAccount(accountId: string): Promise<ReadyPaymentClient> {
    const account = await this.em.fork().findOne(PaymentAccount, { id: accountId }, { populate: ['credentialsSealed'] as never });
    if (!account) throw new NotFoundError('Payment account', accountId);
    const cached = this.build(account);
    return { account, client: cached.client, manifest: cached.manifest };
  }

  /** The cached client when the account is unchanged since it was built (the webhook fast path checks `updatedAt`). */
  async forWebhook(accountId: string): Promise<ReadyPaymentClient> {
    const cached = this.cache.get(accountId);
    // Within a few seconds of the last check the cached client is used as is (other processes' edits show up after that).
    if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached;
    if (cached) {
      const current = await this.em.fork().findOne(PaymentAccount, { id: accountId }, { fields: ['id', 'updatedAt', 'type'] as never });
      if (!current) throw new NotFoundError('Payment account', accountId);
      if (current.updatedAt.getTime() === cached.account.updatedAt.getTime()) {
        cached.checkedAt = Date.now();
        return cached;
      }
    }
    return this.forAccount(accountId);
  }

  forget(accountId: string): void {
    this.cache.delete(accountId);
  }

  private build(account: PaymentAccount): CachedClient {
    const version = createHash('sha256').update(JSON.stringify([account.type, account.credentialsSealed, account.updatedAt.getTime()])).digest('hex');
    const cached = this.cache.get(account.id);
    if (cached && cached.version === version) return cached;
    const plugin = this.registry.get('payment', account.type) as PaymentPlugin | undefined;
    if (!plugin) throw new UnprocessableError('UNKNOWN_PAYMENT_TYPE', `Payment account ${account.id} uses the payment plugin "${account.type}", which is not installed`);
    const config = this.secrets.decryptJson(account.credentialsSealed) as Record<string, unknown>;
    const secrets = secretValues(plugin.manifest.configSchema, config);
    const logger = accountLogger(plugin.manifest.id, account.id, secrets);
    const http = new HubPluginHttpClient({
      key: `payment:${account.id}`,
      timeoutMs: 15_000,
      retry: { attempts: 3, baseDelayMs: 300 },
      secrets,
      logger,
      onCall: (record) => this.recordCall(account.id, record),
    });
    const client = plugin.create(config, { http, logger, clock: { now: () => new Date() }, state: paymentAccountStateStore(this.em, account.id) });
    const entry: CachedClient = { version, checkedAt: Date.now(), account, client, manifest: plugin.manifest };
    this.cache.set(account.id, entry);
    return entry;
  }

  private recordCall(accountId: string, call: PanelCallRecord): void {
    void this.audit
      .record({ action: 'payment.call', outcome: call.code ? 'failure' : 'success', target: { type: 'payment_account', id: accountId }, details: { ...call } })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Recording a payment provider call failed'));
  }
}

function accountLogger(pluginId: string, accountId: string, secrets: string[]): PluginLogger {
  const logger = new Logger(`plugin:${pluginId}`);
  const clean = (message: string, fields?: Record<string, unknown>) => [{ ...(fields ? (JSON.parse(scrubSecrets(JSON.stringify(redact(fields)), secrets)) as Record<string, unknown>) : {}), paymentAccountId: accountId }, scrubSecrets(message, secrets)] as const;
  return {
    debug: (message, fields) => logger.debug(...clean(message, fields)),
    info: (message, fields) => logger.log(...clean(message, fields)),
    warn: (message, fields) => logger.warn(...clean(message, fields)),
    error: (message, fields) => logger.error(...clean(message, fields)),
  };
}
