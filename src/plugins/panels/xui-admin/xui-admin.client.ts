import {
  ConnectionStageResult,
  ConnectionTestResult,
  CreateLineInput,
  deriveCredential,
  ERROR_CODES,
  ExtendLineInput,
  isPluginError,
  LineRef,
  LineVerification,
  PanelClient,
  PanelConnections,
  PanelLine,
  PanelPackage,
  PanelPluginContext,
  PanelServerStatus,
  PluginError,
  randomCredential,
  ReadCache,
  readCache,
  UpdateLineInput,
  verifyXtreamPlayerLine,
  WireFields,
  XuiCallOptions,
} from '../../../core/plugins/sdk';
import { ExpiryWrite, storedExpiry, XuiExpiryClock } from './xui-admin.expiry-clock';
import { bareArray, callXui, envelopeData, findXuiLineRow, hasMarker, lineOfFailedCreate, idList, notesWithMarker, toPanelLine, toPanelPackage, XuiEnvelope, XuiLine, XuiRow } from './xui-admin.wire';

export interface XuiAdminConfig {
  accessCode: string;
  apiKey: string;
  /** Time zone of the panel's API account: `exp_date` strings are read in it. */
  timeZone?: string;
}

const FLAGS = ['is_trial', 'is_restreamer', 'is_stalker', 'is_isplock', 'bypass_ua'] as const;
const KEPT_COLUMNS = ['member_id', 'admin_notes', 'reseller_notes', 'contact', 'force_server_id', 'forced_country', 'package_id'] as const;
/** How long a package's row (its bouquets and outputs, copied onto each new line) is reused. */
export const PACKAGE_TTL_MS = 60_000;

/** Client of the XUI.one / XC_VM access-code admin API (panels.md §1C). */
export class XuiAdminClient implements PanelClient {
  private readonly expiries: XuiExpiryClock;
  private readonly packages: ReadCache<XuiRow>;

  constructor(
    private readonly config: XuiAdminConfig,
    private readonly ctx: PanelPluginContext,
  ) {
    this.expiries = new XuiExpiryClock(config.timeZone ?? 'UTC', ctx.logger);
    this.packages = readCache(PACKAGE_TTL_MS, ctx.clock);
  }

  private call(action: string, fields?: WireFields, options?: XuiCallOptions): Promise<unknown> {
    return callXui(this.ctx.http, this.config, action, fields, options);
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const stages: ConnectionStageResult[] = [];
    const fail = (stage: ConnectionStageResult['stage'], error: PluginError): ConnectionTestResult => {
      stages.push({ stage, ok: false, detail: error.message, hint: error.hint });
      return { ok: false, stages, failedStage: stage };
    };
    try {
      await this.call('user_info', {}, { operation: 'testConnection' });
      stages.push({ stage: 'ip_allow_list', ok: true, detail: "The panel accepts calls from the hub's address" });
      stages.push({ stage: 'authentication', ok: true, detail: 'The access code and API key are accepted' });
    } catch (error) {
      if (!isPluginError(error)) throw error;
      if (error.code === 'IP_NOT_ALLOWED') return fail('ip_allow_list', error);
      if (error.code === 'AUTH_FAILED') {
        stages.push({ stage: 'ip_allow_list', ok: true, detail: "The panel accepts calls from the hub's address" });
        return fail('authentication', error);
      }
      throw error;
    }
    try {
      bareArray(await this.call('get_packages', {}, { operation: 'testConnection' }));
      envelopeData(await this.call('get_lines', { start: 0, limit: 1 }, { operation: 'testConnection' }));
      stages.push({ stage: 'permissions', ok: true, detail: 'The API account can read packages and lines' });
    } catch (error) {
      if (isPluginError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_SUPPORTED')) return fail('permissions', error);
      throw error;
    }
    return { ok: true, stages };
  }

  async listPackages(): Promise<PanelPackage[]> {
    const [packages, bouquets] = await Promise.all([this.call('get_packages'), this.call('get_bouquets')]);
    const byId = new Map(bareArray<XuiRow>(bouquets).map((row) => [Number(row.id), row]));
    return bareArray<XuiRow>(packages).map((row) => toPanelPackage(row, byId));
  }

  /** Read afresh (and kept for the creates that follow). */
  async getPackage(externalId: string): Promise<PanelPackage | null> {
    this.packages.forget(externalId);
    const row = await this.packageRow(externalId);
    if (!row) return null;
    const byId = new Map(bareArray<XuiRow>(await this.call('get_bouquets')).map((bouquet) => [Number(bouquet.id), bouquet]));
    return toPanelPackage(row, byId);
  }

  /**
   * Idempotent: the username (given, or derived from the idempotency key) is looked up first (not
   * on a `firstCreate`); a line carrying this create's marker is the result of an earlier attempt
   * and is returned as is.
   */
  async createLine(input: CreateLineInput): Promise<PanelLine> {
    const username = input.username ?? deriveCredential(input.idempotencyKey, 'username');
    const earlier = input.firstCreate ? undefined : await this.existingFor(username, input.idempotencyKey);
    if (earlier) return earlier;
    const pkg = await this.packageRow(input.packageId);
    if (!pkg) throw new PluginError('PACKAGE_NOT_FOUND', `Package ${input.packageId} does not exist on the panel`);
    const expiry = input.expiresAt === null ? null : this.expiries.write(Math.floor(Date.parse(input.expiresAt) / 1000));
    const fields: WireFields = {
      username,
      password: input.password ?? randomCredential(12),
      max_connections: input.maxConnections,
      enabled: 1,
      admin_enabled: 1,
      bouquets_selected: JSON.stringify(idList(pkg.bouquets)),
      'access_output[]': outputsOf(pkg),
      package_id: input.packageId,
      admin_notes: notesWithMarker(input.notes, input.idempotencyKey),
      exp_date: expiry?.text,
      ...(input.isTrial ? { is_trial: 1 } : {}),
    };
    let created: XuiLine;
    try {
      created = envelopeData<XuiLine>(await this.call('create_line', fields, { write: true, operation: 'createLine' })) ?? failure('create_line');
    } catch (error) {
      // When an attempt's answer was lost after the panel made the line, the hub's client repeats
      // the create, and the repeat is refused by whatever the panel checks first: username exists,
      // or the licence is now full. Whatever the failure, look for this create's line first.
      return lineOfFailedCreate(error, () => this.existingFor(username, input.idempotencyKey));
    }
    // The panel read the expiry in another time zone than the configured one: write it again, corrected.
    if (expiry && this.expiries.learn(expiry, storedExpiry(created.exp_date))) return this.edit(created, {}, 'createLine', expiry.epochSec);
    return toPanelLine(created);
  }

  async getLine(line: LineRef): Promise<PanelLine | null> {
    if (!/^\d+$/.test(line.externalId ?? '')) return line.username ? this.findLineByUsername(line.username) : null;
    const row = envelopeData<XuiLine>(await this.call('get_line', { id: line.externalId }));
    return row ? toPanelLine(row) : null;
  }

  async findLineByUsername(username: string): Promise<PanelLine | null> {
    const found = await this.findRow(username);
    if (!found) return null;
    const row = envelopeData<XuiLine>(await this.call('get_line', { id: String(found.id) }));
    return row ? toPanelLine(row, Number(found.active_connections ?? 0)) : null;
  }

  async updateLine(input: UpdateLineInput): Promise<PanelLine> {
    const row = await this.lineRow(input.line);
    const changes: WireFields = {};
    if (input.password !== undefined) changes.password = input.password;
    if (input.maxConnections !== undefined) changes.max_connections = input.maxConnections;
    if (input.packageId !== undefined) {
      const pkg = await this.packageRow(input.packageId);
      if (!pkg) throw new PluginError('PACKAGE_NOT_FOUND', `Package ${input.packageId} does not exist on the panel`);
      changes.package_id = input.packageId;
      changes.bouquets_selected = JSON.stringify(idList(pkg.bouquets));
    }
    return this.edit(row, changes, 'updateLine');
  }

  async extendLine(input: ExtendLineInput): Promise<PanelLine> {
    const row = await this.lineRow(input.line);
    return this.edit(row, {}, 'extendLine', Math.floor(Date.parse(input.expiresAt) / 1000));
  }

  enableLine(line: LineRef): Promise<PanelLine> {
    return this.toggle(line, 'enable_line');
  }

  disableLine(line: LineRef): Promise<PanelLine> {
    return this.toggle(line, 'disable_line');
  }

  /** Idempotent: a line that is already gone counts as deleted. */
  async deleteLine(line: LineRef): Promise<void> {
    const answer = (await this.call('delete_line', { id: line.externalId }, { write: true, operation: 'deleteLine' })) as XuiEnvelope;
    if (answer.status === 'STATUS_SUCCESS') return;
    if ((await this.getLine(line)) === null) return;
    throw new PluginError('UNKNOWN', `The panel refused to delete line ${line.externalId}`, { providerMessage: answer.status });
  }

  async serverStatus(): Promise<PanelServerStatus> {
    const servers = bareArray<XuiRow>(await this.call('get_servers'));
    const stats = await Promise.all(servers.map((server) => this.call('get_server_stats', { server_id: String(server.id) }).then((answer) => envelopeData<XuiRow>(answer))));
    return {
      servers: servers.map((server, i) => ({
        id: String(server.id),
        name: String(server.server_name ?? `Server ${server.id}`),
        online: stats[i] !== null && String(server.status ?? '1') === '1',
        activeConnections: stats[i] ? Number(stats[i]?.open_connections ?? 0) : undefined,
        raw: { server, stats: stats[i] },
      })),
    };
  }

  async connectionCount(): Promise<PanelConnections> {
    const byLine: Record<string, number> = {};
    let total: number;
    for (let start = 0; ; start += 1000) {
      const answer = (await this.call('live_connections', { start, limit: 1000 })) as XuiEnvelope & { data?: XuiRow[] };
      const rows = envelopeData<XuiRow[]>(answer) ?? [];
      total = Number(answer.recordsTotal ?? rows.length);
      for (const row of rows) byLine[String(row.user_id)] = (byLine[String(row.user_id)] ?? 0) + 1;
      if (rows.length < 1000 || start + rows.length >= total) break;
    }
    return { total, byLine };
  }

  async verifyLine(line: LineRef): Promise<LineVerification> {
    const password = line.password ?? (await this.lineRow(line)).password ?? undefined;
    return verifyXtreamPlayerLine(this.ctx.http, { username: line.username, password });
  }

  // ---- helpers ----------------------------------------------------------------------------

  /**
   * edit_line is a full overwrite: resend the whole current state with the changes applied,
   * omitting false flags, and the expiry (`expiresAtSec`, else the line's own) as the panel reads it.
   */
  private async edit(row: XuiLine, changes: WireFields, operation: string, expiresAtSec = storedExpiry(row.exp_date)): Promise<PanelLine> {
    const state: WireFields = {
      username: row.username,
      password: row.password,
      max_connections: row.max_connections ?? 1,
      enabled: row.enabled ?? 1,
      admin_enabled: row.admin_enabled ?? 1,
      bouquets_selected: JSON.stringify(idList(row.bouquet)),
      'access_output[]': idList(row.allowed_outputs).length > 0 ? idList(row.allowed_outputs) : [1, 2, 3],
      'allowed_ips[]': stringList(row.allowed_ips),
      'allowed_ua[]': stringList(row.allowed_ua),
    };
    for (const column of KEPT_COLUMNS) if (row[column] !== undefined && row[column] !== null) state[column] = row[column];
    for (const flag of FLAGS) if (row[flag] === '1') state[flag] = 1;
    const send = async (expiry: ExpiryWrite | null) => {
      const updated = envelopeData<XuiLine>(await this.call('edit_line', { id: String(row.id), ...state, exp_date: expiry?.text, ...changes }, { write: true, operation }));
      if (!updated) throw new PluginError('USER_NOT_FOUND', `Line ${row.id} does not exist on the panel`);
      return updated;
    };
    const expiry = expiresAtSec === null ? null : this.expiries.write(expiresAtSec);
    let updated = await send(expiry);
    // Written again at most once: with the panel's skew learned, the second write lands where it should.
    if (expiry && this.expiries.learn(expiry, storedExpiry(updated.exp_date))) {
      const again = this.expiries.write(expiry.epochSec);
      updated = await send(again);
      this.expiries.confirm(expiry, again, storedExpiry(updated.exp_date));
    }
    return toPanelLine(updated);
  }

  private async toggle(line: LineRef, action: 'enable_line' | 'disable_line'): Promise<PanelLine> {
    const id = (await this.lineRow(line)).id as string;
    const answer = (await this.call(action, { id }, { write: true, operation: action === 'enable_line' ? 'enableLine' : 'disableLine' })) as XuiEnvelope;
    if (answer.status !== 'STATUS_SUCCESS') throw new PluginError('USER_NOT_FOUND', `Line ${id} does not exist on the panel`, { providerMessage: answer.status });
    const row = envelopeData<XuiLine>(await this.call('get_line', { id }));
    if (!row) throw new PluginError('USER_NOT_FOUND', `Line ${id} does not exist on the panel`);
    return toPanelLine(row);
  }

  private async lineRow(line: LineRef): Promise<XuiLine> {
    let id = line.externalId;
    if (!/^\d+$/.test(id ?? '')) {
      const found = line.username ? await this.findRow(line.username) : undefined;
      if (!found) throw new PluginError('USER_NOT_FOUND', `No line ${line.username} on the panel`);
      id = String(found.id);
    }
    const row = envelopeData<XuiLine>(await this.call('get_line', { id }));
    if (!row) throw new PluginError('USER_NOT_FOUND', `Line ${id} does not exist on the panel`);
    return row;
  }

  /** get_lines searches a substring of usernames and notes: page through the matches for the exact username. */
  private async findRow(username: string): Promise<XuiLine | undefined> {
    return findXuiLineRow<XuiLine>((action, fields, options) => this.call(action, fields, options), username);
  }

  private async existingFor(username: string, idempotencyKey: string): Promise<PanelLine | undefined> {
    const found = await this.findRow(username);
    if (!found) return undefined;
    const row = envelopeData<XuiLine>(await this.call('get_line', { id: String(found.id) }));
    if (!row) return undefined;
    if (hasMarker(row, idempotencyKey)) return toPanelLine(row);
    throw new PluginError('DUPLICATE_USERNAME', `A line named ${username} already exists on the panel`, { hint: ERROR_CODES.DUPLICATE_USERNAME.hint });
  }

  /** A package's row, read at most once a minute: creates and package changes copy its bouquets and outputs. */
  private async packageRow(externalId: string): Promise<XuiRow | null> {
    if (!/^\d+$/.test(externalId)) return null;
    return this.packages.get(externalId, async () => envelopeData<XuiRow>(await this.call('get_package', { id: externalId })));
  }
}

function outputsOf(pkg: XuiRow): number[] {
  const outputs = idList(pkg.output_formats);
  return outputs.length > 0 ? outputs : [1, 2, 3];
}

function stringList(value: unknown): string[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function failure(action: string): never {
  throw new PluginError('UNKNOWN', `The panel answered STATUS_FAILURE to ${action}`);
}
