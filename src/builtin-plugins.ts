import type { HubPlugin } from './core/plugins/sdk';
import { xtreamCodesPlugin } from './plugins/panels/xtream-codes/xtream-codes.plugin';
import { xuiAdminPlugin } from './plugins/panels/xui-admin/xui-admin.plugin';
import { xuiResellerPlugin } from './plugins/panels/xui-reseller/xui-reseller.plugin';

/**
 * The plugins that ship with the hub, registered at start by the composition root (core never
 * imports a plugin). Third-party packages are added with HUB_PLUGINS.
 */
export const BUILTIN_PLUGINS: HubPlugin[] = [xuiAdminPlugin as HubPlugin, xtreamCodesPlugin as HubPlugin, xuiResellerPlugin as HubPlugin];
