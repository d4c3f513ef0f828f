/**
 * The catalogue of the hub's event types (SPEC §6.4) with a JSON Schema (2020-12, as used by
 * OpenAPI 3.1) for each payload. It documents what integrators receive through outbound webhooks
 * (published as the OpenAPI document's `webhooks`) and marks the alert events operators route to
 * a human. Modules that emit a new event type append it to `BUILT_IN_EVENT_TYPES`; plugins may
 * add theirs at run time with `registerEventType`.
 *
 * Payload conventions: ids are strings, instants ISO-8601 UTC, money integer minor units plus an
 * ISO-4217 currency. Credentials never travel in clear in the outbox: put them sealed (SecretBox)
 * under `credentialsSealed`; webhooks unseal them only for endpoints allowed to receive them and
 * drop every `credentials`/`*Sealed` key (and the type's `credentialPaths`) for the others.
 */

export type JsonSchema = Record<string, unknown>;

export interface EventTypeDefinition {
  type: string;
  description: string;
  /** The payload (`data` of a webhook). */
  schema: JsonSchema;
  /** An alert needs a human; `when` narrows it to payloads whose field equals a value. */
  alert?: { when?: { field: string; equals: unknown } };
  /** Dot paths in the payload that are credentials: sent only to endpoints allowed to receive them. */
  credentialPaths?: string[];
}

const id = (description: string): JsonSchema => ({ type: 'string', description });
const instant = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type as string, 'null'] });

function object(properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  // Open objects: producers may add fields without breaking receivers that validate.
  return { type: 'object', properties, required, additionalProperties: true };
}

const money = { amountMinor: { type: 'integer', description: 'Amount in the currency\'s minor units (cents)' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } };
const credentials: JsonSchema = {
  type: 'object',
  description: 'Line credentials: present only for endpoints allowed to receive credentials (over HTTPS)',
  properties: { username: { type: 'string' }, password: { type: 'string' }, serverUrl: { type: 'string' } },
  additionalProperties: true,
};

const paymentSchema = object(
  { orderId: id('Order'), customerId: id('Customer'), productId: id('Product'), provider: id('Payment plugin id, e.g. stripe'), providerPaymentId: id('The provider\'s payment id'), ...money, overpaid: { type: 'boolean' } },
  ['orderId', 'provider'],
);

const subscriptionSchema = (extra: Record<string, JsonSchema> = {}) =>
  object(
    {
      subscriptionId: id('Subscription'),
      customerId: id('Customer'),
      productId: id('Product'),
      panelId: id('Panel'),
      status: { type: 'string', description: 'Status after the change' },
      subscription: { type: 'object', additionalProperties: true, description: 'The subscription as the API returns it' },
      expiresAt: nullable(instant('Current expiry')),
      ...extra,
    },
    ['subscriptionId'],
  );

const lineSchema = object(
  {
    subscriptionId: id('Subscription the line serves'),
    panelId: id('Panel'),
    lineId: id('The line\'s id on the panel'),
    username: { type: 'string' },
    expiresAt: nullable(instant('Expiry on the panel')),
    maxConnections: { type: 'integer' },
    packageId: id('Package on the panel'),
    credentials,
  },
  ['panelId'],
);

const accessCodeSchema = object(
  {
    accessCode: object(
      {
        id: id('Access code'),
        code: { type: 'string', description: 'The code itself: a credential, sent only to endpoints allowed to receive credentials' },
        portalId: id('Portal'),
        status: { type: 'string' },
        state: { type: 'string' },
        expiryMode: { type: 'string' },
        expiresAt: nullable(instant('Own expiry')),
        effectiveExpiresAt: nullable(instant('Expiry after following the subscription')),
        subscriptionId: nullable(id('Subscription')),
      },
      ['id'],
    ),
    changes: { type: 'array', items: { type: 'string' }, description: 'Fields that changed (updates)' },
  },
  ['accessCode'],
);
const runSchema = (extra: Record<string, JsonSchema> = {}) =>
  object(
    { runId: id('Workflow run'), workflowId: id('Workflow definition'), revision: { type: 'integer' }, status: { type: 'string' }, subscriptionId: nullable(id('Subscription concerned, if any')), trigger: { type: 'string' }, durationMs: { type: ['integer', 'null'] }, ...extra },
    ['runId', 'workflowId'],
  );

const health = ['healthy', 'degraded', 'down', 'unknown'];

const subscriptionEvents: [string, string, Record<string, JsonSchema>?][] = [
  ['created', 'A subscription was created (not yet active)'],
  ['activated', 'A subscription became active: its line exists on the panel'],
  ['renewed', 'A subscription was renewed: its expiry moved forward', { previousExpiresAt: nullable(instant('Expiry before the renewal')) }],
  ['expiring', 'A subscription expires soon (reminder)', { daysLeft: { type: 'integer' } }],
  ['expired', 'A subscription expired'],
  ['suspended', 'A subscription was suspended (payment failed, manual action)', { reason: { type: 'string' } }],
  ['reactivated', 'A lapsed or suspended subscription is active again'],
  ['cancelled', 'A subscription was cancelled', { reason: { type: 'string' } }],
  ['line_recorded', 'A line created for a subscription that was cancelled meanwhile (a refund during provisioning) was recorded on it; the subscription stays cancelled and the line is disabled', { reason: { type: 'string' } }],
];

const lineEvents: [string, string][] = [
  ['created', 'A line was created on a panel'],
  ['extended', 'A line\'s expiry was extended'],
  ['disabled', 'A line was disabled'],
  ['enabled', 'A line was enabled again'],
  ['deleted', 'A line was deleted from its panel'],
  ['updated', 'A line was changed (package, connections, …)'],
];

/** Built-in event types. Append new ones here (keep the list sorted by area). */
export const BUILT_IN_EVENT_TYPES: EventTypeDefinition[] = [
  { type: 'payment.succeeded', description: 'A payment was received and confirmed', schema: paymentSchema },
  { type: 'payment.failed', description: 'A payment failed or expired', schema: object({ ...(paymentSchema.properties as Record<string, JsonSchema>), reason: { type: 'string' } }, ['orderId', 'provider']) },
  { type: 'payment.refunded', description: 'A payment was refunded in full (or disputed): the refund workflow cancels the subscription', schema: object({ ...(paymentSchema.properties as Record<string, JsonSchema>), amountRefundedMinor: { type: 'integer' }, reason: { type: 'string' } }, ['orderId', 'provider']) },
  {
    type: 'payment.partially_refunded',
    description: 'Part of a payment was refunded (a goodwill credit): recorded, the order stays paid and the subscription runs on',
    schema: object({ ...(paymentSchema.properties as Record<string, JsonSchema>), amountRefundedMinor: { type: 'integer', description: 'Refunded so far, in minor units' }, reason: { type: 'string' } }, ['orderId', 'provider', 'amountRefundedMinor']),
  },
  {
    type: 'payment.review_required',
    description: 'A payment needs a human decision (underpayment, price or currency mismatch, paid after a refund, a renewal of a cancelled subscription, a refund or dispute that matches no order)',
    schema: object(
      { ...(paymentSchema.properties as Record<string, JsonSchema>), orderId: nullable(id('Order; null for a refund or dispute that matches no order')), providerEventId: id("The provider's event id"), reason: { type: 'string' } },
      ['reason'],
    ),
    alert: {},
  },
  {
    type: 'order.created',
    description: 'An order was created (checkout started or manual order)',
    schema: object({ orderId: id('Order'), customerId: id('Customer'), productId: id('Product'), kind: { type: 'string', enum: ['new', 'renewal', 'upgrade'] }, ...money }, ['orderId']),
  },
  ...subscriptionEvents.map(([name, description, extra]) => ({ type: `subscription.${name}`, description, schema: subscriptionSchema(extra) })),
  ...lineEvents.map(([name, description]) => ({ type: `line.${name}`, description, schema: lineSchema })),
  {
    type: 'panel.health_changed',
    description: 'A panel\'s health changed; an alert when it is down',
    schema: object(
      { panelId: id('Panel'), name: { type: 'string' }, from: { type: 'string', enum: health }, to: { type: 'string', enum: health }, detail: { type: ['string', 'null'] }, code: { type: ['string', 'null'] }, checkedAt: instant('When the check ran') },
      ['panelId', 'to'],
    ),
    alert: { when: { field: 'to', equals: 'down' } },
  },
  { type: 'panel.packages_synced', description: 'A panel\'s packages were synchronised', schema: object({ panelId: id('Panel'), added: { type: 'integer' }, removed: { type: 'integer' }, updated: { type: 'integer' } }, ['panelId']) },
  { type: 'access_code.created', description: 'An access code was issued', schema: accessCodeSchema, credentialPaths: ['accessCode.code'] },
  { type: 'access_code.updated', description: 'An access code changed (expiry, status)', schema: accessCodeSchema, credentialPaths: ['accessCode.code'] },
  { type: 'access_code.deleted', description: 'An access code was deleted', schema: accessCodeSchema, credentialPaths: ['accessCode.code'] },
  {
    type: 'access_code.bruteforce_suspected',
    description: 'Failed code logins spiked: someone may be guessing codes',
    schema: object({ failures: { type: 'integer' }, threshold: { type: 'integer' }, windowStart: instant('Start of the window'), windowSeconds: { type: 'integer' } }, ['failures']),
    alert: {},
  },
  { type: 'workflow.run.succeeded', description: 'A workflow run finished successfully', schema: runSchema() },
  { type: 'workflow.run.failed', description: 'A workflow run failed after its retries; its subscription needs review', schema: runSchema({ failedStep: { type: 'string' }, error: { type: 'string' } }), alert: {} },
  {
    type: 'webhook_endpoint.disabled',
    description: 'The hub disabled a webhook endpoint (it answered 410 Gone, or failed for the whole retry window)',
    schema: object(
      { endpointId: id('Webhook endpoint'), url: { type: 'string' }, reason: { type: 'string', enum: ['gone', 'failing'] }, failingSince: nullable(instant('First failure of the streak')), lastStatus: { type: ['integer', 'null'] }, lastError: { type: ['string', 'null'] } },
      ['endpointId', 'url', 'reason'],
    ),
    alert: {},
  },
  {
    type: 'webhook.test',
    description: 'Sent by POST /webhook-endpoints/{id}/test to check a receiver; never emitted otherwise',
    schema: object({ endpointId: id('Webhook endpoint'), message: { type: 'string' } }, ['endpointId', 'message']),
  },
];

const catalogue = new Map<string, EventTypeDefinition>(BUILT_IN_EVENT_TYPES.map((definition) => [definition.type, definition]));

/** Adds an event type (plugins); a type may be defined once. */
export function registerEventType(definition: EventTypeDefinition): void {
  if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(definition.type)) throw new Error(`Event type "${definition.type}" must be dot-separated lower-case words`);
  if (catalogue.has(definition.type)) throw new Error(`Event type "${definition.type}" is already defined`);
  catalogue.set(definition.type, definition);
}

export function eventCatalogue(): EventTypeDefinition[] {
  return [...catalogue.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export function findEventType(type: string): EventTypeDefinition | undefined {
  return catalogue.get(type);
}

/** Whether an event of this type and payload is an alert (routed by the `@alerts` filter). */
export function isAlert(type: string, payload: Record<string, unknown>): boolean {
  const alert = catalogue.get(type)?.alert;
  if (!alert) return false;
  return !alert.when || payload[alert.when.field] === alert.when.equals;
}
