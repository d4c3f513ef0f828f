import { findEventType, registerEventType } from '../events/event-catalogue';

/**
 * Subscription event types added after the catalogue's built-in list (registered when this
 * module loads, like a plugin's): the published catalogue and the OpenAPI `webhooks` include them.
 */
export const SUBSCRIPTION_PANEL_CHANGED = 'subscription.panel_changed';

if (!findEventType(SUBSCRIPTION_PANEL_CHANGED)) {
  registerEventType({
    type: SUBSCRIPTION_PANEL_CHANGED,
    description: 'A subscription moved to another panel (its line was provisioned on the product\'s fallback panel)',
    schema: {
      type: 'object',
      additionalProperties: true,
      required: ['subscriptionId', 'panelId', 'previousPanelId'],
      properties: {
        subscriptionId: { type: 'string', description: 'Subscription' },
        customerId: { type: 'string', description: 'Customer' },
        productId: { type: 'string', description: 'Product' },
        panelId: { type: 'string', description: 'The panel the subscription is on now' },
        previousPanelId: { type: 'string', description: 'The panel it was on (the primary)' },
        previousPackageExternalId: { type: 'string', description: 'Its package on the previous panel' },
        status: { type: 'string', description: 'Status (unchanged by the move)' },
        subscription: { type: 'object', additionalProperties: true, description: 'The subscription as the API returns it' },
        expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'Current expiry' },
        reason: { type: 'string', description: 'Why it moved, e.g. MAX_USERS_REACHED or PANEL_DOWN' },
        runId: { type: 'string', description: 'The workflow run that moved it' },
      },
    },
  });
}
