import { definePanelPlugin } from '../../../core/plugins/sdk';
import { XtreamCodesClient, XtreamCodesConfig } from './xtream-codes.client';

/** Xtream Codes 2.9 / Xtream UI (and forks sharing its `api.php`) on the main server's streaming port. */
export const xtreamCodesPlugin = definePanelPlugin({
  manifest: {
    id: 'xtream-codes',
    kind: 'panel',
    name: 'Xtream Codes / Xtream UI api.php',
    version: '1.0.0',
    sdk: '^1.1.0',
    description:
      'Xtream Codes 2.9 / Xtream UI system API (`/api.php?action=user&sub=…`): create, info, edit (extend, password, bouquets, enable/disable). No delete and no package list in this API: packages are declared in the configuration; the hub address must be in the panel\'s API allowed IPs.',
    requiresBaseUrl: true,
    configSchema: {
      type: 'object',
      properties: {
        apiPass: { type: 'string', maxLength: 200, writeOnly: true, description: 'The panel setting api_pass (leave empty if the panel has none)' },
        memberId: { type: 'integer', minimum: 0, default: 0, description: 'Owner (reseller id) of the lines the hub creates; 0 = admin' },
        packages: {
          type: 'array',
          description: 'Packages the hub sells on this panel (api.php cannot list them): id, name and bouquet ids',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', minLength: 1, maxLength: 100 },
              name: { type: 'string', minLength: 1, maxLength: 200 },
              bouquets: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1 },
              maxConnections: { type: 'integer', minimum: 1 },
              durationDays: { type: 'number', exclusiveMinimum: 0 },
            },
            required: ['id', 'name', 'bouquets'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    capabilities: ['testConnection', 'listPackages', 'getPackage', 'createLine', 'getLine', 'updateLine', 'extendLine', 'enableLine', 'disableLine', 'serverStatus', 'verifyLine'],
    notes: { createFindsExisting: true, linesAddressedBy: 'username+password', deleteLine: 'not available in api.php: disable the line instead' },
  },
  create: (config, ctx) => new XtreamCodesClient(config as XtreamCodesConfig, ctx),
});
