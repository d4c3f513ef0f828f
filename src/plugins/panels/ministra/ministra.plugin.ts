import { definePanelPlugin } from '../../../core/plugins/sdk';
import { MinistraClient, MinistraConfig } from './ministra.client';

/** Ministra (Stalker middleware) through its REST API v1 (HTTP Basic auth, form bodies, OK/ERROR envelope). */
export const ministraPlugin = definePanelPlugin({
  manifest: {
    id: 'ministra',
    kind: 'panel',
    name: 'Ministra (Stalker) REST API v1',
    version: '1.0.0',
    sdk: '^1.1.0',
    description:
      'Ministra / Stalker portal REST API v1 (`/stalker_portal/api/v1/`): accounts by account number, login or MAC; tariff plans by external id; create, extend (end_date), tariff and password changes, enable/disable (inverted status), delete; service packages and account subscriptions. Expiry is enforced by the hub (the portal enforces end_date only with internal billing).',
    requiresBaseUrl: true,
    configSchema: {
      type: 'object',
      properties: {
        login: { type: 'string', maxLength: 200, description: 'api_auth_login of [server_api] in custom.ini (empty when the API runs without auth)' },
        password: { type: 'string', maxLength: 200, writeOnly: true, description: 'api_auth_password of [server_api]' },
        apiPath: { type: 'string', maxLength: 200, default: 'stalker_portal/api/v1/', description: 'Path of the REST API under the base URL (`stalker_portal/api/` answers too)' },
        timeZone: { type: 'string', minLength: 1, maxLength: 64, default: 'UTC', description: "The portal's time zone (end_date is wall-clock time in it)" },
      },
      additionalProperties: false,
    },
    capabilities: ['testConnection', 'listPackages', 'getPackage', 'createLine', 'getLine', 'findLineByUsername', 'updateLine', 'extendLine', 'enableLine', 'disableLine', 'deleteLine'],
    // Ministra enforces end_date only with internal billing on: the hub must disable lines on expiry (the built-in expire-line workflow does).
    notes: { createFindsExisting: true, expiryEnforcedByHub: true, maxConnectionsFixed: 'one device per account' },
  },
  create: (config, ctx) => new MinistraClient(config as unknown as MinistraConfig, ctx),
});
