import { loadPlugins } from './plugin-loader';
import { PluginRegistry } from './plugin-registry';
import { definePanelPlugin, HubPlugin, PanelPlugin, SDK_VERSION } from './sdk';

const manifest = (id: string, sdk = '^1.0.0') => ({
  id,
  kind: 'panel' as const,
  name: `Plugin ${id}`,
  version: '1.0.0',
  sdk,
  configSchema: { type: 'object' as const, properties: { apiKey: { type: 'string', writeOnly: true } } },
  capabilities: ['getLine'],
});
const plugin = (id: string, sdk?: string): PanelPlugin => ({ manifest: manifest(id, sdk), create: () => ({}) });
const silent = { log: () => undefined, error: () => undefined } as never;

describe('loadPlugins', () => {
  it('registers built-ins and valid packages, and reports and skips every kind of broken package', async () => {
    const registry = new PluginRegistry();
    const modules: Record<string, unknown> = {
      'iptv-hub-plugin-good': { plugin: plugin('good') },
      'iptv-hub-plugin-default': { default: plugin('by-default') },
      'iptv-hub-plugin-many': { plugins: [plugin('one'), plugin('two')] },
      'iptv-hub-plugin-empty': { something: 1 },
      'iptv-hub-plugin-future': { plugin: plugin('future', '^9.0.0') },
      'iptv-hub-plugin-bad-manifest': { plugin: { manifest: { ...manifest('Bad Id'), capabilities: ['teleport'] }, create: () => ({}) } },
      'iptv-hub-plugin-clash': { plugin: plugin('builtin') },
    };
    const importer = async (name: string) => {
      if (name === 'iptv-hub-plugin-throws') throw new Error('SyntaxError: Unexpected token');
      if (!(name in modules)) throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
      return modules[name];
    };
    const packages = ['iptv-hub-plugin-good', 'iptv-hub-plugin-default', 'iptv-hub-plugin-many', 'iptv-hub-plugin-empty', 'iptv-hub-plugin-future', 'iptv-hub-plugin-bad-manifest', 'iptv-hub-plugin-clash', 'iptv-hub-plugin-throws', 'iptv-hub-plugin-missing', 'left-pad'];
    await loadPlugins(registry, [definePanelPlugin(plugin('builtin')) as HubPlugin], packages, importer, silent);
    expect(registry.manifests().map((entry) => entry.id).sort()).toEqual(['builtin', 'by-default', 'good', 'one', 'two']);
    const problems = Object.fromEntries(registry.loadProblems().map((problem) => [problem.source, problem.message]));
    expect(Object.keys(problems).sort()).toEqual(['iptv-hub-plugin-bad-manifest', 'iptv-hub-plugin-clash', 'iptv-hub-plugin-empty', 'iptv-hub-plugin-future', 'iptv-hub-plugin-missing', 'iptv-hub-plugin-throws', 'left-pad']);
    expect(problems['iptv-hub-plugin-future']).toContain(`needs SDK ^9.0.0 but the hub provides ${SDK_VERSION}`);
    expect(problems['iptv-hub-plugin-bad-manifest']).toMatch(/id must be .*unknown capabilities teleport/);
    expect(problems['iptv-hub-plugin-clash']).toContain('already installed');
    expect(problems['iptv-hub-plugin-missing']).toContain('could not be loaded');
    expect(problems['iptv-hub-plugin-empty']).toContain('exports no plugin');
    expect(problems['left-pad']).toContain('not a plugin package name');
  });
});
