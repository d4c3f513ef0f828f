/** What the hub hands a plugin at run time. Plugins read no environment and touch no database. */

export interface PluginHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL, or a path resolved against the panel's base URL. */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as application/x-www-form-urlencoded (nested keys allowed, e.g. `user_data[username]`). */
  form?: Record<string, string | number | boolean | undefined>;
  /** Sent as application/json. */
  json?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Values that must never appear in logs or audit entries (passwords, api keys in the path…). */
  secrets?: string[];
  /** Name of the operation for metrics and the audit log (e.g. `createLine`). */
  operation?: string;
  /** Retry transient failures of this request (default true only for idempotent methods). */
  retry?: boolean;
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
}

export interface PluginLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
