import type { PanelClientsService } from '../../core/panels/panel-clients.service';
import { PluginRegistry } from '../../core/plugins/plugin-registry';
import { definePanelPlugin, definePluginAction, HubPlugin, PanelPlugin, pluginActionProblems, PluginError } from '../../core/plugins/sdk';
import { ActionRegistry } from './action-registry';
import type { ActionContext } from './action.types';
import { registerPluginActions } from './plugin.actions';

const manifest = (id: string) => ({ id, kind: 'panel' as const, name: id, version: '1.0.0', sdk: '^1.2.0', configSchema: { type: 'object' as const, properties: {} }, capabilities: [] });
const silent = { error: () => undefined } as never;

function ctx(): ActionContext {
  return { runId: 'r', workflowId: 'w', stepId: 's', attempt: 1, idempotencyKey: 'r:s', subscriptionId: null, state: {}, saveState: async () => undefined, emitOnCommit: () => undefined, signal: new AbortController().signal, timeScale: 1 };
}

describe('plugin-contributed actions', () => {
  it('refuses names outside the plugin namespace, reserved ids and malformed declarations', () => {
    const ok = { description: 'd', input: { type: 'object' as const }, execute: async () => ({}) };
    expect(pluginActionProblems('acme', [{ ...ok, name: 'acme.reset' }])).toEqual([]);
    expect(pluginActionProblems('my-crm', [{ ...ok, name: 'my-crm.sendInvoice' }])).toEqual([]);
    expect(pluginActionProblems('acme', [{ ...ok, name: 'panel.createLine' }])[0]).toContain('outside the plugin\'s namespace');
    expect(pluginActionProblems('acme', [{ ...ok, name: 'acmex.reset' }])[0]).toContain('outside the plugin\'s namespace');
    expect(pluginActionProblems('panel', [{ ...ok, name: 'panel.createLine' }])[0]).toContain('reserved');
    expect(pluginActionProblems('acme', [{ ...ok, name: 'acme.a' }, { ...ok, name: 'acme.a' }])).toEqual(['action "acme.a" is declared twice']);
    expect(pluginActionProblems('acme', [{ name: 'acme.b', input: { type: 'string' }, retry: { attempts: 0, backoff: [] } }])).toEqual([
      'action "acme.b" needs a description',
      'action "acme.b": input must be an object JSON Schema ({ type: \'object\', properties: … })',
      'action "acme.b": execute must be a function',
      'action "acme.b": retry must be { attempts: 1..100, backoff: [\'10s\', \'1m\', …] }',
    ]);
    expect(() => definePanelPlugin({ manifest: manifest('acme'), create: () => ({}), actions: [definePluginAction({ ...ok, name: 'subscription.cancel' })] })).toThrow(/outside the plugin's namespace/);
  });

  it('refuses a schema that does not compile, and a second plugin in a namespace', () => {
    const registry = new PluginRegistry();
    const action = (name: string, input: Record<string, unknown> = { type: 'object' }) => ({ name, description: 'd', input: input as never, execute: async () => ({}) });
    expect(() => registry.register({ manifest: manifest('acme'), create: () => ({}), actions: [action('acme.x', { type: 'object', properties: { a: { type: 'nope' } } })] })).toThrow(/input schema does not compile/);
    registry.register({ manifest: manifest('acme'), create: () => ({}), actions: [action('acme.x')] });
    expect(() => registry.register({ manifest: { ...manifest('acme'), kind: 'payment' }, create: () => ({}), actions: [action('acme.y')] } as HubPlugin)).toThrow('the action namespace "acme" already belongs to the panel plugin acme');
    expect(registry.actions().map((entry) => entry.action.name)).toEqual(['acme.x']);
  });

  it('keeps PluginError codes and retryability, makes other errors permanent, checks outputs, and scopes panel clients', async () => {
    let behaviour: () => Promise<unknown> = async () => ({ ok: true });
    const plugin: PanelPlugin = definePanelPlugin({
      manifest: manifest('acme'),
      create: () => ({}),
      actions: [
        definePluginAction({ name: 'acme.run', description: 'd', input: { type: 'object' }, output: { type: 'object', required: ['ok'] }, execute: () => behaviour() }),
        definePluginAction({ name: 'acme.panel', description: 'd', input: { type: 'object' }, execute: async (input: { panel: string }, context) => context.panelClient(input.panel) }),
      ],
    });
    const plugins = new PluginRegistry();
    plugins.register(plugin as HubPlugin);
    const panels = { forPanel: async (id: string) => ({ client: { id }, manifest: { id: id === 'mine' ? 'acme' : 'xui-admin' } }), secretValuesOf: () => [] } as unknown as PanelClientsService;
    const actions = new ActionRegistry();
    registerPluginActions(actions, plugins, panels, silent);
    const run = actions.get('acme.run');
    expect(run?.plugin).toBe('acme');

    await expect(run?.run({}, ctx())).resolves.toEqual({ ok: true });
    behaviour = async () => {
      throw new PluginError('RATE_LIMITED', 'slow down');
    };
    await expect(run?.run({}, ctx())).rejects.toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    behaviour = async () => {
      throw new PluginError('RATE_LIMITED', 'slow down', { retryable: false });
    };
    await expect(run?.run({}, ctx())).rejects.toMatchObject({ code: 'RATE_LIMITED', retryable: false });
    behaviour = async () => {
      throw new TypeError('x is undefined');
    };
    await expect(run?.run({}, ctx())).rejects.toMatchObject({ code: 'PLUGIN_ACTION_FAILED', retryable: false, message: 'acme.run: x is undefined' });
    behaviour = async () => ({ other: 1 });
    await expect(run?.run({}, ctx())).rejects.toMatchObject({ code: 'INVALID_OUTPUT', retryable: false });
    await expect(run?.dryRun({}, ctx())).resolves.toEqual({ wouldDo: 'would call acme.run (plugin acme)', output: {} });

    const panel = actions.get('acme.panel');
    await expect(panel?.run({ panel: 'mine' }, ctx())).resolves.toEqual({ id: 'mine' });
    await expect(panel?.run({ panel: 'theirs' }, ctx())).rejects.toMatchObject({ code: 'INVALID_INPUT', retryable: false });
  });

  it('reports an action whose name a built-in already has, and registers the rest', () => {
    const plugins = new PluginRegistry();
    const actions = new ActionRegistry();
    actions.register({ name: 'acme.taken', description: 'd', input: { type: 'object' }, run: async () => ({}), dryRun: async () => ({ wouldDo: '', output: {} }) });
    plugins.register({ manifest: manifest('acme'), create: () => ({}), actions: [{ name: 'acme.taken', description: 'd', input: { type: 'object' }, execute: async () => ({}) }, { name: 'acme.free', description: 'd', input: { type: 'object' }, execute: async () => ({}) }] });
    registerPluginActions(actions, plugins, {} as PanelClientsService, silent);
    expect(actions.get('acme.free')?.plugin).toBe('acme');
    expect(plugins.loadProblems()).toEqual([{ source: 'acme', message: 'acme: action "acme.taken" not registered: Action acme.taken is already registered' }]);
  });
});
