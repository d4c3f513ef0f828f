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
}

export interface PanelPluginContext {
  /** The panel's base URL (absent for cloud panels). */
  baseUrl?: string;
  /** HTTP with timeouts, retries, per-panel limits, redaction and audit. The only way out. */
  http: PluginHttpClient;
  logger: PluginLogger;
  clock: { now(): Date };
}
