import { BUILTIN_PLUGINS } from '../../src/builtin-plugins';
import { MemoryCallLimiter } from '../../src/core/http/plugin-http/call-limiter';
import { HubPluginHttpClient } from '../../src/core/http/plugin-http/plugin-http-client';
import { memoryStateStore, PanelConformanceTarget, panelConformanceSuite } from '../../src/core/plugins/sdk';

/**
 * Runs the conformance kit for built-in panel plugins with the hub's own `ctx.http` (undici,
 * limits, breaker, TLS, classification) instead of the SDK's basic client: what passes here is
 * what runs in production. Call at the top level of a spec file.
 */
export function describeHubClientConformance(simulators: Record<string, PanelConformanceTarget['startSimulator']>): void {
  const limiter = new MemoryCallLimiter();
  for (const [id, start] of Object.entries(simulators)) {
    const plugin = BUILTIN_PLUGINS.find((candidate) => candidate.manifest.kind === 'panel' && candidate.manifest.id === id);
    describe(`${id} conformance with the hub's HTTP client`, () => {
      it('is a built-in plugin', () => expect(plugin).toBeDefined());
      if (!plugin) return;
      const state = memoryStateStore();
      const suite = panelConformanceSuite({
        plugin: plugin as never,
        startSimulator: start,
        createContext: (options) => ({
          baseUrl: options.baseUrl,
          logger: options.logger,
          clock: { now: () => new Date() },
          state,
          http: new HubPluginHttpClient({
            key: plugin.manifest.id,
            baseUrl: options.baseUrl,
            timeoutMs: options.timeoutMs,
            // One attempt: the kit checks how each failure is classified.
            retry: { attempts: 1, baseDelayMs: 1 },
            limiter,
            limits: { maxConcurrent: 10, maxPerSecond: 1000, leaseMs: 10_000 },
            secrets: options.secrets,
            onCall: (record) => options.onCall(record),
            logger: options.logger,
          }),
        }),
      });
      beforeAll(() => suite.setup());
      afterAll(() => suite.teardown());
      for (const check of suite.checks) it(check.name, () => check.run());
    });
  }
}
