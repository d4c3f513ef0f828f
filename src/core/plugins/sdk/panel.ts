import type { PluginHttpClient, PluginLogger } from './runtime';

/** Operations a panel plugin may implement; it lists the ones it does in `capabilities`. */
export const PANEL_CAPABILITIES = [
  'testConnection',
  'listPackages',
  'getPackage',
  'createLine',
  'createLines',
  'getLine',
  'findLineByUsername',
  'updateLine',
  'extendLine',
  'enableLine',
  'disableLine',
  'deleteLine',
  'serverStatus',
  'connectionCount',
  'verifyLine',
] as const;

export type PanelCapability = (typeof PANEL_CAPABILITIES)[number];

/** A sellable package / bouquet / tariff plan as the panel reports it. */
export interface PanelPackage {
  externalId: string;
  name: string;
  channelCount?: number;
  vodCount?: number;
  seriesCount?: number;
  durationDays?: number;
  maxConnections?: number;
  creditCost?: number;
  isTrial?: boolean;
  /** The panel's own record, for operators (never contains credentials). */
  raw?: unknown;
}

/** A line (subscriber account) in normalised form: ISO-8601 UTC instants, string ids. */
export interface PanelLine {
  externalId: string;
  username: string;
  /** Present when the panel returns it (most do); needed by panels that address lines by username + password. */
  password?: string;
  packageId?: string | null;
  bouquetIds?: string[];
  /** ISO-8601 UTC instant, or null when the line never expires. */
  expiresAt: string | null;
  maxConnections: number;
  enabled: boolean;
  banned?: boolean;
  isTrial?: boolean;
  activeConnections?: number;
  notes?: string | null;
  raw?: unknown;
}

/** How the hub refers to an existing line: panels differ in what identifies one. */
export interface LineRef {
  externalId: string;
  username: string;
  password?: string;
}

export interface CreateLineInput {
  /** Omitted → the plugin (or panel) generates one. */
  username?: string;
  password?: string;
  packageId: string;
  /** ISO-8601 UTC instant; null = never expires. */
  expiresAt: string | null;
  maxConnections: number;
  isTrial?: boolean;
  notes?: string;
  /** Stable per logical create (run id + step id): plugins use it to make create idempotent. */
  idempotencyKey: string;
  /**
   * True when no earlier attempt can have sent a create under this key: the hub made up the
   * username for this very attempt and nothing was sent before it. The plugin may then skip its
   * look-up for an earlier attempt's line (one call less to the panel per new line). Absent or
   * false: look up first, as always.
   */
  firstCreate?: boolean;
}

export interface UpdateLineInput {
  line: LineRef;
  packageId?: string;
  password?: string;
  maxConnections?: number;
}

export interface ExtendLineInput {
  line: LineRef;
  /** The new expiry (ISO-8601 UTC instant). */
  expiresAt: string;
}

export type ConnectionStage = 'dns' | 'tcp' | 'tls' | 'http' | 'authentication' | 'ip_allow_list' | 'permissions';

export interface ConnectionStageResult {
  stage: ConnectionStage;
  ok: boolean;
  durationMs?: number;
  detail: string;
  /** The actionable fix when the stage failed. */
  hint?: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  stages: ConnectionStageResult[];
  /** The first failing stage, if any. */
  failedStage?: ConnectionStage;
  /** Warnings that do not fail the test (e.g. a self-signed certificate accepted by choice). */
  warnings?: string[];
}

export interface PanelServerStatus {
  servers: { id: string; name: string; online: boolean; activeConnections?: number; raw?: unknown }[];
  raw?: unknown;
}

export interface PanelConnections {
  total: number;
  byLine?: Record<string, number>;
}

/** The client a panel plugin returns. Only the declared capabilities need to be implemented. */
/** What a line looks like from the outside (the player API a client app uses). */
export interface LineVerification {
  /** The credentials are accepted and the line can play now. */
  valid: boolean;
  status: 'active' | 'expired' | 'banned' | 'disabled' | 'invalid';
  /** Known only when the panel reveals it (XC answers for inactive lines too; XUI only for active ones). */
  expiresAt?: string | null;
  maxConnections?: number;
  activeConnections?: number;
  isTrial?: boolean;
}

export interface PanelClient {
  testConnection?(): Promise<ConnectionTestResult>;
  listPackages?(): Promise<PanelPackage[]>;
  getPackage?(externalId: string): Promise<PanelPackage | null>;
  createLine?(input: CreateLineInput): Promise<PanelLine>;
  createLines?(inputs: CreateLineInput[]): Promise<PanelLine[]>;
  getLine?(line: LineRef): Promise<PanelLine | null>;
  findLineByUsername?(username: string): Promise<PanelLine | null>;
  updateLine?(input: UpdateLineInput): Promise<PanelLine>;
  extendLine?(input: ExtendLineInput): Promise<PanelLine>;
  enableLine?(line: LineRef): Promise<PanelLine>;
  disableLine?(line: LineRef): Promise<PanelLine>;
  deleteLine?(line: LineRef): Promise<void>;
  serverStatus?(): Promise<PanelServerStatus>;
  connectionCount?(): Promise<PanelConnections>;
  /** Checks a line through the player API with its own credentials (needs `line.password`). */
  verifyLine?(line: LineRef): Promise<LineVerification>;
}

/**
 * A small durable key-value store the hub keeps per configured panel, for facts a plugin must
 * remember that the panel cannot tell it (e.g. which usernames the hub already gave out on a
 * panel whose API cannot look a line up by username).
 */
export interface PluginStateStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Stores the value unless the key exists; true when this call stored it. Atomic across processes. */
  setIfAbsent(key: string, value: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** An in-memory PluginStateStore (tests, the conformance kit, tools). */
export function memoryStateStore(): PluginStateStore {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => void values.set(key, value),
    setIfAbsent: async (key, value) => {
      if (values.has(key)) return false;
      values.set(key, value);
      return true;
    },
    delete: async (key) => void values.delete(key),
  };
}

export interface PanelPluginContext {
  /** The panel's base URL (absent for cloud panels). */
  baseUrl?: string;
  /** HTTP with timeouts, retries, per-panel limits, redaction and audit. The only way out. */
  http: PluginHttpClient;
  logger: PluginLogger;
  clock: { now(): Date };
  /** Durable per-panel state (provided by the hub; absent in hosts that have none). */
  state?: PluginStateStore;
}
