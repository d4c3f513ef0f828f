import type { AccessCode } from './access-code.entity';
import { stateOf } from './access-code-state';

export type AccessCodeEventType = 'access_code.created' | 'access_code.updated' | 'access_code.deleted';

/**
 * The payload of `access_code.*` events. It carries the code (a purchase workflow delivers it to
 * the customer) but never the Xtream username or password: events leave the hub through webhooks.
 */
export function accessCodePayload(code: AccessCode, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accessCode: {
      id: code.id,
      code: code.code,
      portalId: code.portal.id,
      status: code.status,
      state: stateOf(code),
      expiryMode: code.expiryMode,
      expiresAt: code.expiresAt?.toISOString() ?? null,
      effectiveExpiresAt: code.effectiveExpiresAt?.toISOString() ?? null,
      subscriptionId: code.subscriptionId ?? null,
    },
    ...extra,
  };
}

export function accessCodeSubject(code: AccessCode): { type: string; id: string } {
  return { type: 'access_code', id: code.id };
}
