import {
  ConnectionStageResult,
  ConnectionTestResult,
  createMarker,
  CreateLineInput,
  deriveCredential,
  ExtendLineInput,
  fromUnixSeconds,
  isPluginError,
  LineRef,
  LineVerification,
  PanelClient,
  PanelLine,
  PanelPackage,
  PanelPluginContext,
  PanelServerStatus,
  PluginError,
  toUnixSeconds,
  UpdateLineInput,
  verifyXtreamPlayerLine,
  WireFields,
} from '../../../core/plugins/sdk';
import { callXc, XcAnswer } from './xtream-codes.wire';

export interface XtreamCodesPackage {
  id: string;
  name: string;
  bouquets: number[];
  maxConnections?: number;
  durationDays?: number;
}

export interface XtreamCodesConfig {
  apiPass?: string;
  /** Owner (reseller id) of the lines the hub creates; 0 = the admin. */
  memberId?: number;
  /** api.php has no package API: the packages the hub sells are declared here (bouquet sets). */
  packages?: XtreamCodesPackage[];
}

/**
 * Client of Xtream Codes 2.9 / Xtream UI `api.php` (panels.md §1A). Lines are addressed by
 * username + password, so a LineRef must carry the password; there is no delete and no way to look
 * a line up by username alone.
 */
export class XtreamCodesClient implements PanelClient {
  constructor(
    private readonly config: XtreamCodesConfig,
    private readonly ctx: PanelPluginContext,
  ) {}

  private call(action: string, sub: string, fields: WireFields, operation: string) {
    return callXc(this.ctx.http, this.config.apiPass, action, sub, fields, operation) as Promise<XcAnswer>;
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const stages: ConnectionStageResult[] = [];
    try {
      // Any well-formed call passes the IP check then the key check; unknown credentials are fine here.
      await this.call('user', 'info', { username: 'iptv-hub-probe', password: 'iptv-hub-probe' }, 'testConnection');
    } catch (error) {
      if (!isPluginError(error)) throw error;
      if (error.code === 'IP_NOT_ALLOWED') {
        stages.push({ stage: 'ip_allow_list', ok: false, detail: error.message, hint: error.hint });
        return { ok: false, stages, failedStage: 'ip_allow_list' };
      }
      if (error.code === 'AUTH_FAILED') {
        stages.push({ stage: 'ip_allow_list', ok: true, detail: "The panel accepts calls from the hub's address" });
        stages.push({ stage: 'authentication', ok: false, detail: error.message, hint: error.hint });
        return { ok: false, stages, failedStage: 'authentication' };
      }
      if (error.code !== 'INVALID_INPUT') throw error;
    }
    stages.push({ stage: 'ip_allow_list', ok: true, detail: "The panel accepts calls from the hub's address" });
    stages.push({ stage: 'authentication', ok: true, detail: 'The API password is accepted' });
    stages.push({ stage: 'permissions', ok: true, detail: 'api.php has no per-account permissions' });
    return { ok: true, stages, warnings: this.config.apiPass ? [] : ['No API password is configured: anyone on an allowed address can use the panel API.'] };
  }

  async listPackages(): Promise<PanelPackage[]> {
    return (this.config.packages ?? []).map((pkg) => this.toPackage(pkg));
  }

  async getPackage(externalId: string): Promise<PanelPackage | null> {
    const pkg = this.config.packages?.find((candidate) => candidate.id === externalId);
    return pkg ? this.toPackage(pkg) : null;
  }

  /**
   * Idempotent although the panel only detects duplicates on username AND password: without a
   * given password, both are derived from the idempotency key, so a retry asks for the same pair
   * and finds the first attempt's line (by its marker) instead of making a second one.
   */
  async createLine(input: CreateLineInput): Promise<PanelLine> {
    const username = input.username ?? deriveCredential(input.idempotencyKey, 'username');
    const password = input.password ?? deriveCredential(`${this.config.apiPass ?? ''}|${input.idempotencyKey}`, 'password');
    const marker = createMarker(input.idempotencyKey);
    const earlier = await this.info(username, password);
    if (earlier) {
      if (String(earlier.admin_notes ?? '').includes(marker)) return this.toLine(earlier);
      throw new PluginError('DUPLICATE_USERNAME', `A line ${username} with this password already exists on the panel`);
    }
    const bouquets = this.bouquetsOf(input.packageId);
    await this.claimUsername(username, marker);
    const fields: WireFields = {
      'user_data[username]': username,
      'user_data[password]': password,
      'user_data[exp_date]': input.expiresAt === null ? '' : toUnixSeconds(input.expiresAt),
      'user_data[max_connections]': input.maxConnections,
      'user_data[bouquet]': JSON.stringify(bouquets),
      'user_data[is_trial]': input.isTrial ? 1 : 0,
      'user_data[member_id]': this.config.memberId ?? 0,
      'user_data[admin_notes]': input.notes ? `${input.notes}\n${marker}` : marker,
    };
    try {
      await this.call('user', 'create', fields, 'createLine');
    } catch (error) {
      if (!(isPluginError(error) && error.code === 'DUPLICATE_USERNAME')) throw error;
    }
    const created = await this.info(username, password);
    if (!created || !String(created.admin_notes ?? '').includes(marker)) throw new PluginError('DUPLICATE_USERNAME', `A line ${username} with this password already exists on the panel`);
    return this.toLine(created);
  }

  async getLine(line: LineRef): Promise<PanelLine | null> {
    const row = await this.info(line.username, requirePassword(line));
    return row ? this.toLine(row) : null;
  }

  async extendLine(input: ExtendLineInput): Promise<PanelLine> {
    return this.edit(input.line, { 'user_data[exp_date]': toUnixSeconds(input.expiresAt) }, 'extendLine');
  }

  async updateLine(input: UpdateLineInput): Promise<PanelLine> {
    const fields: WireFields = {};
    if (input.packageId !== undefined) fields['user_data[bouquet]'] = JSON.stringify(this.bouquetsOf(input.packageId));
    if (input.maxConnections !== undefined) fields['user_data[max_connections]'] = input.maxConnections;
    if (input.password !== undefined) fields['user_data[password]'] = input.password;
    if (Object.keys(fields).length === 0) throw new PluginError('INVALID_INPUT', 'Nothing to change');
    return this.edit(input.line, fields, 'updateLine', input.password);
  }

  enableLine(line: LineRef): Promise<PanelLine> {
    return this.edit(line, { 'user_data[enabled]': 1 }, 'enableLine');
  }

  disableLine(line: LineRef): Promise<PanelLine> {
    return this.edit(line, { 'user_data[enabled]': 0 }, 'disableLine');
  }

  async serverStatus(): Promise<PanelServerStatus> {
    const servers = (await callXc(this.ctx.http, this.config.apiPass, 'server', 'list', {}, 'serverStatus')) as Record<string, unknown>[];
    if (!Array.isArray(servers)) throw new PluginError('UNKNOWN', 'The panel did not answer a server list');
    return { servers: servers.map((server) => ({ id: String(server.id), name: String(server.server_name ?? server.id), online: server.online === true || server.online === 1 || server.online === '1', raw: server })) };
  }

  verifyLine(line: LineRef): Promise<LineVerification> {
    return verifyXtreamPlayerLine(this.ctx.http, { username: line.username, password: requirePassword(line) });
  }

  // ---- helpers ----------------------------------------------------------------------------

  /**
   * Edits by the current credentials; after a password change the new one finds the line. When a
   * password change fails in a way that leaves it unknown whether an attempt went through (a lost
   * answer: timeout, 5xx, rate limited after an earlier attempt), the new password is tried; if it
   * finds nothing, the edit's own error is reported (a retryable one stays retryable).
   */
  private async edit(line: LineRef, fields: WireFields, operation: string, newPassword?: string): Promise<PanelLine> {
    const password = requirePassword(line);
    try {
      await this.call('user', 'edit', { username: line.username, password, ...fields }, operation);
    } catch (error) {
      if (!(newPassword && isPluginError(error) && error.retryable)) throw error;
      const changed = await this.info(line.username, newPassword).catch(() => null);
      if (!changed) throw error;
      return this.toLine(changed);
    }
    const answer = await this.call('user', 'info', { username: line.username, password: newPassword ?? password }, operation);
    if (answer.result !== true || !answer.user_info) throw new PluginError('USER_NOT_FOUND', `No line ${line.username} with this password on the panel`, { providerMessage: answer.error });
    return this.toLine(answer.user_info);
  }

  /**
   * The panel only refuses a username AND password pair that exists, so usernames given out by the
   * hub are claimed in the hub's per-panel state: a second create of a username fails here (the
   * claim of an earlier attempt of the same create, same marker, is ours). Lines made in the
   * panel's own UI cannot be seen this way.
   */
  private async claimUsername(username: string, marker: string): Promise<void> {
    const state = this.ctx.state;
    if (!state) {
      this.ctx.logger.warn('No plugin state store: username uniqueness on this Xtream Codes panel is not checked');
      return;
    }
    const key = `username:${username.toLowerCase()}`;
    if (await state.setIfAbsent(key, marker)) return;
    if ((await state.get(key)) === marker) return;
    throw new PluginError('DUPLICATE_USERNAME', `The hub already created a line named ${username} on this panel`);
  }

  private async info(username: string, password: string): Promise<Record<string, unknown> | null> {
    try {
      const answer = await this.call('user', 'info', { username, password }, 'getLine');
      if (answer.result === true && answer.user_info) return answer.user_info;
      if (answer.error === 'NOT EXISTS') return null;
      throw new PluginError('UNKNOWN', 'Unexpected answer to user info', { providerMessage: answer.error });
    } catch (error) {
      if (isPluginError(error) && error.code === 'INVALID_INPUT') return null;
      throw error;
    }
  }

  private bouquetsOf(packageId: string): number[] {
    const pkg = this.config.packages?.find((candidate) => candidate.id === packageId);
    if (pkg) return pkg.bouquets;
    // Without declared packages a package id may be the bouquet list itself ("1,2,3").
    if (/^\d+(,\d+)*$/.test(packageId) && !this.config.packages?.length) return packageId.split(',').map(Number);
    throw new PluginError('PACKAGE_NOT_FOUND', `Package ${packageId} is not declared for this panel`, { hint: 'Declare the package (its bouquets) in the panel configuration, then re-sync packages and fix the product.' });
  }

  private toPackage(pkg: XtreamCodesPackage): PanelPackage {
    return { externalId: pkg.id, name: pkg.name, maxConnections: pkg.maxConnections, durationDays: pkg.durationDays, raw: { bouquets: pkg.bouquets } };
  }

  private toLine(info: Record<string, unknown>): PanelLine {
    const packageId = this.config.packages?.find((pkg) => JSON.stringify([...pkg.bouquets].sort()) === JSON.stringify((info.bouquet as unknown[] ?? []).map(Number).sort()))?.id ?? null;
    const expiry = info.exp_date;
    return {
      externalId: String(info.id),
      username: String(info.username),
      password: String(info.password),
      packageId,
      bouquetIds: ((info.bouquet as unknown[]) ?? []).map(String),
      expiresAt: expiry === null || expiry === undefined || expiry === '' ? null : fromUnixSeconds(expiry),
      maxConnections: Number(info.max_connections ?? 1),
      enabled: String(info.enabled) !== '0',
      banned: String(info.admin_enabled) === '0',
      isTrial: String(info.is_trial) === '1',
      activeConnections: info.active_cons === undefined ? undefined : Number(info.active_cons),
      notes: String(info.admin_notes ?? '').replace(/\n?iptv-hub:[0-9a-f]{16}/g, '').trim() || null,
      raw: { ...info, password: undefined, channel_ids: undefined, series_ids: undefined },
    };
  }
}

function requirePassword(line: LineRef): string {
  if (!line.password) throw new PluginError('INVALID_INPUT', 'Xtream Codes addresses lines by username and password: the password is needed', { hint: 'Give the line password (the hub stores it with the subscription).' });
  return line.password;
}
