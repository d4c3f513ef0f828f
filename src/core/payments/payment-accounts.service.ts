import { EntityManager, FilterQuery, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { SecretBox } from '../crypto/secret-box';
import { PluginRegistry } from '../plugins/plugin-registry';
import type { ConnectionTestResult } from '../plugins/sdk';
import { CreatePaymentAccountDto, PaymentAccountQueryDto, UpdatePaymentAccountDto } from './payment-account.dto';
import { PaymentAccount } from './payment-account.entity';
import { PaymentClientsService } from './payment-clients.service';

/** Payment accounts: credentials validated against the plugin's schema and sealed; connection tests. */
@Injectable()
export class PaymentAccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly plugins: PluginRegistry,
    private readonly audit: AuditService,
    private readonly clients: PaymentClientsService,
  ) {}

  async create(input: CreatePaymentAccountDto): Promise<PaymentAccount> {
    this.validate(input.type, input.credentials);
    const account = this.em.create(PaymentAccount, {
      name: input.name,
      type: input.type,
      enabled: input.enabled ?? true,
      credentialsSealed: this.secrets.encryptJson(input.credentials),
      credentialFields: Object.keys(input.credentials).sort(),
    });
    this.em.persist(account);
    await this.audit.record({ action: 'payment_account.create', target: { type: 'payment_account', id: account.id }, details: { name: account.name, type: account.type } }, this.em);
    await this.em.flush();
    return account;
  }

  async list(query: PaymentAccountQueryDto, limit: number): Promise<Page<PaymentAccount>> {
    const where: FilterQuery<PaymentAccount> = { type: query.type };
    const before = decodeCursor(query.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(PaymentAccount, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  async get(id: string): Promise<PaymentAccount> {
    const account = await this.em.findOne(PaymentAccount, { id });
    if (!account) throw new NotFoundError('Payment account', id);
    return account;
  }

  async update(id: string, input: UpdatePaymentAccountDto): Promise<PaymentAccount> {
    const account = await this.get(id);
    if (input.type !== undefined && input.type !== account.type && input.credentials === undefined) {
      throw new UnprocessableError('CREDENTIALS_REQUIRED', 'Changing the payment type needs the credentials of the new type', [{ field: 'credentials', message: 'credentials are required when type changes' }]);
    }
    const type = input.type ?? account.type;
    if (input.credentials !== undefined) {
      this.validate(type, input.credentials);
      account.credentialsSealed = this.secrets.encryptJson(input.credentials);
      account.credentialFields = Object.keys(input.credentials).sort();
    }
    account.type = type;
    if (input.name !== undefined) account.name = input.name;
    if (input.enabled !== undefined) account.enabled = input.enabled;
    await this.audit.record({ action: 'payment_account.update', target: { type: 'payment_account', id }, details: { fields: Object.keys(input) } }, this.em);
    await this.em.flush();
    this.clients.forget(id);
    return account;
  }

  async remove(id: string): Promise<void> {
    const account = await this.get(id);
    this.em.remove(account);
    await this.audit.record({ action: 'payment_account.delete', target: { type: 'payment_account', id }, details: { name: account.name, type: account.type } }, this.em);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) throw new ConflictError('PAYMENT_ACCOUNT_IN_USE', 'Checkouts were opened with this account; disable it instead of deleting it', { paymentAccountId: id });
      throw error;
    }
    this.clients.forget(id);
  }

  async test(id: string): Promise<ConnectionTestResult> {
    const { account, client } = await this.clients.forAccount(id);
    const result: ConnectionTestResult = client.testConnection
      ? await client.testConnection()
      : { ok: true, stages: [{ stage: 'authentication', ok: true, detail: `The ${account.type} plugin has no connection test; nothing to check` }] };
    const em = this.em.fork();
    await em.nativeUpdate(PaymentAccount, { id }, { lastTest: result as unknown as Record<string, unknown>, lastTestedAt: new Date() });
    await this.audit.record({ action: 'payment_account.test', outcome: result.ok ? 'success' : 'failure', target: { type: 'payment_account', id }, details: { failedStage: result.failedStage ?? null } });
    return result;
  }

  private validate(type: string, credentials: Record<string, unknown>): void {
    const plugin = this.plugins.get('payment', type);
    if (!plugin) {
      const known = this.plugins.manifests('payment').map((manifest) => manifest.id);
      throw new UnprocessableError('UNKNOWN_PAYMENT_TYPE', `No payment plugin "${type}" is installed${known.length ? ` (installed: ${known.join(', ')})` : ''}`, [{ field: 'type', message: `unknown payment type ${type}`, code: 'UNKNOWN_PAYMENT_TYPE' }]);
    }
    const errors = this.plugins.validateConfig('payment', type, credentials, 'credentials');
    if (errors.length > 0) throw new UnprocessableError('INVALID_PAYMENT_CREDENTIALS', `The credentials do not match the ${type} plugin's configuration schema`, errors);
  }
}
