import { definePanelPlugin } from '../../../core/plugins/sdk';
import { OneStreamClient, OneStreamConfig } from './onestream.client';

/** 1-Stream (OneStream) through its cloud "ext" API with an admin API key and a reseller API token. */
export const oneStreamPlugin = definePanelPlugin({
  manifest: {
    id: 'onestream',
    kind: 'panel',
    name: '1-Stream (OneStream) ext API',
    version: '1.0.0',
    sdk: '^1.1.0',
    description:
      '1-Stream cloud API (`/ext/line/…`, `X-Api-Key` + `X-Auth-User`): lines created and renewed by package (credits charged, `rid` for safe retries), UUID ids, ISO-8601 expiries, enable/disable/terminate; packages, error format and API origin configurable where undocumented.',
    requiresBaseUrl: false,
    configSchema: {
      type: 'object',
      properties: {
        apiKey: { type: 'string', minLength: 1, maxLength: 500, writeOnly: true, description: "The admin's API key (Settings → API Access Tokens)" },
        apiToken: { type: 'string', minLength: 1, maxLength: 500, writeOnly: true, description: "The reseller's API token (Profile → Create token)" },
        apiUrl: { type: 'string', pattern: '^https?://', maxLength: 500, description: 'The 1-Stream API origin (default https://api.1-stream.com, an assumption; the panel base URL wins when set)' },
        apiKeyHeader: { type: 'string', maxLength: 100, default: 'X-Api-Key', description: 'Header carrying the API key (uncertain; change if your build differs)' },
        authUserHeader: { type: 'string', maxLength: 100, default: 'X-Auth-User', description: 'Header carrying the API token (uncertain)' },
        packagesPath: { type: 'string', maxLength: 200, default: '/ext/packages', description: 'Path listing the packages (not published; assumed)' },
        extendMode: { type: 'string', enum: ['renew', 'set-expiry'], default: 'renew', description: '`renew` repeats the package (credits); `set-expiry` sets expire_at (needs the editLines permission)' },
      },
      required: ['apiKey', 'apiToken'],
      additionalProperties: false,
    },
    capabilities: ['testConnection', 'listPackages', 'getPackage', 'createLine', 'getLine', 'findLineByUsername', 'updateLine', 'extendLine', 'enableLine', 'disableLine', 'deleteLine'],
    notes: { createFindsExisting: true, expiryFromPackage: true, creditsCharged: true },
  },
  create: (config, ctx) => new OneStreamClient(config as unknown as OneStreamConfig, ctx),
});
