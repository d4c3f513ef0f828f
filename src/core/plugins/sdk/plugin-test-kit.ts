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
  const inner = options.http ?? createBasicHttpClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const http: PluginHttpClient = { request: (req) => (sent.push(req), inner.request(req)) };
  const context: PanelPluginContext = { http, logger: silentLogger, clock: options.clock ?? { now: () => new Date() } };
  if (options.baseUrl !== undefined) context.baseUrl = options.baseUrl;
  if (options.state) context.state = options.state;
  return { client: plugin.create(config, context) as Client, sent };
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
