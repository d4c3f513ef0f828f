import { definePanelPlugin } from '../../../core/plugins/sdk';
import { XuiResellerClient, XuiResellerConfig } from './xui-reseller.client';

/** XUI.one (and XC_VM…) through a "Reseller API" access code and a reseller's api_key: lines paid with credits. */
export const xuiResellerPlugin = definePanelPlugin({
  manifest: {
    id: 'xui-reseller',
    kind: 'panel',
    name: 'XUI.one reseller API',
    version: '1.0.0',
    sdk: '^1.1.0',
    description:
      'XUI.one / XC_VM reseller access-code API: packages with the reseller\'s credit prices, lines created and extended by package (credits debited; INSUFFICIENT_CREDITS / NO_TRIALS_LEFT), enable/disable/delete.',
    requiresBaseUrl: true,
    configSchema: {
      type: 'object',
      properties: {
        accessCode: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', writeOnly: true, description: 'Access code of type "Reseller API"' },
        apiKey: { type: 'string', minLength: 1, maxLength: 200, writeOnly: true, description: "The reseller account's api_key" },
      },
      required: ['accessCode', 'apiKey'],
      additionalProperties: false,
    },
    capabilities: ['testConnection', 'listPackages', 'getPackage', 'createLine', 'getLine', 'findLineByUsername', 'updateLine', 'extendLine', 'enableLine', 'disableLine', 'deleteLine', 'connectionCount', 'verifyLine'],
    notes: { createFindsExisting: true, expiryFromPackage: true, creditsCharged: true },
  },
  create: (config, ctx) => new XuiResellerClient(config as unknown as XuiResellerConfig, ctx),
});
