import { eventCatalogue, EventTypeDefinition } from '../events/event-catalogue';

const SIGNATURE_HEADERS = [
  { name: 'webhook-id', description: 'Message id, the same for every retry and replay of the delivery: deduplicate on it', example: 'msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b' },
  { name: 'webhook-timestamp', description: 'Unix seconds of this attempt (reject messages older than 5 minutes)', example: '1732262400' },
  { name: 'webhook-signature', description: 'Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` entries; two during a secret rotation', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' },
];

/**
 * The catalogue as OpenAPI 3.1 `webhooks`: one POST per event type that the hub sends to
 * subscribed endpoints, signed per Standard Webhooks.
 */
export function openApiWebhooks(): Record<string, unknown> {
  return Object.fromEntries(eventCatalogue().map((definition) => [definition.type, { post: operation(definition) }]));
}

function operation(definition: EventTypeDefinition): Record<string, unknown> {
  const alert = definition.alert ? ` Alert: selected by the \`@alerts\` filter${definition.alert.when ? ` when \`${definition.alert.when.field}\` is \`${String(definition.alert.when.equals)}\`` : ''}.` : '';
  return {
    operationId: `on_${definition.type.replace(/\./g, '_')}`,
    summary: definition.description,
    description: `Sent to endpoints subscribed to \`${definition.type}\`. Verify the signature (Standard Webhooks) on the raw body before trusting it.${alert}`,
    tags: ['webhook events'],
    security: [],
    parameters: SIGNATURE_HEADERS.map((header) => ({ in: 'header', name: header.name, required: true, description: header.description, schema: { type: 'string' }, example: header.example })),
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['type', 'timestamp', 'data'],
            properties: {
              type: { type: 'string', const: definition.type },
              timestamp: { type: 'string', format: 'date-time', description: 'When the event happened' },
              data: definition.schema,
            },
          },
        },
      },
    },
    responses: {
      '200': { description: 'Any 2xx acknowledges the delivery' },
      '400': { description: 'Any other answer (or a timeout) is a failure: the hub retries with backoff for days' },
      '410': { description: 'Gone: the hub disables the endpoint' },
    },
  };
}
