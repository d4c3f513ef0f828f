import { randomUUID } from 'node:crypto';
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
  toSecondPrecision,
  UpdateLineInput,
} from '../../../core/plugins/sdk';
import { classifyOneStream, listOf, OneStreamCharge, OneStreamLine, OneStreamPackage, requestId, toLine, toPackage } from './onestream.wire';

export interface OneStreamConfig {
  /** The admin's API key (Settings → API Access Tokens). */
  apiKey: string;
  /** The reseller's API token (Profile → Create token). */
  apiToken: string;
  /** The cloud API origin; the panel's base URL, when set, wins (tests, private installs). */
  apiUrl?: string;
  apiKeyHeader?: string;
  authUserHeader?: string;
  /** Where packages are listed (not published; assumed). */
  packagesPath?: string;
  /** `renew`: extend by repeating the package (credits); `set-expiry`: set expire_at with update-advanced (needs editLines). */
  extendMode?: 'renew' | 'set-expiry';
}

export const DEFAULT_API_URL = 'https://api.1-stream.com';
/** Bounds the renewals of one extendLine (each costs credits). */
const MAX_RENEWALS = 24;
const PAGE_SIZE = 100;

/**
 * Client of the 1-Stream "ext" API: two-header auth, JSON bodies, UUID line ids, ISO-8601
 * expiries and a `rid` on every change so that a repeated call (a retry after a lost answer) is
 * performed once. Lines are created and renewed by package (the package sets the expiry and
 * costs credits); there is no "get line" endpoint, so a line is read from the list filtered by
 * its username.
 */
export class OneStreamClient implements PanelClient {
  private readonly base: string;

  constructor(
    private readonly config: OneStreamConfig,
    private readonly ctx: PanelPluginContext,
  ) {
    this.base = (ctx.baseUrl || config.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  }

  /** One API call (public for tools and tests: the endpoints beyond the line contract). */
  async call<T>(method: 'GET' | 'POST', path: string, options: { query?: Record<string, string | number>; json?: Record<string, unknown>; operation?: string } = {}): Promise<T> {
    const response = await this.ctx.http.request({
      method,
      url: `${this.base}${path}`,
      query: options.query,
      json: method === 'POST' ? (options.json ?? {}) : undefined,
      headers: { [this.config.apiKeyHeader || 'X-Api-Key']: this.config.apiKey, [this.config.authUserHeader || 'X-Auth-User']: this.config.apiToken, accept: 'application/json' },
      secrets: [this.config.apiKey, this.config.apiToken],
      operation: options.operation ?? path,
      // Reads are safe; every change carries a rid (or is absolute: enable, disable, terminate).
      retry: true,
      classify: classifyOneStream,
    });
    return response.json<T>();
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const stages: ConnectionStageResult[] = [];
    try {
      const packages = await this.listPackages();
      stages.push({ stage: 'ip_allow_list', ok: true, detail: "1-Stream accepts calls from the hub's address" });
      stages.push({ stage: 'authentication', ok: true, detail: 'The API key and token are accepted' });
      await this.call('GET', '/ext/lines/index', { query: { page: 1, per_page: 1 }, operation: 'testConnection' });
      stages.push({ stage: 'permissions', ok: true, detail: `The token can list packages (${packages.length}) and lines` });
      return { ok: true, stages };
    } catch (error) {
      if (!isPluginError(error)) throw error;
      const stage = error.code === 'IP_NOT_ALLOWED' ? 'ip_allow_list' : error.code === 'AUTH_FAILED' ? 'authentication' : error.code === 'FORBIDDEN' ? 'permissions' : undefined;
      if (!stage) throw error;
      if (stage !== 'ip_allow_list') stages.push({ stage: 'ip_allow_list', ok: true, detail: "1-Stream accepts calls from the hub's address" });
      if (stage === 'permissions') stages.push({ stage: 'authentication', ok: true, detail: 'The API key and token are accepted' });
      stages.push({ stage, ok: false, detail: error.message, hint: error.hint });
      return { ok: false, stages, failedStage: stage };
    }
  }

  async listPackages(): Promise<PanelPackage[]> {
    return listOf<OneStreamPackage>(await this.call('GET', this.config.packagesPath || '/ext/packages', { operation: 'listPackages' })).map(toPackage);
  }

  async getPackage(externalId: string): Promise<PanelPackage | null> {
    return (await this.listPackages()).find((pkg) => pkg.externalId === externalId) ?? null;
  }

  async createLine(input: CreateLineInput): Promise<PanelLine> {
    const username = input.username ?? deriveCredential(input.idempotencyKey, 'username');
    const password = input.password ?? deriveCredential(input.idempotencyKey, 'password');
    const marker = createMarker(input.idempotencyKey);
    const earlier = input.firstCreate ? undefined : await this.existing(username, marker);
    if (earlier) return earlier;
    const charge = await this.call<OneStreamCharge>('POST', '/ext/line/create', {
      json: { package: Number(input.packageId), username, password, max_connections: input.maxConnections, reseller_notes: input.notes ? `${input.notes}\n${marker}` : marker, rid: requestId('create', input.idempotencyKey) },
      operation: 'createLine',
    });
    const line = await this.findLineByUsername(username).catch((error: unknown) => {
      // A token without indexLines cannot read the line back: build it from what create said.
      if (isPluginError(error) && error.code === 'FORBIDDEN') return null;
      throw error;
    });
    if (line) return { ...line, password: line.password ?? password };
    return { externalId: charge.line_id, username, password, packageId: input.packageId, expiresAt: charge.expire_at ? new Date(Date.parse(charge.expire_at)).toISOString() : null, maxConnections: input.maxConnections, enabled: true, raw: charge };
  }

  async getLine(line: LineRef): Promise<PanelLine | null> {
    const rows = line.username ? await this.byUsername(line.username) : await this.allLines();
    const row = rows.find((candidate) => candidate.line_id === line.externalId);
    return row ? toLine(row) : null;
  }

  async findLineByUsername(username: string): Promise<PanelLine | null> {
    const row = (await this.byUsername(username)).find((candidate) => candidate.username === username);
    return row ? toLine(row) : null;
  }

  async extendLine(input: ExtendLineInput): Promise<PanelLine> {
    let line = await this.require(input.line);
    if (this.config.extendMode === 'set-expiry') {
      await this.call('POST', `/ext/line/${encodeURIComponent(line.externalId)}/update-advanced`, { json: { expire_at: toSecondPrecision(input.expiresAt), rid: changeId('expiry', line.externalId, input.expiresAt) }, operation: 'extendLine' });
      return this.require(input.line);
    }
    // The panel keeps seconds: compare at that precision, or a truncated expiry would cost one more renewal.
    const wanted = Math.floor(Date.parse(input.expiresAt) / 1000) * 1000;
    // Renew until the expiry reaches the wanted instant; re-read before each renewal and key its
    // rid on the expiry it starts from, so a retried extendLine never renews twice.
    for (let step = 0; step < MAX_RENEWALS && line.expiresAt !== null && Date.parse(line.expiresAt) < wanted; step += 1) {
      await this.call<OneStreamCharge>('POST', `/ext/line/${encodeURIComponent(line.externalId)}/renew`, { json: { rid: requestId('renew', line.externalId, line.expiresAt) }, operation: 'extendLine' });
      line = await this.require(input.line);
    }
    return line;
  }

  /** A package change renews the line on the new package (as the API does); password and connections need editLines. */
  async updateLine(input: UpdateLineInput): Promise<PanelLine> {
    const line = await this.require(input.line);
    const path = `/ext/line/${encodeURIComponent(line.externalId)}`;
    if (input.packageId !== undefined && input.packageId !== line.packageId) {
      await this.call('POST', `${path}/renew`, { json: { package: Number(input.packageId), rid: requestId('repackage', line.externalId, input.packageId, line.expiresAt ?? 'null') }, operation: 'updateLine' });
    }
    const advanced: Record<string, unknown> = {};
    if (input.password !== undefined) advanced.password = input.password;
    if (input.maxConnections !== undefined && input.maxConnections !== line.maxConnections) advanced.max_connections = input.maxConnections;
    if (Object.keys(advanced).length > 0) await this.call('POST', `${path}/update-advanced`, { json: { ...advanced, rid: changeId('update', line.externalId, JSON.stringify(advanced)) }, operation: 'updateLine' });
    const updated = await this.require(input.line);
    // The password the panel has (the list answers it); the requested one only when it does not show passwords.
    return input.password !== undefined && updated.password === undefined ? { ...updated, password: input.password } : updated;
  }

  enableLine(line: LineRef): Promise<PanelLine> {
    return this.toggle(line, 'enable');
  }

  disableLine(line: LineRef): Promise<PanelLine> {
    return this.toggle(line, 'disable');
  }

  async deleteLine(line: LineRef): Promise<void> {
    try {
      await this.call('POST', `/ext/line/${encodeURIComponent(line.externalId)}/terminate`, { operation: 'deleteLine' });
    } catch (error) {
      if (!isPluginError(error) || error.code !== 'USER_NOT_FOUND') throw error;
    }
  }

  private async toggle(line: LineRef, op: 'enable' | 'disable'): Promise<PanelLine> {
    await this.call('POST', `/ext/line/${encodeURIComponent(line.externalId)}/${op}`, { operation: `${op}Line` });
    return this.require(line);
  }

  private byUsername(username: string): Promise<OneStreamLine[]> {
    return this.call<unknown>('GET', '/ext/lines', { query: { username }, operation: 'findLineByUsername' }).then((answer) => listOf<OneStreamLine>(answer));
  }

  /** Every line, page by page (only when a line must be found without its username). */
  private async allLines(): Promise<OneStreamLine[]> {
    const rows: OneStreamLine[] = [];
    for (let page = 1; page <= 1000; page += 1) {
      const answer = await this.call<{ data?: { pagination?: { last_page?: number }; items?: OneStreamLine[] } }>('GET', '/ext/lines/index', { query: { page, per_page: PAGE_SIZE }, operation: 'getLine' });
      rows.push(...listOf<OneStreamLine>(answer));
      if (page >= Number(answer.data?.pagination?.last_page ?? 1)) break;
    }
    return rows;
  }

  private async require(line: LineRef): Promise<PanelLine> {
    const found = await this.getLine(line);
    if (!found) throw new PluginError('USER_NOT_FOUND', `Line ${line.externalId || line.username} does not exist on 1-Stream`);
    return found;
  }

  private async existing(username: string, marker: string): Promise<PanelLine | undefined> {
    let found: PanelLine | null;
    try {
      found = await this.findLineByUsername(username);
    } catch (error) {
      // Without indexLines the rid alone keeps the create single.
      if (isPluginError(error) && error.code === 'FORBIDDEN') return undefined;
      throw error;
    }
    if (!found) return undefined;
    if (String((found.raw as OneStreamLine).reseller_notes ?? '').includes(marker)) return found;
    throw new PluginError('DUPLICATE_USERNAME', `A line named ${username} already exists on 1-Stream`);
  }
}

/**
 * The rid of an update-advanced call. The panel answers a repeated rid with its first answer and
 * does nothing, so the rid must differ for every genuine change — even one that starts from the
 * same state and asks for the same value as an earlier one (max connections 1 → 2 → 1 → 2, a
 * password set back): neither the change nor the line's state can tell those apart, so the rid
 * carries a random part drawn once per call. The hub's client resends the same body, so its
 * repeats of one call keep the rid; a later retry of the step sends the change again, which is
 * harmless: update-advanced sets absolute values and charges nothing.
 */
function changeId(kind: string, lineId: string, change: string): string {
  return requestId(kind, lineId, change, randomUUID());
}
