import type { AccessCodeActions, ActionResult, CodeTarget } from '../../core/access-codes/access-code-actions.service';
import type { NewAccessCode } from '../../core/access-codes/access-codes.service';
import { WorkflowAction } from './action.types';

const uuid = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' };
const expiryMode = { enum: ['date', 'lifetime', 'default'] };
const instant = { type: ['string', 'null'], maxLength: 40 };
const target = {
  accessCodeId: uuid,
  code: { type: 'string', minLength: 4, maxLength: 6 },
  subscriptionId: uuid,
};

type SetExpiry = CodeTarget & { expiryMode?: 'date' | 'lifetime' | 'default'; expiresAt?: string | null };

/**
 * `accessCode.*`: issue, deactivate and re-date access codes from a workflow, e.g. give the buyer
 * a short code for the line a purchase created. Each is idempotent by run id + step id (the
 * access-code service records the result with its effect), so a redelivered step acts once.
 * Results never contain the Xtream password.
 */
export function accessCodeActions(codes: AccessCodeActions): WorkflowAction[] {
  const create: WorkflowAction<NewAccessCode, ActionResult> = {
    name: 'accessCode.create',
    description: 'Creates an access code for a portal and a pair of Xtream credentials (optionally linked to a subscription)',
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['portalId', 'username', 'password'],
      properties: {
        code: target.code,
        length: { type: 'integer', minimum: 4, maximum: 6 },
        portalId: uuid,
        username: { type: 'string', minLength: 1, maxLength: 200 },
        password: { type: 'string', minLength: 1, maxLength: 200 },
        status: { enum: ['active', 'inactive'] },
        notes: { type: ['string', 'null'], maxLength: 2000 },
        subscriptionId: { type: ['string', 'null'], pattern: uuid.pattern },
        subscriptionExpiresAt: instant,
        expiryMode,
        expiresAt: instant,
      },
    },
    run: (input, ctx) => codes.create(input, { idempotencyKey: ctx.idempotencyKey }),
    async dryRun(input, ctx) {
      const output = await codes.create(input, { idempotencyKey: ctx.idempotencyKey, dryRun: true });
      return { wouldDo: `create an access code on portal ${input.portalId} for ${input.username}`, output };
    },
  };
  const deactivate: WorkflowAction<CodeTarget, ActionResult> = {
    name: 'accessCode.deactivate',
    description: 'Deactivates an access code (by id or code) or every code linked to a subscription',
    input: { type: 'object', additionalProperties: false, minProperties: 1, properties: target },
    run: (input, ctx) => codes.deactivate(input, { idempotencyKey: ctx.idempotencyKey }),
    async dryRun(input, ctx) {
      return { wouldDo: `deactivate the access codes of ${JSON.stringify(input)}`, output: await codes.deactivate(input, { idempotencyKey: ctx.idempotencyKey, dryRun: true }) };
    },
  };
  const setExpiry: WorkflowAction<SetExpiry, ActionResult> = {
    name: 'accessCode.setExpiry',
    description: 'Sets the expiry of access codes: a date, lifetime, or default (follow the linked subscription)',
    input: { type: 'object', additionalProperties: false, properties: { ...target, expiryMode, expiresAt: instant } },
    run: (input, ctx) => codes.setExpiry(input, { idempotencyKey: ctx.idempotencyKey }),
    async dryRun(input, ctx) {
      return { wouldDo: `set the expiry of the access codes of ${JSON.stringify(input)}`, output: await codes.setExpiry(input, { idempotencyKey: ctx.idempotencyKey, dryRun: true }) };
    },
  };
  return [create, deactivate, setExpiry];
}
