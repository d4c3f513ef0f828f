import { randomBytes } from 'node:crypto';
import {
  ConnectionStageResult,
  ConnectionTestResult,
  createMarker,
  CreateLineInput,
  deriveCredential,
  ExtendLineInput,
  isPluginError,
  LineRef,
  PanelClient,
  PanelLine,
  PanelPackage,
  PanelPluginContext,
  PluginError,
  UpdateLineInput,
  WireFields,
} from '../../../core/plugins/sdk';
import { Method, MinistraDirectory } from './ministra.directory';
import { MinistraExpiryMemory } from './ministra.expiry-memory';
import { classifyMinistra, MinistraAccount, MinistraEnvelope, MinistraServicePackage, MinistraSubscription, MinistraTariff, toEndDate, toLine, toPackage } from './ministra.wire';

export interface MinistraConfig {
  /** api_auth_login of [server_api]; empty when the API runs without auth. */
  login?: string;
  password?: string;
  /** Path of the API under the base URL. */
  apiPath?: string;
  /** The portal's time zone (end_date is wall-clock time in it). */
  timeZone?: string;
}


/**
 * Client of the Ministra (Stalker middleware) REST API v1. Lines are accounts: the hub creates
 * each with `account_number` = `login` = the line's username. An account number can be shared by
 * several users (boxes) made on the portal, and `accounts/<number>` acts on all of them, so changes
 * go to `users/<login>`, which acts on one. Create answers only `true`, so the account is read back; a tariff plan the panel does
 * not know would silently become the default plan, so it is checked first. `end_date` is shown by
 * the panel only with internal billing on; otherwise the hub remembers the expiry it set (and
 * enforces it itself: the expiry workflow disables the line).
 */
export class MinistraClient implements PanelClient {
  private readonly timeZone: string;
  private readonly apiPath: string;
  private readonly expiries: MinistraExpiryMemory;
  private readonly directory: MinistraDirectory;

  constructor(
    private readonly config: MinistraConfig,
    private readonly ctx: PanelPluginContext,
  ) {
    this.timeZone = config.timeZone || 'UTC';
    this.expiries = new MinistraExpiryMemory(ctx.state);
    this.directory = new MinistraDirectory((method, resource, ids, form, operation) => this.call(method, resource, ids, form, operation));
    this.apiPath = (config.apiPath || 'stalker_portal/api/v1/').replace(/^\/+/, '').replace(/\/?$/, '/');
  }

  /** One API call. Bodies are form-encoded (a JSON body reads as empty to the API). */
  async call<T>(method: Method, resource: string, ids: string[] = [], form?: WireFields, operation?: string): Promise<T> {
    const path = `${this.apiPath}${resource}${ids.length ? `/${ids.map(encodeURIComponent).join(',')}` : ''}`;
    const headers: Record<string, string> = {};
    const secrets: string[] = [];
    if (this.config.login) {
      headers.authorization = `Basic ${Buffer.from(`${this.config.login}:${this.config.password ?? ''}`).toString('base64')}`;
      secrets.push(headers.authorization.slice(6), this.config.password ?? '');
    }
    const response = await this.ctx.http.request({
      method,
      url: path,
      form: method === 'POST' || method === 'PUT' ? (form ?? {}) : undefined,
      headers,
      secrets: secrets.filter(Boolean),
      operation: operation ?? `${method} ${resource}`,
      // Reads and absolute updates are safe to repeat; a create is checked by login before it is sent.
      retry: method !== 'POST',
      classify: classifyMinistra,
    });
    const envelope = response.json<MinistraEnvelope<T>>();
    if (envelope.output) this.ctx.logger.warn('Ministra printed PHP output with its answer', { output: String(envelope.output).slice(0, 200) });
    return envelope.results;
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const stages: ConnectionStageResult[] = [];
    try {
      const tariffs = await this.call<MinistraTariff[]>('GET', 'tariffs', [], undefined, 'testConnection');
      stages.push({ stage: 'ip_allow_list', ok: true, detail: "The portal accepts calls from the hub's address" });
      stages.push({ stage: 'authentication', ok: true, detail: this.config.login ? `Basic auth accepted for ${this.config.login}` : 'The API runs without authentication' });
      stages.push({ stage: 'permissions', ok: true, detail: `The REST API is enabled (${Array.isArray(tariffs) ? tariffs.length : 0} tariff plans)` });
      return { ok: true, stages, warnings: this.config.login ? undefined : ['The Ministra API accepts calls without authentication: set api_auth_login / api_auth_password on the portal'] };
    } catch (error) {
      if (!isPluginError(error)) throw error;
      const stage = error.code === 'IP_NOT_ALLOWED' ? 'ip_allow_list' : error.code === 'AUTH_FAILED' ? 'authentication' : error.code === 'FORBIDDEN' ? 'permissions' : undefined;
      if (!stage) throw error;
      if (stage !== 'ip_allow_list') stages.push({ stage: 'ip_allow_list', ok: true, detail: "The portal accepts calls from the hub's address" });
      stages.push({ stage, ok: false, detail: error.message, hint: error.hint });
      return { ok: false, stages, failedStage: stage };
    }
  }

  /** Tariff plans, addressed by their external_id (plans without one cannot be set through the API). */
  async listPackages(): Promise<PanelPackage[]> {
    const tariffs = (await this.call<MinistraTariff[]>('GET', 'tariffs')) ?? [];
    return tariffs.filter((tariff) => tariff.external_id).map(toPackage);
  }

  async getPackage(externalId: string): Promise<PanelPackage | null> {
    return (await this.listPackages()).find((pkg) => pkg.externalId === externalId) ?? null;
  }

  async createLine(input: CreateLineInput): Promise<PanelLine> {
    const login = input.username ?? deriveCredential(input.idempotencyKey, 'username');
    const marker = createMarker(input.idempotencyKey);
    const earlier = input.firstCreate ? undefined : await this.existing(login, marker);
    if (earlier) return this.earlierAttempt(earlier, input);
    await this.requireTariff(input.packageId);
    if (input.maxConnections > 1) this.ctx.logger.warn('Ministra has no connection limit per account; max connections is ignored', { maxConnections: input.maxConnections });
    const fields: WireFields = {
      login,
      password: plannedPassword(input),
      account_number: login,
      tariff_plan: input.packageId,
      status: 1,
      comment: input.notes ? `${input.notes}\n${marker}` : marker,
      end_date: input.expiresAt ? toEndDate(input.expiresAt, this.timeZone) : undefined,
    };
    // Remembered before sending: if the answer is lost, the retried step finds the account through
    // `existing()`, and with end_date hidden the remembered value is the only expiry there is.
    await this.expiries.remember(login, input.expiresAt);
    try {
      await this.call<boolean>('POST', 'accounts', [], fields, 'createLine');
    } catch (error) {
      if (isPluginError(error) && error.code === 'DUPLICATE_USERNAME') {
        const mine = await this.existing(login, marker);
        if (mine) return this.earlierAttempt(mine, input);
      }
      throw error;
    }
    // Create answers only `true`: read the account to learn what the panel made of it.
    const created = await this.existing(login, marker);
    if (!created) throw new PluginError('UNKNOWN', `Ministra accepted account ${login} but does not return it`);
    return { ...created, password: plannedPassword(input) };
  }

  async getLine(line: LineRef): Promise<PanelLine | null> {
    const accounts = await this.directory.accounts(line.externalId);
    // One account number can hold several users (set-top boxes): the line is the one with its login.
    const account = accounts.find((candidate) => !line.username || candidate.login === line.username);
    if (account) return this.toLine(account);
    return line.username && line.username !== line.externalId ? this.findLineByUsername(line.username) : null;
  }

  async findLineByUsername(username: string): Promise<PanelLine | null> {
    const account = await this.directory.user(username);
    return account ? this.toLine(account) : null;
  }

  async extendLine(input: ExtendLineInput): Promise<PanelLine> {
    const login = await this.directory.put(input.line, { end_date: toEndDate(input.expiresAt, this.timeZone) }, 'extendLine');
    await this.expiries.remember(login, input.expiresAt);
    return this.require(input.line);
  }

  async updateLine(input: UpdateLineInput): Promise<PanelLine> {
    if (input.maxConnections !== undefined && input.maxConnections !== 1) throw new PluginError('NOT_SUPPORTED', 'Ministra has no connection limit per account (one device each)');
    const fields: WireFields = {};
    if (input.packageId !== undefined) {
      await this.requireTariff(input.packageId);
      fields.tariff_plan = input.packageId;
    }
    if (input.password !== undefined) fields.password = input.password;
    if (Object.keys(fields).length === 0) return this.require(input.line);
    await this.directory.put(input.line, fields, 'updateLine');
    const line = await this.require(input.line);
    return input.password !== undefined ? { ...line, password: input.password } : line;
  }

  /** `status=1` enables; the portal also pushes a "cut on" event to the box. */
  enableLine(line: LineRef): Promise<PanelLine> {
    return this.setStatus(line, 1);
  }

  disableLine(line: LineRef): Promise<PanelLine> {
    return this.setStatus(line, 0);
  }

  /**
   * `DELETE` exists only on `accounts/<number or MAC>`, which deletes every user holding the number.
   * A user that shares its number (or has none) is first given a fresh number of its own, so the
   * delete takes it alone.
   */
  async deleteLine(line: LineRef): Promise<void> {
    try {
      const { login, accountId, shared } = await this.directory.target(line);
      let id = accountId;
      if (shared || !accountId) {
        id = `del-${randomBytes(4).toString('hex')}`;
        await this.call('PUT', 'users', [login], { account_number: id }, 'deleteLine');
        const holders = await this.directory.accounts(id);
        if (holders.length !== 1 || holders[0].login !== login) throw new PluginError('UNKNOWN', `Account ${login} could not be given an account number of its own (${id} is held by ${holders.length} users); delete it on the portal`);
      }
      await this.call('DELETE', 'accounts', [id], undefined, 'deleteLine');
    } catch (error) {
      // Already gone is what we wanted.
      if (!isPluginError(error) || error.code !== 'USER_NOT_FOUND') throw error;
    }
  }

  /** Service packages (channel/VOD groups a tariff plan is made of). Not part of the hub's line contract. */
  async listServicePackages(): Promise<MinistraServicePackage[]> {
    return (await this.call<MinistraServicePackage[]>('GET', 'services_package')) ?? [];
  }

  /** The optional packages an account subscribed to (external ids and ids). */
  async getSubscriptions(line: LineRef): Promise<MinistraSubscription[]> {
    return (await this.call<MinistraSubscription[]>('GET', 'account_subscription', [line.externalId || (await this.directory.ownNumber(line, 'getSubscriptions'))])) ?? [];
  }

  /** Replaces the account's optional packages (`POST` = set). */
  async setSubscriptions(line: LineRef, externalIds: string[]): Promise<boolean> {
    return this.call<boolean>('POST', 'account_subscription', [await this.directory.ownNumber(line, 'setSubscriptions')], { 'subscribed[]': externalIds }, 'setSubscriptions');
  }

  /** Adds and removes optional packages (`PUT` = add/remove). */
  async changeSubscriptions(line: LineRef, change: { add?: string[]; remove?: string[] }): Promise<boolean> {
    return this.call<boolean>('PUT', 'account_subscription', [await this.directory.ownNumber(line, 'changeSubscriptions')], { 'subscribed[]': change.add ?? [], 'unsubscribed[]': change.remove ?? [] }, 'changeSubscriptions');
  }

  private async setStatus(line: LineRef, status: 0 | 1): Promise<PanelLine> {
    await this.directory.put(line, { status }, status ? 'enableLine' : 'disableLine');
    return this.require(line);
  }

  private async require(line: LineRef): Promise<PanelLine> {
    const found = await this.getLine(line);
    if (!found) throw new PluginError('USER_NOT_FOUND', `Account ${line.externalId || line.username} does not exist on the portal`);
    return found;
  }

  private async existing(login: string, marker: string): Promise<PanelLine | undefined> {
    const account = await this.directory.user(login);
    if (!account) return undefined;
    if (String(account.comment ?? '').includes(marker)) return this.toLine(account);
    throw new PluginError('DUPLICATE_USERNAME', `An account with login ${login} already exists on the portal`);
  }

  /** An unknown external_id would silently become the default plan: refuse it here instead. */
  private async requireTariff(externalId: string): Promise<void> {
    if (!(await this.getPackage(externalId))) throw new PluginError('PACKAGE_NOT_FOUND', `Ministra has no tariff plan with external id ${externalId}`);
  }

  private async toLine(account: MinistraAccount): Promise<PanelLine> {
    return toLine(account, this.timeZone, await this.expiries.recall(account.login));
  }

  /**
   * An earlier attempt's account as this create reports it: with the password it was made with
   * (unreadable on the portal) and, if nothing is remembered for it, the planned expiry (a
   * remembered one wins: the line may have been extended since).
   */
  private async earlierAttempt(line: PanelLine, input: CreateLineInput): Promise<PanelLine> {
    let found = line;
    if ((await this.expiries.recall(line.username)) === undefined) {
      await this.expiries.remember(line.username, input.expiresAt);
      found = await this.toLine(line.raw as MinistraAccount);
    }
    return { ...found, password: plannedPassword(input) };
  }
}

/** The password a create asks for: the given one, or one derived from the idempotency key (the same on every attempt). */
function plannedPassword(input: CreateLineInput): string {
  return input.password ?? deriveCredential(input.idempotencyKey, 'password');
}
