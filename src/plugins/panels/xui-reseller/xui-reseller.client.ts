import {
  callXui,
  ConnectionStageResult,
  ConnectionTestResult,
  createMarker,
  CreateLineInput,
  deriveCredential,
  envelopeData,
  ExtendLineInput,
  findXuiLineRow,
  fromUnixSeconds,
  isPluginError,
  lineOfFailedCreate,
  LineRef,
  LineVerification,
  PanelClient,
  PanelConnections,
  PanelLine,
  PanelPackage,
  PanelPluginContext,
  PluginError,
  randomCredential,
  tryParseJson,
  UpdateLineInput,
  verifyXtreamPlayerLine,
  WireFields,
  XuiCallOptions,
  XuiEnvelope,
} from '../../../core/plugins/sdk';

export interface XuiResellerConfig {
  accessCode: string;
  apiKey: string;
}

type Row = Record<string, string | null | undefined>;
const DAYS: Record<string, number> = { hours: 1 / 24, days: 1, months: 30, years: 365 };
/** Bounds the extensions of one extendLine (each costs credits). */
const MAX_EXTENSIONS = 24;

/**
 * Client of the XUI.one reseller access-code API. A reseller cannot set an expiry: lines are
 * created and extended by package (the panel adds the package's duration and debits credits), so
 * `expiresAt` of a create is the panel's, and an extension repeats the line's package until the
 * expiry reaches the requested instant — checked before each step, so a retry never over-extends.
 */
export class XuiResellerClient implements PanelClient {
  constructor(
    private readonly config: XuiResellerConfig,
    private readonly ctx: PanelPluginContext,
  ) {}

  private call(action: string, fields: WireFields = {}, options: XuiCallOptions = {}) {
    return callXui(this.ctx.http, this.config, action, fields, options);
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const stages: ConnectionStageResult[] = [];
    try {
      const info = (await this.call('user_info', {}, { operation: 'testConnection' })) as XuiEnvelope & { data?: Row };
      stages.push({ stage: 'ip_allow_list', ok: true, detail: "The panel accepts calls from the hub's address" });
      stages.push({ stage: 'authentication', ok: true, detail: `Signed in as reseller ${info.data?.username ?? '?'} (${info.data?.credits ?? '?'} credits)` });
      envelopeData(await this.call('packages', {}, { operation: 'testConnection' }));
      stages.push({ stage: 'permissions', ok: true, detail: 'The reseller can list its packages' });
      return { ok: true, stages };
    } catch (error) {
      if (!isPluginError(error)) throw error;
      const stage = error.code === 'IP_NOT_ALLOWED' ? 'ip_allow_list' : error.code === 'AUTH_FAILED' ? 'authentication' : error.code === 'FORBIDDEN' ? 'permissions' : undefined;
      if (!stage) throw error;
      if (stage !== 'ip_allow_list') stages.push({ stage: 'ip_allow_list', ok: true, detail: "The panel accepts calls from the hub's address" });
      stages.push({ stage, ok: false, detail: error.message, hint: error.hint });
      return { ok: false, stages, failedStage: stage };
    }
  }

  async listPackages(): Promise<PanelPackage[]> {
    return (envelopeData<Row[]>(await this.call('packages')) ?? []).map(toPackage);
  }

  async getPackage(externalId: string): Promise<PanelPackage | null> {
    return (await this.listPackages()).find((pkg) => pkg.externalId === externalId) ?? null;
  }

  async createLine(input: CreateLineInput): Promise<PanelLine> {
    const username = input.username ?? deriveCredential(input.idempotencyKey, 'username');
    const marker = createMarker(input.idempotencyKey);
    const earlier = await this.existing(username, marker);
    if (earlier) return earlier;
    const fields: WireFields = {
      package: input.packageId,
      trial: input.isTrial ? 1 : 0,
      username,
      password: input.password ?? randomCredential(12),
      reseller_notes: input.notes ? `${input.notes}\n${marker}` : marker,
    };
    try {
      return toLine(envelopeData<Row>(await this.call('create_line', fields, { write: true, operation: 'createLine' })) ?? fail('create_line'));
    } catch (error) {
      // When an attempt's answer was lost after the panel made the line, the hub's client repeats
      // the create, and the panel checks credits and the trial quota before the username: a
      // create that used the last credit or trial is refused INSUFFICIENT_CREDITS / NO_TRIALS on
      // the repeat. Whatever the failure, look for this create's line first.
      return lineOfFailedCreate(error, () => this.existing(username, marker));
    }
  }

  async getLine(line: LineRef): Promise<PanelLine | null> {
    if (!/^\d+$/.test(line.externalId ?? '')) return line.username ? this.findLineByUsername(line.username) : null;
    const row = envelopeData<Row>(await this.call('get_line', { id: line.externalId }));
    return row ? toLine(row) : null;
  }

  /** get_lines searches a substring of usernames and notes: the matches are paged through for the exact username. */
  async findLineByUsername(username: string): Promise<PanelLine | null> {
    const row = await findXuiLineRow<Row>((action, fields, options) => this.call(action, fields, options), username);
    return row ? toLine(row) : null;
  }

  /**
   * Each extension is sent once (the hub's client must not repeat it: it extends and debits every
   * time). After a transient failure the line is read again: if its expiry moved, the extension
   * went through and the loop decides whether another is needed; if not, the failure is reported
   * (retryable), and a later attempt of the step starts again from the line as it then is.
   */
  async extendLine(input: ExtendLineInput): Promise<PanelLine> {
    const wanted = Date.parse(input.expiresAt);
    let line = await this.require(input.line);
    for (let step = 0; step < MAX_EXTENSIONS && (line.expiresAt === null ? false : Date.parse(line.expiresAt) < wanted); step += 1) {
      if (!line.packageId) throw new PluginError('INVALID_INPUT', `Line ${line.externalId} has no package to extend it with`);
      const before = line;
      try {
        line = toLine(envelopeData<Row>(await this.call('edit_line', { id: line.externalId, package: line.packageId }, { write: true, operation: 'extendLine', retry: false })) ?? fail('edit_line'));
      } catch (error) {
        const now = await this.lineAfterFailure(error, input.line);
        if (!now.expiresAt || !before.expiresAt || Date.parse(now.expiresAt) <= Date.parse(before.expiresAt)) throw error;
        line = now;
      }
    }
    return line;
  }

  /** A package change re-packages and extends the line (that is what the reseller API does); passwords need the permission. */
  async updateLine(input: UpdateLineInput): Promise<PanelLine> {
    const line = await this.require(input.line);
    if (input.maxConnections !== undefined && input.maxConnections !== line.maxConnections) {
      throw new PluginError('NOT_SUPPORTED', 'A reseller cannot change max connections: they come from the package');
    }
    const fields: WireFields = { id: line.externalId };
    if (input.packageId !== undefined && input.packageId !== line.packageId) fields.package = input.packageId;
    if (input.password !== undefined) fields.password = input.password;
    // With `package` the edit extends and debits credits: it is sent once, and after a transient
    // failure the line tells whether the change went through.
    const charged = fields.package !== undefined;
    let updated: PanelLine;
    try {
      updated = toLine(envelopeData<Row>(await this.call('edit_line', fields, { write: true, operation: 'updateLine', retry: !charged })) ?? fail('edit_line'));
    } catch (error) {
      if (!charged) throw error;
      updated = await this.lineAfterFailure(error, input.line);
      if (updated.packageId !== input.packageId) throw error;
    }
    // Without the allow_change_password permission the panel silently ignores the new password.
    if (input.password !== undefined && updated.password !== input.password) throw new PluginError('FORBIDDEN', 'The panel ignored the password change: the reseller lacks the permission to change passwords');
    return updated;
  }

  enableLine(line: LineRef): Promise<PanelLine> {
    return this.toggle(line, 'enable_line');
  }

  disableLine(line: LineRef): Promise<PanelLine> {
    return this.toggle(line, 'disable_line');
  }

  async deleteLine(line: LineRef): Promise<void> {
    const answer = (await this.call('delete_line', { id: line.externalId }, { write: true, operation: 'deleteLine' })) as XuiEnvelope;
    if (answer.status === 'STATUS_SUCCESS' || (await this.getLine(line)) === null) return;
    throw new PluginError('UNKNOWN', `The panel refused to delete line ${line.externalId}`);
  }

  async connectionCount(): Promise<PanelConnections> {
    const answer = (await this.call('live_connections', { start: 0, limit: 1000 })) as XuiEnvelope;
    const rows = envelopeData<Row[]>(answer) ?? [];
    const byLine: Record<string, number> = {};
    for (const row of rows) byLine[String(row.user_id)] = (byLine[String(row.user_id)] ?? 0) + 1;
    return { total: Number(answer.recordsTotal ?? rows.length), byLine };
  }

  async verifyLine(line: LineRef): Promise<LineVerification> {
    const password = line.password ?? (await this.require(line)).password;
    return verifyXtreamPlayerLine(this.ctx.http, { username: line.username, password });
  }

  private async toggle(line: LineRef, action: 'enable_line' | 'disable_line'): Promise<PanelLine> {
    const answer = (await this.call(action, { id: line.externalId }, { write: true, operation: action === 'enable_line' ? 'enableLine' : 'disableLine' })) as XuiEnvelope;
    if (answer.status !== 'STATUS_SUCCESS') throw new PluginError('USER_NOT_FOUND', `Line ${line.externalId} does not exist on the panel`);
    return this.require(line);
  }

  /**
   * The line as it is after a change failed: only for failures after which the change may have
   * been made (retryable ones: lost answers, timeouts, 5xx). Otherwise, or when the line cannot
   * be read, the change's own error is thrown.
   */
  private async lineAfterFailure(error: unknown, line: LineRef): Promise<PanelLine> {
    if (!isPluginError(error) || !error.retryable) throw error;
    const found = await this.getLine(line).catch(() => null);
    if (!found) throw error;
    return found;
  }

  private async require(line: LineRef): Promise<PanelLine> {
    const found = await this.getLine(line);
    if (!found) throw new PluginError('USER_NOT_FOUND', `Line ${line.externalId || line.username} does not exist on the panel`);
    return found;
  }

  private async existing(username: string, marker: string): Promise<PanelLine | undefined> {
    const found = await this.findLineByUsername(username);
    if (!found) return undefined;
    if (String((found.raw as Row).reseller_notes ?? '').includes(marker)) return found;
    throw new PluginError('DUPLICATE_USERNAME', `A line named ${username} already exists on the panel`);
  }
}

function toLine(row: Row): PanelLine {
  const bouquets = tryParseJson(String(row.bouquet ?? '[]'));
  const { password: _password, ...raw } = row;
  return {
    externalId: String(row.id),
    username: String(row.username),
    password: row.password ?? undefined,
    packageId: row.package_id && row.package_id !== '0' ? String(row.package_id) : null,
    bouquetIds: Array.isArray(bouquets) ? bouquets.map(String) : [],
    expiresAt: fromUnixSeconds(row.exp_date ?? null),
    maxConnections: Number(row.max_connections ?? 1),
    enabled: String(row.enabled) !== '0',
    banned: String(row.admin_enabled) === '0',
    isTrial: String(row.is_trial) === '1',
    notes: String(row.reseller_notes ?? '').replace(/\n?iptv-hub:[0-9a-f]{16}/g, '').trim() || null,
    raw,
  };
}

function toPackage(row: Row): PanelPackage {
  const official = String(row.is_official) === '1';
  const duration = Number(official ? row.official_duration : row.trial_duration);
  const unit = String(official ? row.official_duration_in : row.trial_duration_in);
  const bouquets = tryParseJson(String(row.bouquets ?? '[]'));
  return {
    externalId: String(row.id),
    name: String(row.package_name),
    durationDays: DAYS[unit] ? Math.round(duration * DAYS[unit] * 1000) / 1000 : undefined,
    maxConnections: Number(row.max_connections ?? 1),
    creditCost: Number(official ? row.official_credits : row.trial_credits),
    isTrial: !official && String(row.is_trial) === '1',
    raw: { ...row, bouquets },
  };
}

function fail(action: string): never {
  throw new PluginError('UNKNOWN', `The panel answered STATUS_FAILURE to ${action}`);
}

