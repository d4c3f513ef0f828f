import { HubPluginHttpClient } from '../../src/core/http/plugin-http/plugin-http-client';
import { MemoryCallLimiter } from '../../src/core/http/plugin-http/call-limiter';
import { memoryStateStore, PanelConformanceTarget, panelConformanceSuite } from '../../src/core/plugins/sdk';
import { BUILTIN_PLUGINS } from '../../src/builtin-plugins';
import { xtreamCodesConformanceSimulator } from '../../src/plugins/panels/xtream-codes/xtream-codes.fixtures';
import { xuiAdminConformanceSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.fixtures';
import { xuiResellerConformanceSimulator } from '../../src/plugins/panels/xui-reseller/xui-reseller.fixtures';

/**
 * The conformance kit again for every Xtream-family plugin, this time with the hub's own `ctx.http`
 * (limits, breaker, TLS, classification) instead of the SDK's basic client: what passes here is
 * what runs in production. Other panel families run the same kit in their own suites.
 */
const SIMULATORS: Record<string, PanelConformanceTarget['startSimulator']> = {
  'xui-admin': xuiAdminConformanceSimulator,
  'xui-reseller': xuiResellerConformanceSimulator,
  'xtream-codes': xtreamCodesConformanceSimulator,
};

const limiter = new MemoryCallLimiter();

for (const [id, start] of Object.entries(SIMULATORS)) {
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
