import { definePanelPlugin } from '../../../core/plugins/sdk';
import { NxtClient, NxtConfig } from './nxt.client';

/** NXT Dash reseller dashboard, driven like a browser (session login with CSRF token and cookies). */
export const nxtPlugin = definePanelPlugin({
  manifest: {
    id: 'nxt',
    kind: 'panel',
    name: 'NXT Dash reseller dashboard',
    version: '1.0.0',
    sdk: '^1.1.0',
    description:
      'NXT reseller dashboard (no public API; integrated as public clients do): session login with CSRF token and cookies, renewed by one re-login when it expires; packages scraped from the create pages; lines created, extended (by package, credits) and deleted; lines and connections from the DataTables endpoints. Enable/disable and password changes are not known to exist and are not offered.',
    requiresBaseUrl: true,
    configSchema: {
      type: 'object',
      properties: {
        username: { type: 'string', minLength: 1, maxLength: 200, description: 'Reseller username on the dashboard' },
        password: { type: 'string', minLength: 1, maxLength: 200, writeOnly: true, description: 'Reseller password (disable the login captcha / 2FA for this account)' },
        loginPath: { type: 'string', maxLength: 200, default: '/login', description: 'Path of the login page' },
        timeZone: { type: 'string', minLength: 1, maxLength: 64, default: 'UTC', description: "The panel's time zone (dates are DD-MM-YYYY HH:mm in it)" },
        minLoginIntervalMs: { type: 'integer', minimum: 0, maximum: 60000, default: 5000, description: 'Minimum time between two logins (the panel is believed to throttle logins)' },
      },
      required: ['username', 'password'],
      additionalProperties: false,
    },
    // Unknown on NXT, so absent: enableLine, disableLine, updateLine (password), serverStatus, verifyLine.
    capabilities: ['testConnection', 'listPackages', 'getPackage', 'createLine', 'getLine', 'findLineByUsername', 'extendLine', 'deleteLine', 'connectionCount'],
    notes: { createFindsExisting: true, expiryFromPackage: true, expiryEnforcedByPanel: true, creditsCharged: true, sessionAuth: true, noDisable: 'NXT offers no known way to disable a line: expiry is enforced by the panel (package duration); the hub deletes lines it must cut off' },
  },
  create: (config, ctx) => new NxtClient(config as unknown as NxtConfig, ctx),
});
