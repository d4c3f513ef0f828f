import { findEventType, registerEventType } from '../events/event-catalogue';
import { DRIFT_KINDS, DriftFinding } from './drift-finding.entity';

export const DRIFT_DETECTED = 'drift.detected';
export const DRIFT_RESOLVED = 'drift.resolved';
export const DRIFT_REPAIRED = 'drift.repaired';

const findingSchema = (extra: Record<string, unknown> = {}, required: string[] = []) => ({
  type: 'object',
  additionalProperties: true,
  required: ['findingId', 'subscriptionId', 'kind', ...required],
  properties: {
    findingId: { type: 'string', description: 'Drift finding (GET /drift/{id})' },
    subscriptionId: { type: 'string', description: 'Subscription' },
    panelId: { type: 'string', description: 'Panel' },
    lineId: { type: ['string', 'null'], description: 'The line on the panel' },
    kind: { type: 'string', enum: [...DRIFT_KINDS] },
    status: { type: 'string', enum: ['open', 'resolved', 'repaired'] },
    hub: { description: 'What the hub holds' },
    panel: { description: 'What the panel holds' },
    ...extra,
  },
});

/**
 * The `drift.*` event types, registered when the drift module loads (the catalogue's documented
 * way to add types): they are published in the catalogue and the OpenAPI `webhooks`.
 */
const DEFINITIONS = [
  {
    type: DRIFT_DETECTED,
    description: 'Reconcile found a subscription differing from its line on the panel (a new open finding); an alert when the line is missing',
    schema: findingSchema(),
    alert: { when: { field: 'kind', equals: 'line_missing' } },
  },
  { type: DRIFT_RESOLVED, description: 'A drift finding closed by itself: a later reconcile found the line in sync', schema: findingSchema() },
  {
    type: DRIFT_REPAIRED,
    description: 'The hub set the panel back to its intent for a drift finding (manually or by auto-repair)',
    schema: findingSchema({ reason: { type: 'string' }, auto: { type: 'boolean' }, action: { type: 'string', description: 'What was done on the panel, e.g. createLine' }, newLineId: { type: ['string', 'null'] } }, ['reason']),
  },
];

for (const definition of DEFINITIONS) if (!findEventType(definition.type)) registerEventType(definition);

export function driftPayload(finding: DriftFinding, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    findingId: finding.id,
    subscriptionId: finding.subscription.id,
    panelId: finding.panelId,
    lineId: finding.lineId ?? null,
    kind: finding.kind,
    status: finding.status,
    hub: finding.hubValue ?? null,
    panel: finding.panelValue ?? null,
    ...extra,
  };
}

export function driftSubject(finding: DriftFinding): { type: string; id: string } {
  return { type: 'subscription', id: finding.subscription.id };
}
