import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { panelTraits } from '../../core/drift/drift-compare';
import type { PanelClientsService } from '../../core/panels/panel-clients.service';
import type { LineRef, PanelClient, PanelLine, PluginManifest } from '../../core/plugins/sdk';
import { addDuration, durationOf } from '../../core/subscriptions/subscription-payload';
import type { SubscriptionsService } from '../../core/subscriptions/subscriptions.service';
import { ActionContext, ActionError, WorkflowAction } from './action.types';
import { durationFromInput } from './duration-input';

const id = { type: 'string', minLength: 1, maxLength: 200 };
const lineRef = { type: 'object', required: ['lineId'], properties: { lineId: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' } } };
const target = { panel: id, subscription: id, line: lineRef };

interface Target {
  panel?: string;
  subscription?: string;
  line?: { lineId: string; username?: string; password?: string };
}

interface Deps {
  panels: PanelClientsService;
  subscriptions: SubscriptionsService;
  orm: MikroORM;
}

type Op = keyof PanelClient;

/** The client of a panel whose plugin declares and implements `op`, or a NOT_SUPPORTED failure. */
export async function clientFor(deps: Pick<Deps, 'panels'>, panelId: string, op: Op): Promise<PanelClient> {
  return (await supportingClient(deps, panelId, op)).client;
}

/** The panel's client and its plugin's manifest, when the plugin supports `op`. */
export async function supportingClient(deps: Pick<Deps, 'panels'>, panelId: string, op: Op): Promise<{ client: PanelClient; manifest: PluginManifest }> {
  const ready = await deps.panels.forPanel(panelId);
  const fn = ready.client[op];
  if (!ready.manifest.capabilities.includes(op) || typeof fn !== 'function') {
    throw new ActionError('NOT_SUPPORTED', `The ${ready.manifest.name} plugin of panel ${panelId} does not support ${op}`, false, 'Use an action the panel supports, or route the product to another panel.');
  }
  return { client: ready.client, manifest: ready.manifest };
}

/** The panel and line a step addresses: from its subscription, or given explicitly. */
async function resolve(deps: Deps, input: Target, ctx: Pick<ActionContext, 'subscriptionId'>, needLine: boolean): Promise<{ panelId: string; line: LineRef | null; subscriptionId: string | null }> {
  const subscriptionId = input.subscription ?? (input.panel ? null : ctx.subscriptionId);
  if (subscriptionId && !input.line) {
    const em = deps.orm.em.fork();
    const subscription = await deps.subscriptions.get(subscriptionId, em);
    if (needLine && !subscription.lineId) throw new ActionError('NO_LINE', `Subscription ${subscriptionId} has no line on its panel yet`, false, 'Provision the line first (purchase workflow), or reconcile the subscription.');
    const password = subscription.lineId ? await deps.subscriptions.password(subscription, em) : null;
    const line = subscription.lineId ? { externalId: subscription.lineId, username: subscription.username ?? '', ...(password ? { password } : {}) } : null;
    return { panelId: input.panel ?? subscription.panel.id, line, subscriptionId };
  }
  if (!input.panel) throw new ActionError('INVALID_INPUT', 'Pass `panel` (and `line`) or `subscription`');
  const line = input.line ? { externalId: input.line.lineId, username: input.line.username ?? '', ...(input.line.password ? { password: input.line.password } : {}) } : null;
  if (needLine && !line) throw new ActionError('INVALID_INPUT', 'Pass `line` (or `subscription`)');
  return { panelId: input.panel, line, subscriptionId: subscriptionId ?? null };
}

function lineOutput(panelId: string, line: PanelLine): Record<string, unknown> {
  return { panelId, lineId: line.externalId, username: line.username, password: line.password ?? null, expiresAt: line.expiresAt, maxConnections: line.maxConnections, packageId: line.packageId ?? null, enabled: line.enabled };
}

export function lineEvent(type: string, panelId: string, subscriptionId: string | null, line: Partial<PanelLine> & { externalId: string }) {
  return {
    type,
    payload: { panelId, lineId: line.externalId, subscriptionId, username: line.username ?? null, expiresAt: line.expiresAt ?? null, maxConnections: line.maxConnections ?? null, packageId: line.packageId ?? null },
    subject: subscriptionId ? { type: 'subscription', id: subscriptionId } : { type: 'panel', id: panelId },
  };
}

/** A username derived from the step's idempotency key: the same on every attempt, so a retry finds the line. */
export function derivedUsername(idempotencyKey: string): string {
  return `hub${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 11)}`;
}

interface CreateInput extends Target {
  package?: string;
  expiresAt?: string | null;
  days?: number;
  hours?: number;
  months?: number;
  maxConnections?: number;
  username?: string;
  password?: string;
  isTrial?: boolean;
  notes?: string;
}

function createLineAction(deps: Deps): WorkflowAction<CreateInput> {
  return {
    name: 'panel.createLine',
    description: 'Creates a line, exactly once: looks it up first (by the id or username an earlier attempt recorded) and records the line id as soon as the panel returns it',
    input: {
      type: 'object',
      additionalProperties: false,
      properties: { ...target, package: id, expiresAt: { type: ['string', 'null'] }, days: { type: 'integer', minimum: 1 }, hours: { type: 'integer', minimum: 1 }, months: { type: 'integer', minimum: 1 }, maxConnections: { type: 'integer', minimum: 1, maximum: 1000 }, username: { type: 'string', pattern: '^[A-Za-z0-9_.@-]{3,64}$' }, password: { type: 'string', minLength: 4 }, isTrial: { type: 'boolean' }, notes: { type: 'string', maxLength: 500 } },
    },
    defaultRetry: { attempts: 5, backoff: ['1m', '5m', '15m', '60m'] },
    // The plan (credentials and expiry of a first attempt) commits with the step's start.
    async prepare(input, ctx) {
      const plan = await createPlan(deps, input, ctx);
      return { state: plan.newState ?? undefined, value: plan };
    },
    async run(input, ctx) {
      const plan = ctx.prepared as Plan;
      const target = await choosePanel(deps, plan, ctx);
      try {
        return await createOn(deps, input, ctx, { ...plan, ...target }, plan.firstCreate);
      } catch (error) {
        // A full primary (licence limit) sends the line to the fallback panel, once and for good.
        if ((error as { code?: string }).code !== 'MAX_USERS_REACHED' || !plan.fallback || target.panelId === plan.fallback.panelId) throw error;
        await ctx.saveState({ panelId: plan.fallback.panelId, packageId: plan.fallback.packageId, fallbackReason: 'MAX_USERS_REACHED', lineId: null });
        return createOn(deps, input, ctx, { ...plan, ...(await choosePanel(deps, plan, ctx)) }, false);
      }
    },
    async dryRun(input, ctx) {
      const username = input.username ?? derivedUsername(ctx.idempotencyKey);
      return { wouldDo: `create line ${username} on panel ${input.panel ?? '(the subscription\'s)'} with package ${input.package ?? '(the subscription\'s)'}`, output: { panelId: input.panel ?? null, lineId: '(new)', username, password: '(generated)', expiresAt: input.expiresAt ?? null } };
    },
  };
}

type Plan = Awaited<ReturnType<typeof createPlan>>;

/**
 * The panel the line goes to: the one an earlier attempt chose, else the product's fallback panel
 * when the primary's health status is `down`, else the primary. Saved so retries stay put.
 */
async function choosePanel(deps: Deps, plan: Plan, ctx: ActionContext): Promise<{ panelId: string; packageId: string }> {
  if (typeof ctx.state.panelId === 'string' && typeof ctx.state.packageId === 'string') return { panelId: ctx.state.panelId, packageId: ctx.state.packageId };
  if (plan.fallback && (await deps.panels.forPanel(plan.panelId)).panel.status === 'down') {
    await ctx.saveState({ panelId: plan.fallback.panelId, packageId: plan.fallback.packageId, fallbackReason: 'PANEL_DOWN' });
    return plan.fallback;
  }
  return { panelId: plan.panelId, packageId: plan.packageId };
}

/** `firstCreate`: nothing can have been sent under this key before, so there is no earlier line to look for. */
async function createOn(deps: Deps, input: CreateInput, ctx: ActionContext, plan: Plan, firstCreate: boolean): Promise<Record<string, unknown>> {
  const { client, manifest } = await supportingClient(deps, plan.panelId, 'createLine');
  const done = async (line: PanelLine): Promise<Record<string, unknown>> => {
    const usedFallback = typeof ctx.state.fallbackReason === 'string' && plan.panelId !== plan.primaryPanelId;
    // The subscription follows its line to the fallback panel (and the package there), visibly: history, audit, event.
    if (usedFallback && plan.subscriptionId) {
      const subscriptionId = plan.subscriptionId;
      const reason = String(ctx.state.fallbackReason);
      await deps.subscriptions.inTransaction((unit) =>
        deps.subscriptions.moveToPanel(unit, subscriptionId, { panelId: plan.panelId, packageExternalId: plan.packageId }, { reason: `fallback panel: ${reason}`, runId: ctx.runId, details: { fallbackReason: reason, primaryPanelId: plan.primaryPanelId } }),
      );
    }
    const fallback = usedFallback ? { fallback: { primaryPanelId: plan.primaryPanelId, reason: ctx.state.fallbackReason } } : {};
    return { ...lineOutput(plan.panelId, { ...line, password: line.password ?? plan.password }), ...fallback };
  };
  if (typeof ctx.state.lineId === 'string' && client.getLine) {
    const known = await client.getLine({ externalId: ctx.state.lineId, username: plan.username, password: plan.password });
    if (known) {
      // An earlier attempt created it but did not commit: this commit announces it.
      ctx.emitOnCommit(lineEvent('line.created', plan.panelId, plan.subscriptionId, known));
      return done(known);
    }
  }
  // A plugin whose create finds an earlier attempt's line itself spares the panel a second look-up.
  if (!firstCreate && client.findLineByUsername && !panelTraits(manifest).createFindsExisting) {
    const found = await client.findLineByUsername(plan.username);
    if (found) {
      await ctx.saveState({ lineId: found.externalId });
      ctx.emitOnCommit(lineEvent('line.created', plan.panelId, plan.subscriptionId, found));
      return done(found);
    }
  }
  const line = await (client.createLine as NonNullable<PanelClient['createLine']>)({
    username: plan.username,
    password: plan.password,
    packageId: plan.packageId,
    expiresAt: plan.expiresAt,
    maxConnections: plan.maxConnections,
    isTrial: input.isTrial,
    notes: input.notes ?? `iptv-hub run ${ctx.runId}`,
    idempotencyKey: ctx.idempotencyKey,
    firstCreate,
  });
  // The line id is in the step's output, committed with the run's next commit (before any further
  // effect outside the database). Saved at once only where a retry could not find the line again
  // by its (saved) username: a panel whose create neither finds an earlier line nor looks one up.
  if (!panelTraits(manifest).createFindsExisting && !client.findLineByUsername) await ctx.saveState({ lineId: line.externalId });
  ctx.emitOnCommit(lineEvent('line.created', plan.panelId, plan.subscriptionId, line));
  return done(line);
}

/**
 * Credentials and expiry are fixed on the first attempt (`newState`, to be committed before the
 * create is sent), so every retry creates the same line. `firstCreate` when this attempt made the
 * plan up, with a username derived from a key of this run alone (a replay shares its original's
 * key): no create can have been sent under it before.
 */
async function createPlan(deps: Deps, input: CreateInput, ctx: Pick<ActionContext, 'runId' | 'subscriptionId' | 'idempotencyKey' | 'state' | 'em'>) {
  const subscriptionId = input.subscription ?? (input.panel ? null : ctx.subscriptionId);
  let panelId = input.panel;
  let packageId = input.package;
  let maxConnections = input.maxConnections;
  let duration = durationFromInput(input);
  let fallback: { panelId: string; packageId: string } | null = null;
  if (subscriptionId) {
    const em = ctx.em ?? deps.orm.em.fork();
    const subscription = await deps.subscriptions.get(subscriptionId, em);
    // Only a panel taken from the product may fall back; an explicit `panel` input is obeyed as given.
    const product = input.panel || input.package ? null : subscription.product;
    if (product?.fallbackPanel && product.fallbackPackageExternalId) fallback = { panelId: product.fallbackPanel.id, packageId: product.fallbackPackageExternalId };
    panelId ??= subscription.panel.id;
    packageId ??= subscription.packageExternalId;
    maxConnections ??= subscription.maxConnections;
    duration ??= durationOf(subscription.product);
  }
  if (!panelId || !packageId) throw new ActionError('INVALID_INPUT', 'panel.createLine needs `panel` and `package` (or `subscription`)');
  const newState = typeof ctx.state.username === 'string' ? null : {
    username: input.username ?? derivedUsername(ctx.idempotencyKey),
    password: input.password ?? randomBytes(9).toString('base64url'),
    expiresAt: input.expiresAt !== undefined ? input.expiresAt : duration ? addDuration(new Date(), duration).toISOString() : null,
  };
  const fixed = newState ?? { username: ctx.state.username as string, password: ctx.state.password as string, expiresAt: (ctx.state.expiresAt as string | null) ?? null };
  const firstCreate = newState !== null && input.username === undefined && ctx.idempotencyKey.startsWith(`${ctx.runId}:`);
  return { firstCreate, newState, panelId, primaryPanelId: panelId, packageId, fallback, maxConnections: maxConnections ?? 1, subscriptionId, ...fixed };
}

type LineOp = 'enableLine' | 'disableLine' | 'deleteLine';

/**
 * A panel that cannot disable (or enable) lines but cuts them off at their own expiry
 * (`expiryEnforcedByPanel` in the plugin's notes, e.g. NXT): a step that opts in with
 * `satisfiedByPanelExpiry` counts as done, with the reason in its output. Disabling an expired
 * subscription's line is what the panel's expiry does; enabling after a renewal is what the
 * extended expiry does, so enabling is satisfied only while the line's expiry is ahead. Returns
 * null when the panel can do the operation itself; panels that neither can nor enforce expiry
 * are left to fail NOT_SUPPORTED (the run flags the subscription for review).
 */
export async function satisfiedByPanelExpiry(deps: Pick<Deps, 'panels'>, panelId: string, op: 'enableLine' | 'disableLine', ref: LineRef, now = new Date()): Promise<Record<string, unknown> | null> {
  const ready = await deps.panels.forPanel(panelId);
  if (ready.manifest.capabilities.includes(op) || !panelTraits(ready.manifest).expiryEnforcedByPanel) return null;
  const line = ready.manifest.capabilities.includes('getLine') && ready.client.getLine ? await ready.client.getLine(ref) : undefined;
  const expiresAt = line?.expiresAt ?? null;
  const lapsed = expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
  const base = { panelId, lineId: ref.externalId, satisfied: true, skipped: op, panelExpiresAt: expiresAt, enabled: line?.enabled ?? null };
  const cannot = `The ${ready.manifest.name} plugin cannot ${op === 'enableLine' ? 'enable' : 'disable'} lines`;
  if (op === 'disableLine') {
    if (line === null) return { ...base, reason: `${cannot}; the line no longer exists on the panel` };
    if (line === undefined) return { ...base, reason: `${cannot}; the panel cuts the line off at its own expiry` };
    return { ...base, reason: lapsed ? `${cannot}; the line expired on the panel at ${expiresAt} and the panel cuts it off itself` : `${cannot}; the panel cuts the line off at its own expiry, ${expiresAt ?? 'never'} (package-priced: not before the subscription's)` };
  }
  if (!line) throw new ActionError('NOT_SUPPORTED', `${cannot}, and the line's expiry on the panel cannot be read`, false, 'Check the line on the panel by hand.');
  if (lapsed) throw new ActionError('NOT_SUPPORTED', `${cannot}, and the line expired on the panel at ${expiresAt}`, false, 'Extend the line first (panel.extendLine): the panel lets it play again until its new expiry.');
  return { ...base, reason: `${cannot}; the line plays until its expiry on the panel, ${expiresAt ?? 'never'}` };
}

function lineOpAction(deps: Deps, op: LineOp, event: string, description: string): WorkflowAction<Target & { satisfiedByPanelExpiry?: boolean }> {
  const optIn = op === 'deleteLine' ? {} : { satisfiedByPanelExpiry: { type: 'boolean', description: 'On a panel that cannot do this but enforces line expiry itself (expiryEnforcedByPanel), count the step as done (the output says why)' } };
  return {
    name: `panel.${op}`,
    description,
    input: { type: 'object', additionalProperties: false, properties: { ...target, ...optIn } },
    defaultRetry: { attempts: 5, backoff: ['1m', '5m', '15m', '60m'] },
    async run(input, ctx) {
      const { panelId, line, subscriptionId } = await resolve(deps, input, ctx, true);
      if (op !== 'deleteLine' && input.satisfiedByPanelExpiry) {
        const satisfied = await satisfiedByPanelExpiry(deps, panelId, op, line as LineRef);
        if (satisfied) return satisfied;
      }
      const client = await clientFor(deps, panelId, op);
      const ref = line as LineRef;
      if (op === 'deleteLine') {
        try {
          await client.deleteLine?.(ref);
        } catch (error) {
          // Already gone is what we wanted: deleting is idempotent.
          if ((error as { code?: string }).code !== 'USER_NOT_FOUND') throw error;
        }
        ctx.emitOnCommit(lineEvent(event, panelId, subscriptionId, { externalId: ref.externalId, username: ref.username }));
        return { panelId, lineId: ref.externalId, deleted: true };
      }
      const result = await (client[op] as (line: LineRef) => Promise<PanelLine>)(ref);
      ctx.emitOnCommit(lineEvent(event, panelId, subscriptionId, result));
      return lineOutput(panelId, { ...result, password: undefined });
    },
    async dryRun(input) {
      return { wouldDo: `${op} ${input.line?.lineId ?? `(line of subscription ${input.subscription ?? 'of the run'})`}`, output: { lineId: input.line?.lineId ?? null } };
    },
  };
}

function extendLineAction(deps: Deps): WorkflowAction<Target & { expiresAt: string }> {
  return {
    name: 'panel.extendLine',
    description: 'Sets the line\'s expiry (an absolute instant, so repeating it is harmless)',
    input: { type: 'object', additionalProperties: false, required: ['expiresAt'], properties: { ...target, expiresAt: { type: 'string' } } },
    defaultRetry: { attempts: 5, backoff: ['1m', '5m', '15m', '60m'] },
    async run(input, ctx) {
      const { panelId, line, subscriptionId } = await resolve(deps, input, ctx, true);
      const client = await clientFor(deps, panelId, 'extendLine');
      const result = await (client.extendLine as NonNullable<PanelClient['extendLine']>)({ line: line as LineRef, expiresAt: new Date(input.expiresAt).toISOString() });
      ctx.emitOnCommit(lineEvent('line.extended', panelId, subscriptionId, result));
      return lineOutput(panelId, { ...result, password: undefined });
    },
    async dryRun(input) {
      return { wouldDo: `set the line's expiry to ${input.expiresAt}`, output: { expiresAt: input.expiresAt } };
    },
  };
}

function updateLineAction(deps: Deps): WorkflowAction<Target & { package?: string; maxConnections?: number; password?: string }> {
  return {
    name: 'panel.updateLine',
    description: 'Changes the line\'s package, max connections or password (absolute values: repeating is harmless)',
    input: { type: 'object', additionalProperties: false, properties: { ...target, package: id, maxConnections: { type: 'integer', minimum: 1, maximum: 1000 }, password: { type: 'string', minLength: 4 } } },
    defaultRetry: { attempts: 5, backoff: ['1m', '5m', '15m', '60m'] },
    async run(input, ctx) {
      const { panelId, line, subscriptionId } = await resolve(deps, input, ctx, true);
      const client = await clientFor(deps, panelId, 'updateLine');
      const result = await (client.updateLine as NonNullable<PanelClient['updateLine']>)({ line: line as LineRef, packageId: input.package, maxConnections: input.maxConnections, password: input.password });
      ctx.emitOnCommit(lineEvent('line.updated', panelId, subscriptionId, result));
      return lineOutput(panelId, { ...result, password: undefined });
    },
    async dryRun(input) {
      return { wouldDo: `update the line (package ${input.package ?? 'unchanged'}, connections ${input.maxConnections ?? 'unchanged'})`, output: {} };
    },
  };
}

/** Read-only operations: no events, safe to repeat. */
function readAction(deps: Deps, op: Op, description: string, extra: Record<string, unknown>, call: (client: PanelClient, input: Record<string, unknown>, line: LineRef | null) => Promise<unknown>, needLine = false): WorkflowAction<Target & Record<string, unknown>> {
  return {
    name: `panel.${op}`,
    description,
    input: { type: 'object', additionalProperties: false, properties: { ...target, ...extra } },
    defaultRetry: { attempts: 3, backoff: ['10s', '1m'] },
    async run(input, ctx) {
      const { panelId, line } = await resolve(deps, input, ctx, needLine);
      const client = await clientFor(deps, panelId, op);
      const result = await call(client, input, line);
      return result === null || result === undefined ? { found: false } : Array.isArray(result) ? { items: result } : result;
    },
    async dryRun() {
      return { wouldDo: `read ${op} (no change)`, output: {} };
    },
  };
}

/** `panel.*`: every panel capability, reaching plugins only through the panel clients service. */
export function panelActions(deps: Deps): WorkflowAction[] {
  return [
    createLineAction(deps),
    extendLineAction(deps),
    updateLineAction(deps),
    lineOpAction(deps, 'enableLine', 'line.enabled', 'Enables the line again'),
    lineOpAction(deps, 'disableLine', 'line.disabled', 'Disables the line (it stays on the panel)'),
    lineOpAction(deps, 'deleteLine', 'line.deleted', 'Deletes the line from the panel (already gone counts as done)'),
    readAction(deps, 'getLine', 'Reads the line', {}, (client, _input, line) => (client.getLine as NonNullable<PanelClient['getLine']>)(line as LineRef), true),
    readAction(deps, 'findLineByUsername', 'Finds a line by username', { username: { type: 'string' } }, (client, input) => (client.findLineByUsername as NonNullable<PanelClient['findLineByUsername']>)(String(input.username))),
    readAction(deps, 'listPackages', 'Lists the panel\'s packages', {}, (client) => (client.listPackages as NonNullable<PanelClient['listPackages']>)()),
    readAction(deps, 'getPackage', 'Reads one package', { package: id }, (client, input) => (client.getPackage as NonNullable<PanelClient['getPackage']>)(String(input.package))),
    readAction(deps, 'testConnection', 'Tests the connection stage by stage', {}, (client) => (client.testConnection as NonNullable<PanelClient['testConnection']>)()),
    readAction(deps, 'serverStatus', 'Reads the panel\'s server status', {}, (client) => (client.serverStatus as NonNullable<PanelClient['serverStatus']>)()),
    readAction(deps, 'connectionCount', 'Counts active connections', {}, (client) => (client.connectionCount as NonNullable<PanelClient['connectionCount']>)()),
  ];
}
