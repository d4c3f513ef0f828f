import { Agent, buildConnector, Dispatcher, request as undiciRequest } from 'undici';
import {
  classifyNetworkError,
  encodeForm,
  errorForStatus,
  PluginError,
  PluginHttpClient,
  PluginHttpRequest,
  PluginHttpResponse,
  PluginLogger,
  scrubSecrets,
  tryParseJson,
  WireFields,
} from '../../plugins/sdk';
import { redactUrl } from '../../audit/redact';
import type { CallLimiter, CallLimits } from './call-limiter';
import { CircuitBreaker } from './circuit-breaker';

/** One HTTP attempt as it is audited: never a secret, whatever the plugin sent. */
export interface PanelCallRecord {
  operation: string;
  method: string;
  /** The URL with secret values and secret-looking parameters removed. */
  url: string;
  status: number | null;
  durationMs: number;
  /** The normalised error code when the attempt failed. */
  code: string | null;
  attempt: number;
  retryable: boolean | null;
}

export interface PluginHttpClientOptions {
  /** Key of the limits (the panel id): every client with the same key shares them. */
  key: string;
  baseUrl?: string;
  timeoutMs: number;
  retry: { attempts: number; baseDelayMs: number; maxDelayMs?: number };
  limits?: CallLimits;
  limiter?: CallLimiter;
  breaker?: CircuitBreaker;
  tls?: { caCert?: string; allowSelfSigned?: boolean };
  /** Values never to be shown (the panel's secret configuration values). */
  secrets: string[];
  onCall?(record: PanelCallRecord): void;
  logger?: PluginLogger;
  /** Reuse a dispatcher (connection pool) across clients of the same panel. */
  dispatcher?: Dispatcher;
}

/** Creates the connection pool for a panel, honouring its TLS options, and remembers the local address used. */
export function createPanelDispatcher(tls: PluginHttpClientOptions['tls'], onLocalAddress: (address: string) => void): Agent {
  const connector = buildConnector({ ca: tls?.caCert, rejectUnauthorized: !tls?.allowSelfSigned });
  return new Agent({
    keepAliveTimeout: 10_000,
    connections: 128,
    connect: (options, callback) =>
      connector(options, (error, socket) => {
        if (socket?.localAddress) onLocalAddress(socket.localAddress.replace(/^::ffff:/, ''));
        (callback as (error: Error | null, socket: unknown) => void)(error, socket);
      }),
  });
}

/**
 * `ctx.http`: the only way a plugin reaches its panel. Adds to each call the panel's timeout,
 * retries with exponential backoff and jitter for retryable failures only, the per-panel
 * concurrency and per-second limits, the circuit breaker, classification of network failures,
 * TLS options, and an audit record per attempt with secrets removed.
 */
export class HubPluginHttpClient implements PluginHttpClient {
  private lastLocalAddress?: string;
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: PluginHttpClientOptions) {
    this.dispatcher = options.dispatcher ?? createPanelDispatcher(options.tls, (address) => (this.lastLocalAddress = address));
  }

  localAddress(): string | undefined {
    return this.lastLocalAddress;
  }

  /** Called by the owner of a shared dispatcher. */
  noteLocalAddress(address: string): void {
    this.lastLocalAddress = address;
  }

  async request(req: PluginHttpRequest): Promise<PluginHttpResponse> {
    const url = this.resolve(req.url, req.query);
    const secrets = [...this.options.secrets, ...(req.secrets ?? [])];
    const retry = req.retry ?? req.method === 'GET';
    const attempts = retry ? Math.max(1, this.options.retry.attempts) : 1;
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    let body: string | undefined;
    const headers: Record<string, string> = { accept: 'application/json, text/html;q=0.9, */*;q=0.8', ...req.headers };
    if (req.form) {
      body = encodeForm(req.form);
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    }
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(req, url, headers, body, timeoutMs, attempt, secrets);
      if (!(outcome instanceof PluginError)) return outcome;
      if (!outcome.retryable || attempt >= attempts) throw this.sanitise(outcome, secrets);
      await sleep(this.backoff(attempt));
    }
  }

  private async attempt(req: PluginHttpRequest, url: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number, attempt: number, secrets: string[]): Promise<PluginHttpResponse | PluginError> {
    const started = performance.now();
    let status: number | null = null;
    let outcome: PluginHttpResponse | PluginError;
    let transportFailure = false;
    try {
      this.options.breaker?.check();
    } catch (error) {
      outcome = error as PluginError;
      this.record(req, url, attempt, null, started, outcome, secrets);
      return outcome;
    }
    const release = this.options.limiter && this.options.limits ? await this.options.limiter.acquire(this.options.key, this.options.limits) : undefined;
    try {
      const res = await undiciRequest(url, { method: req.method, headers, body, dispatcher: this.dispatcher, signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.body.text();
      status = res.statusCode;
      const response = toResponse(res.statusCode, res.headers, text);
      const error = req.classify ? req.classify(response) : errorForStatus(res.statusCode);
      outcome = error ?? response;
      transportFailure = error !== undefined && (error.code === 'PANEL_UNAVAILABLE' || error.code === 'TIMEOUT');
    } catch (error) {
      outcome = classifyNetworkError(error, { host: safeHost(url), timeoutMs });
      transportFailure = outcome.retryable || outcome.code === 'TLS_ERROR';
    } finally {
      release?.();
    }
    if (outcome instanceof PluginError) {
      if (outcome.code === 'IP_NOT_ALLOWED' && this.lastLocalAddress) outcome = withAddressHint(outcome, this.lastLocalAddress);
      if (transportFailure) this.options.breaker?.failure();
      else this.options.breaker?.success();
    } else {
      this.options.breaker?.success();
    }
    this.record(req, url, attempt, status, started, outcome, secrets);
    return outcome;
  }

  private record(req: PluginHttpRequest, url: string, attempt: number, status: number | null, started: number, outcome: PluginHttpResponse | PluginError, secrets: string[]): void {
    const failed = outcome instanceof PluginError ? outcome : undefined;
    const record: PanelCallRecord = {
      operation: req.operation ?? 'call',
      method: req.method,
      url: scrubSecrets(redactUrl(url), secrets),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      code: failed?.code ?? null,
      attempt,
      retryable: failed ? failed.retryable : null,
    };
    this.options.onCall?.(record);
    this.options.logger?.debug('panel call', { ...record });
  }

  private resolve(path: string, query: WireFields | undefined): string {
    let url: string;
    if (/^https?:\/\//i.test(path)) url = path;
    else {
      if (!this.options.baseUrl) throw new PluginError('INVALID_INPUT', 'This panel has no base URL; the plugin must call absolute URLs');
      const base = this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`;
      url = base + path.replace(/^\//, '');
    }
    if (!query) return url;
    const encoded = encodeForm(query);
    return encoded ? `${url}${url.includes('?') ? '&' : '?'}${encoded}` : url;
  }

  private backoff(attempt: number): number {
    const cap = this.options.retry.maxDelayMs ?? 30_000;
    const ceiling = Math.min(cap, this.options.retry.baseDelayMs * 2 ** (attempt - 1));
    // Equal jitter (half fixed, half random): spreads the retries of many callers hit by the same outage.
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  private sanitise(error: PluginError, secrets: string[]): PluginError {
    const message = scrubSecrets(error.message, secrets);
    const providerMessage = error.providerMessage === undefined ? undefined : scrubSecrets(error.providerMessage, secrets);
    if (message === error.message && providerMessage === error.providerMessage) return error;
    return new PluginError(error.code, message, { retryable: error.retryable, hint: error.hint, providerMessage, httpStatus: error.httpStatus });
  }
}

function toResponse(status: number, rawHeaders: Record<string, string | string[] | undefined>, body: string): PluginHttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    status,
    headers,
    body,
    json<T>(): T {
      const parsed = tryParseJson(body);
      if (parsed === undefined) throw new PluginError('UNKNOWN', `The panel answered HTTP ${status} with a body that is not JSON`, { httpStatus: status, providerMessage: body.slice(0, 200) });
      return parsed as T;
    },
  };
}

function withAddressHint(error: PluginError, address: string): PluginError {
  return new PluginError(error.code, error.message, {
    retryable: error.retryable,
    providerMessage: error.providerMessage,
    httpStatus: error.httpStatus,
    hint: `Add the hub's address to the panel's API allow-list: the hub connected from ${address} (if a NAT or proxy sits between the hub and the panel, allow its public address instead).`,
  });
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
