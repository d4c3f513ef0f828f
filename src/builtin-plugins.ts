import type { HubPlugin } from './core/plugins/sdk';
import { xtreamCodesPlugin } from './plugins/panels/xtream-codes/xtream-codes.plugin';
import { xuiAdminPlugin } from './plugins/panels/xui-admin/xui-admin.plugin';
import { btcPayPlugin } from './plugins/payments/btcpay/btcpay.plugin';
import { cryptomusPlugin } from './plugins/payments/cryptomus/cryptomus.plugin';
import { manualPaymentPlugin } from './plugins/payments/manual/manual.plugin';
import { nowPaymentsPlugin } from './plugins/payments/nowpayments/nowpayments.plugin';
import { payPalPlugin } from './plugins/payments/paypal/paypal.plugin';
import { stripePlugin } from './plugins/payments/stripe/stripe.plugin';
import { xuiResellerPlugin } from './plugins/panels/xui-reseller/xui-reseller.plugin';
import { ministraPlugin } from './plugins/panels/ministra/ministra.plugin';
import { nxtPlugin } from './plugins/panels/nxt/nxt.plugin';
import { oneStreamPlugin } from './plugins/panels/onestream/onestream.plugin';

/** More built-in panel plugins (issue #7). */
const MORE_PANEL_PLUGINS = [ministraPlugin, oneStreamPlugin, nxtPlugin] as HubPlugin[];

/** Built-in payment plugins (issue #5). */
const PAYMENT_PLUGINS = [stripePlugin, payPalPlugin, nowPaymentsPlugin, btcPayPlugin, cryptomusPlugin, manualPaymentPlugin] as HubPlugin[];

/**
 * The plugins that ship with the hub, registered at start by the composition root (core never
 * imports a plugin). Third-party packages are added with HUB_PLUGINS.
 */
export const BUILTIN_PLUGINS: HubPlugin[] = [xuiAdminPlugin as HubPlugin, xtreamCodesPlugin as HubPlugin, xuiResellerPlugin as HubPlugin, ...MORE_PANEL_PLUGINS, ...PAYMENT_PLUGINS];
