import type { SubscriptionsService, Unit } from '../../core/subscriptions/subscriptions.service';
import { subscriptionPayload } from '../../core/subscriptions/subscription-payload';
import type { Subscription } from '../../core/subscriptions/subscription.entity';
import { ActionContext, ActionError, WorkflowAction } from './action.types';
import { durationFromInput } from './duration-input';

const id = { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' };
const reason = { type: 'string', maxLength: 500 };

function unit(ctx: ActionContext): Unit {
  if (!ctx.em || !ctx.emit) throw new Error('subscription actions run inside the step transaction');
  return { em: ctx.em, emit: ctx.emit };
}

function change(ctx: ActionContext, why?: string) {
  return { reason: why ?? `workflow ${ctx.workflowId}`, runId: ctx.runId };
}

function subscriptionId(input: { subscription?: string }, ctx: Pick<ActionContext, 'subscriptionId'> | { subscriptionId?: string | null }): string {
  const value = input.subscription ?? ctx.subscriptionId;
  if (!value) throw new ActionError('INVALID_INPUT', 'No subscription: pass `subscription` (the run is not about one)');
  return value;
}

function view(subscription: Subscription): Record<string, unknown> {
  return { ...subscriptionPayload(subscription), lineDeleted: Boolean(subscription.lineDeletedAt) };
}

type Simple = { subscription?: string; reason?: string };
const simpleInput = { type: 'object', additionalProperties: false, properties: { subscription: id, reason } };

function simple(name: string, description: string, apply: (service: SubscriptionsService, unit: Unit, id: string, change: { reason: string; runId: string }) => Promise<Subscription>, service: SubscriptionsService): WorkflowAction<Simple> {
  return {
    name,
    description,
    input: simpleInput,
    transactional: true,
    async run(input, ctx) {
      return view(await apply(service, unit(ctx), subscriptionId(input, ctx), change(ctx, input.reason)));
    },
    async dryRun(input, ctx) {
      return { wouldDo: `${name} ${input.subscription ?? '(the run\'s subscription)'}`, output: { id: input.subscription ?? (ctx as { subscriptionId?: string }).subscriptionId ?? null } };
    },
  };
}

/** `subscription.*`: database-only actions that commit together with their step (exactly once). */
export function subscriptionActions(service: SubscriptionsService): WorkflowAction[] {
  return [
    simple('subscription.get', 'Reads a subscription (status, expiry, line)', (s, u, id) => s.get(id, u.em), service),
    simple('subscription.startProvisioning', 'Marks a pending subscription as provisioning', (s, u, id, c) => s.startProvisioning(u, id, c), service),
    simple('subscription.suspend', 'Suspends a subscription (emits subscription.suspended)', (s, u, id, c) => s.suspend(u, id, c), service),
    simple('subscription.reactivate', 'Reactivates a suspended or expired subscription (emits subscription.reactivated)', (s, u, id, c) => s.reactivate(u, id, c), service),
    simple('subscription.cancel', 'Cancels a subscription (emits subscription.cancelled)', (s, u, id, c) => s.cancel(u, id, c), service),
    simple('subscription.enterGrace', 'Starts the grace period of an expired subscription (emits subscription.expired)', (s, u, id, c) => s.enterGrace(u, id, c), service),
    simple('subscription.expire', 'Ends the grace period: the subscription is expired (emits subscription.expired)', (s, u, id, c) => s.expire(u, id, c), service),
    simple('subscription.markLineDeleted', 'Records that the line was deleted from the panel', (s, u, id, c) => s.markLineDeleted(u, id, c), service),
    {
      name: 'subscription.flagForReview',
      description: 'Marks the subscription as needing review (status failed) with the run\'s error',
      input: { type: 'object', additionalProperties: false, properties: { subscription: id, reason, error: { type: 'object' } } },
      transactional: true,
      async run(input: Simple & { error?: Record<string, unknown> }, ctx) {
        return view(await service.flagForReview(unit(ctx), subscriptionId(input, ctx), { reason: input.reason ?? null, error: input.error ?? null, workflowId: ctx.workflowId }, change(ctx, input.reason ?? 'needs review')));
      },
      async dryRun(input) {
        return { wouldDo: `flag subscription ${input.subscription ?? '(the run\'s)'} for review`, output: {} };
      },
    },
    {
      name: 'subscription.activate',
      description: 'Stores the line (id, username, sealed password, expiry) and makes the subscription active',
      input: {
        type: 'object',
        additionalProperties: false,
        required: ['line'],
        properties: {
          subscription: id,
          line: { type: 'object', required: ['lineId', 'username'], properties: { lineId: { type: 'string' }, username: { type: 'string' }, password: { type: ['string', 'null'] }, expiresAt: { type: ['string', 'null'] } } },
        },
      },
      transactional: true,
      async run(input: { subscription?: string; line: { lineId: string; username: string; password?: string | null; expiresAt?: string | null } }, ctx) {
        const line = { lineId: input.line.lineId, username: input.line.username, password: input.line.password ?? null, expiresAt: input.line.expiresAt ?? null };
        return view(await service.activate(unit(ctx), subscriptionId(input, ctx), line, change(ctx)));
      },
      async dryRun(input) {
        return { wouldDo: `activate subscription ${input.subscription ?? '(the run\'s)'} with line ${input.line?.lineId}`, output: { status: 'active' } };
      },
    },
    {
      name: 'subscription.extend',
      description: 'Renews: moves the expiry forward from the current expiry if still ahead, else from now (default: the product\'s duration)',
      input: { type: 'object', additionalProperties: false, properties: { subscription: id, days: { type: 'integer', minimum: 1 }, hours: { type: 'integer', minimum: 1 }, months: { type: 'integer', minimum: 1 }, expiresAt: { type: 'string' }, reason } },
      transactional: true,
      async run(input: Simple & { days?: number; hours?: number; months?: number; expiresAt?: string }, ctx) {
        const duration = durationFromInput(input) ?? undefined;
        const result = await service.extend(unit(ctx), subscriptionId(input, ctx), { duration, expiresAt: input.expiresAt }, change(ctx, input.reason ?? 'renewal'));
        return {
          ...view(result.subscription),
          previousExpiresAt: result.previousExpiresAt?.toISOString() ?? null,
          previousStatus: result.previousStatus,
          lineWasDisabled: ['expired', 'suspended'].includes(result.previousStatus),
        };
      },
      async dryRun(input) {
        return { wouldDo: `extend subscription ${input.subscription ?? '(the run\'s)'}`, output: { expiresAt: new Date().toISOString(), lineWasDisabled: false } };
      },
    },
    {
      name: 'subscription.changePackage',
      description: 'Moves the subscription to another product (package and max connections); the expiry is unchanged',
      input: { type: 'object', additionalProperties: false, required: ['product'], properties: { subscription: id, product: id, reason } },
      transactional: true,
      async run(input: Simple & { product: string }, ctx) {
        return view(await service.changePackage(unit(ctx), subscriptionId(input, ctx), input.product, change(ctx, input.reason ?? 'upgrade')));
      },
      async dryRun(input) {
        return { wouldDo: `move subscription ${input.subscription ?? '(the run\'s)'} to product ${input.product}`, output: {} };
      },
    },
  ];
}
