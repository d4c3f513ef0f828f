import { Agent, buildConnector, Dispatcher, request as undiciRequest } from 'undici';
import {
  classifyNetworkError,
  encodeForm,
  errorForStatus,
  isSecretName,
  PluginError,
  PluginHttpClient,
  PluginHttpRequest,
  PluginHttpResponse,
  PluginLogger,
  redactSecretFields,
  scrubSecrets,
  tryParseJson,
  WireFields,
  withTimeoutSignal,
} from '../../plugins/sdk';
import { REDACTED, redactUrl } from '../../audit/redact';

const REDACTED_PARAM = encodeURIComponent(REDACTED);

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
    const secrets = req.secrets?.length ? [...this.options.secrets, ...req.secrets] : this.options.secrets;
    const { url, safeUrl } = this.resolve(req.url, req.query, secrets);
    const retry = req.retry ?? req.method === 'GET';
    const attempts = retry ? Math.max(1, this.options.retry.attempts) : 1;
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    let body: string | undefined;
    const headers: Record<string, string> = req.headers ? { ...req.headers } : {};
    if (req.form) {
      body = encodeForm(req.form);
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    }
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(req, url, safeUrl, headers, body, timeoutMs, attempt);
      if (!(outcome instanceof PluginError)) return outcome;
      if (!outcome.retryable || attempt >= attempts) throw this.sanitise(outcome, secrets);
      await sleep(this.backoff(attempt));
    }
  }

  private async attempt(req: PluginHttpRequest, url: string, safeUrl: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number, attempt: number): Promise<PluginHttpResponse | PluginError> {
    const started = performance.now();
    let status: number | null = null;
    let outcome: PluginHttpResponse | PluginError;
    let transportFailure: boolean;
    try {
      this.options.breaker?.check();
    } catch (error) {
      outcome = error as PluginError;
      this.record(req, safeUrl, attempt, null, started, outcome);
      return outcome;
    }
    const { limiter, limits } = this.options;
    const release = limiter && limits ? (limiter.tryAcquire?.(this.options.key, limits) ?? (await limiter.acquire(this.options.key, limits))) : undefined;
    try {
      const { res, text } = await withTimeoutSignal(timeoutMs, async (signal) => {
        const answer = await undiciRequest(url, { method: req.method, headers, body, dispatcher: this.dispatcher, signal });
        return { res: answer, text: await answer.body.text() };
      });
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
    this.record(req, safeUrl, attempt, status, started, outcome);
    return outcome;
  }

  private record(req: PluginHttpRequest, safeUrl: string, attempt: number, status: number | null, started: number, outcome: PluginHttpResponse | PluginError): void {
    const failed = outcome instanceof PluginError ? outcome : undefined;
    const record: PanelCallRecord = {
      operation: req.operation ?? 'call',
      method: req.method,
      url: safeUrl,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      code: failed?.code ?? null,
      attempt,
      retryable: failed ? failed.retryable : null,
    };
    this.options.onCall?.(record);
    this.options.logger?.debug('panel call', { ...record });
  }

  /** The URL to call, and the same URL as it may be shown: secret values and secret-looking parameters removed. */
  private resolve(path: string, query: WireFields | undefined, secrets: string[]): { url: string; safeUrl: string } {
    let url: string;
    if (/^https?:\/\//i.test(path)) url = path;
    else {
      if (!this.options.baseUrl) throw new PluginError('INVALID_INPUT', 'This panel has no base URL; the plugin must call absolute URLs');
      const base = this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`;
      url = base + path.replace(/^\//, '');
    }
    // Built from the parts instead of parsing the URL back: this runs on every call.
    const safeBase = scrubSecrets(url.includes('?') ? redactUrl(url) : url, secrets);
    if (!query) return { url, safeUrl: safeBase };
    let encoded = '';
    let safe = '';
    for (const key in query) {
      const value = query[key];
      const name = encodeURIComponent(key);
      // Query parameters whose values are never shown: the SDK's one rule for secret names.
      const hidden = isSecretName(key);
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item === undefined || item === null) continue;
        const text = encodeURIComponent(typeof item === 'boolean' ? (item ? '1' : '0') : String(item));
        const sep = encoded ? '&' : '';
        encoded += `${sep}${name}=${text}`;
        safe += `${sep}${name}=${hidden ? REDACTED_PARAM : text}`;
      }
    }
    if (!encoded) return { url, safeUrl: safeBase };
    const join = url.includes('?') ? '&' : '?';
    return { url: `${url}${join}${encoded}`, safeUrl: `${safeBase}${join}${scrubSecrets(safe, secrets)}` };
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
      if (parsed === undefined) throw new PluginError('UNKNOWN', `The panel answered HTTP ${status} with a body that is not JSON`, { httpStatus: status, providerMessage: redactSecretFields(body).slice(0, 200) });
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
