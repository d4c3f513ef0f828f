import { createBasicHttpClient } from './basic-http-client';
import { isPluginError, PluginError } from './errors';
import type { PanelPlugin } from './manifest';
import type { PanelClient, PanelPluginContext, PluginStateStore } from './panel';
import type { PluginHttpClient, PluginHttpRequest, PluginLogger } from './runtime';

/** A logger that drops everything (plugin tests check behaviour, not log lines). */
export const silentLogger: PluginLogger = { debug() {}, info() {}, warn() {}, error() {} };

export interface TestPanelClientOptions {
  /** `ctx.baseUrl` and the base of the basic HTTP client (absent for cloud panels). */
  baseUrl?: string;
  /** The basic HTTP client's per-call timeout. */
  timeoutMs?: number;
  /** Replaces the basic HTTP client (e.g. one that drops the session); its calls are still recorded. */
  http?: PluginHttpClient;
  /** Defaults to the wall clock. */
  clock?: { now(): Date };
  /** `ctx.state`; absent unless given, as in a host without one. */
  state?: PluginStateStore;
  /**
   * Attempts per call, as the hub's client makes them (default 1): a request is repeated only when
   * it allows it (`retry`, default true for GET only) and only after a retryable failure. Use it to
   * test what a plugin does when the hub repeats a call whose first answer was lost.
   */
  attempts?: number;
  /** Runs before each request the plugin makes (once per call, not per attempt), e.g. to arm a simulator fault for one operation. */
  beforeSend?(request: PluginHttpRequest): void;
}

export interface TestPanelClient<Client extends PanelClient> {
  client: Client;
  /** Every request the plugin sent, in order. */
  sent: PluginHttpRequest[];
}

/**
 * For plugin authors' tests: `plugin.create(config, ctx)` with the SDK's basic HTTP client (one
 * attempt per call), a silent logger, and a record of the requests the plugin sent.
 */
export function createTestPanelClient<Client extends PanelClient = PanelClient>(plugin: PanelPlugin, config: Record<string, unknown>, options: TestPanelClientOptions = {}): TestPanelClient<Client> {
  const sent: PluginHttpRequest[] = [];
  const basic = options.http ?? createBasicHttpClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const inner = (options.attempts ?? 1) > 1 ? withRetries(basic, options.attempts ?? 1) : basic;
  const http: PluginHttpClient = { request: (req) => (sent.push(req), options.beforeSend?.(req), inner.request(req)) };
  const context: PanelPluginContext = { http, logger: silentLogger, clock: options.clock ?? { now: () => new Date() } };
  if (options.baseUrl !== undefined) context.baseUrl = options.baseUrl;
  if (options.state) context.state = options.state;
  return { client: plugin.create(config, context) as Client, sent };
}

/**
 * The hub client's retry rule around another client (no backoff): a call that allows repeating
 * (`retry`, default true for GET) is sent again after a retryable failure, up to `attempts` times.
 */
export function withRetries(inner: PluginHttpClient, attempts: number): PluginHttpClient {
  return {
    async request(req: PluginHttpRequest) {
      const allowed = (req.retry ?? req.method === 'GET') ? Math.max(1, attempts) : 1;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await inner.request(req);
        } catch (error) {
          if (!isPluginError(error) || !error.retryable || attempt >= allowed) throw error;
        }
      }
    },
  };
}

/** The PluginError a call fails with (anything else, or success, fails the test). */
export async function pluginFailureOf(promise: Promise<unknown>): Promise<PluginError> {
  try {
    await promise;
  } catch (error) {
    if (isPluginError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
