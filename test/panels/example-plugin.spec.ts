import { loadPlugins } from '../../src/core/plugins/plugin-loader';
import { PluginRegistry } from '../../src/core/plugins/plugin-registry';
import { panelConformanceSuite } from '../../src/core/plugins/sdk';
import { plugin } from '../fixtures/acme-plugin/acme.plugin';
import { AcmeSimulator } from '../fixtures/acme-plugin/acme.simulator';

/** The worked example of docs/plugins.md loads as a third-party package and passes the conformance kit. */
describe('the plugin guide example (iptv-hub-plugin-acme)', () => {
  const registry = new PluginRegistry();

  beforeAll(() => loadPlugins(registry, [], ['iptv-hub-plugin-acme'], async () => ({ plugin }), { log: () => undefined, error: () => undefined } as never));

  it('is accepted by the loader', () => {
    expect(registry.loadProblems()).toEqual([]);
    expect(registry.get('panel', 'acme')?.manifest.name).toBe('ACME panel');
  });

  const suite = panelConformanceSuite({
    plugin,
    async startSimulator() {
      const sim = await AcmeSimulator.start();
      return {
        url: sim.server.url,
        config: { apiKey: sim.apiKey },
        badConfig: { apiKey: 'wrong-key-000' },
        packageId: 'gold',
        setFaults: (faults) => sim.server.setFaults(faults),
        resetFaults: () => sim.server.resetFaults(),
        countLines: (username) => [...sim.lines.values()].filter((line) => line.username === username).length,
        close: () => sim.server.close(),
      };
    },
  });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});
