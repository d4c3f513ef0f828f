import { definePanelPlugin, PanelPlugin } from '../../src/core/plugins/sdk';

/** A minimal panel plugin for tests of the panel resource itself (no wire protocol behind it). */
export const testPanelPlugin: PanelPlugin = definePanelPlugin({
  manifest: {
    id: 'test-panel',
    kind: 'panel',
    name: 'Test panel',
    version: '1.0.0',
    sdk: '^1.0.0',
    configSchema: {
      type: 'object',
      properties: { username: { type: 'string', minLength: 1 }, password: { type: 'string', minLength: 1, writeOnly: true } },
      required: ['username', 'password'],
      additionalProperties: false,
    },
    capabilities: [],
  },
  create: () => ({}),
});
