import { definePanelPlugin } from '../../../core/plugins/sdk';
import { XuiAdminClient, XuiAdminConfig } from './xui-admin.client';

/** XUI.one (and XC_VM, Xtream-Masters…) through an "Admin API" access code and an admin account's api_key. */
export const xuiAdminPlugin = definePanelPlugin({
  manifest: {
    id: 'xui-admin',
    kind: 'panel',
    name: 'XUI.one admin API',
    version: '1.0.0',
    sdk: '^1.1.0',
    description: 'XUI.one / XC_VM access-code admin API (`/<ACCESS_CODE>/?api_key=…&action=…`): full line lifecycle, packages, bouquets, server stats, live connections; lines verified through player_api.php.',
    requiresBaseUrl: true,
    configSchema: {
      type: 'object',
      properties: {
        accessCode: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', writeOnly: true, description: 'Access code of type "Admin API" (the path segment of the API URL)' },
        apiKey: { type: 'string', minLength: 1, maxLength: 200, writeOnly: true, description: 'The api_key of an active admin account' },
        timeZone: { type: 'string', minLength: 1, maxLength: 64, default: 'UTC', description: "Time zone of the API account on the panel (expiry dates are sent as wall-clock time in it)" },
      },
      required: ['accessCode', 'apiKey'],
      additionalProperties: false,
    },
    capabilities: ['testConnection', 'listPackages', 'getPackage', 'createLine', 'getLine', 'findLineByUsername', 'updateLine', 'extendLine', 'enableLine', 'disableLine', 'deleteLine', 'serverStatus', 'connectionCount', 'verifyLine'],
    notes: { createFindsExisting: true },
  },
  create: (config, ctx) => new XuiAdminClient(config as unknown as XuiAdminConfig, ctx),
});
