import type { PluginError } from './errors';

/** What the hub hands a plugin at run time. Plugins read no environment and touch no database. */

/** Form and query values; an array repeats the key (name it `field[]` when the panel expects PHP arrays). */
export type WireValue = string | number | boolean | undefined | null;
export type WireFields = Record<string, WireValue | WireValue[]>;

export interface PluginHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL, or a path resolved against the panel's base URL (`''` is the base URL itself). */
  url: string;
  query?: WireFields;
  /** Sent as application/x-www-form-urlencoded (nested keys allowed, e.g. `user_data[username]`). */
  form?: WireFields;
  /** Sent as application/json. */
  json?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Values that must never appear in logs or audit entries (passwords, api keys in the path…). */
  secrets?: string[];
  /** Name of the operation for metrics and the audit log (e.g. `createLine`). */
  operation?: string;
  /**
   * Retry transient failures of this request (default: true for GET, false otherwise). Set it on a
   * POST only when repeating it is harmless or the plugin detects the repetition itself.
   */
  retry?: boolean;
  /**
   * Turns a response into the normalised error it stands for (or undefined when it is a success),
   * inside the client's retry loop, so panel-specific failures (an nginx 503 page, a 200 with an
   * error body) are classified, retried when transient and audited with their code. When omitted,
   * 5xx answers become PANEL_UNAVAILABLE and 429 RATE_LIMITED; every other status is returned.
   */
  classify?: (response: PluginHttpResponse) => PluginError | undefined;
}

export interface PluginHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Parses the body as JSON; throws a PluginError (UNKNOWN) when it is not JSON. */
  json<T = unknown>(): T;
}

export interface PluginHttpClient {
  request(request: PluginHttpRequest): Promise<PluginHttpResponse>;
  /**
   * The local address the hub's last connection to the panel came from (what an IP allow-list on
   * the panel sees when no NAT is in between), when known.
   */
  localAddress?(): string | undefined;
}

export interface PluginLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
