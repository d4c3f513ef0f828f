import { createHash, randomBytes } from 'node:crypto';
import { panelTraits } from '../../core/drift/drift-compare';
import type { PanelClientsService } from '../../core/panels/panel-clients.service';
import type { CreateLineInput, PanelClient, PanelLine } from '../../core/plugins/sdk';
import { addDuration } from '../../core/subscriptions/subscription-payload';
import { classifyError } from '../engine/errors';
import { ActionContext, ActionError, WorkflowAction } from './action.types';
import { durationFromInput } from './duration-input';
import { derivedUsername, lineEvent, supportingClient } from './panel.actions';

/** A reseller bundle is a handful of lines; a bigger batch belongs in several steps (each within its timeout). */
export const MAX_BATCH_LINES = 100;

const id = { type: 'string', minLength: 1, maxLength: 200 };

export interface CreateLinesInput {
  panel: string;
  package: string;
  count: number;
  expiresAt?: string | null;
  days?: number;
  hours?: number;
  months?: number;
  maxConnections?: number;
  usernamePrefix?: string;
  isTrial?: boolean;
  notes?: string;
}

/** One line of the batch as planned on the first attempt and saved, so every retry creates the same line. */
interface PlannedLine {
  username: string;
  password: string;
  /** The panel's id, recorded as soon as the panel returned it (or a lookup found it). */
  lineId: string | null;
}

interface Failure {
  index: number;
  code: string;
  message: string;
  retryable: boolean;
  hint?: string;
}

/**
 * `panel.createLines`: N lines on one panel in one step (reseller bundles), with the guarantees of
 * `panel.createLine` for each line: its own idempotency key (run id + step id + index), credentials
 * and expiry fixed on the first attempt, a look-up before every create, and the panel's line id
 * committed as soon as it is known. A retry (after a crash or a partial failure) creates only the
 * lines that are missing.
 */
export function panelBatchActions(deps: { panels: PanelClientsService }): WorkflowAction[] {
  return [createLinesAction(deps.panels)];
}

function createLinesAction(panels: PanelClientsService): WorkflowAction<CreateLinesInput> {
  return {
    name: 'panel.createLines',
    description: `Creates N lines (1–${MAX_BATCH_LINES}) on a panel in one step, each exactly once: looks each line up before creating it and records its id as soon as known; a retry creates only the missing ones`,
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['panel', 'package', 'count'],
      properties: {
        panel: id,
        package: id,
        count: { type: 'integer', minimum: 1, maximum: MAX_BATCH_LINES },
        expiresAt: { type: ['string', 'null'] },
        days: { type: 'integer', minimum: 1 },
        hours: { type: 'integer', minimum: 1 },
        months: { type: 'integer', minimum: 1 },
        maxConnections: { type: 'integer', minimum: 1, maximum: 1000 },
        usernamePrefix: { type: 'string', pattern: '^[A-Za-z0-9_.@-]{1,40}$', description: 'Usernames are the prefix plus 8 characters derived from run, step and index' },
        isTrial: { type: 'boolean' },
        notes: { type: 'string', maxLength: 500 },
      },
    },
    output: {
      type: 'object',
      properties: {
        panelId: { type: 'string' },
        count: { type: 'integer' },
        lines: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, lineId: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, expiresAt: { type: ['string', 'null'] } } } },
      },
    },
    defaultRetry: { attempts: 5, backoff: ['1m', '5m', '15m', '60m'] },
    async run(input, ctx) {
      const { client, manifest } = await supportingClient({ panels }, input.panel, 'createLine');
      const lookUpFirst = !panelTraits(manifest).createFindsExisting;
      const plan = await planLines(input, ctx);
      const lines: (PanelLine | null)[] = plan.lines.map(() => null);
      const failures: Failure[] = [];
      for (let index = 0; index < input.count; index++) {
        if (ctx.signal.aborted) break;
        try {
          lines[index] = await ensureLine(client, lookUpFirst, input, ctx, plan, index);
        } catch (error) {
          const failure = classifyError(error);
          failures.push({ index, code: failure.code, message: failure.message, retryable: failure.retryable ?? false, hint: failure.hint });
          // A permanent failure (credits, licence, package…) would fail the remaining lines alike.
          if (!failure.retryable) break;
        }
      }
      const missing = lines.map((line, index) => (line ? null : index)).filter((index): index is number => index !== null);
      if (missing.length > 0) throw incomplete(input.count, missing, failures);
      const created = lines as PanelLine[];
      for (const line of created) ctx.emitOnCommit(lineEvent('line.created', input.panel, null, line));
      return {
        panelId: input.panel,
        packageId: input.package,
        count: input.count,
        lines: created.map((line, index) => ({ index, lineId: line.externalId, username: line.username, password: line.password ?? plan.lines[index].password, expiresAt: line.expiresAt, maxConnections: line.maxConnections, packageId: line.packageId ?? input.package, enabled: line.enabled })),
      };
    },
    async dryRun(input, ctx) {
      const usernames = Array.from({ length: input.count }, (_, index) => usernameFor(input.usernamePrefix, lineKey(ctx.idempotencyKey, index)));
      return {
        wouldDo: `create ${input.count} line(s) on panel ${input.panel} with package ${input.package}: ${usernames.join(', ')}`,
        output: { panelId: input.panel, packageId: input.package, count: input.count, lines: usernames.map((username, index) => ({ index, lineId: '(new)', username, password: '(generated)', expiresAt: input.expiresAt ?? null })) },
      };
    },
  };
}

/** The derived idempotency key of one line of the batch: run id + step id + index. */
export function lineKey(stepKey: string, index: number): string {
  return `${stepKey}:${index}`;
}

function usernameFor(prefix: string | undefined, key: string): string {
  return prefix ? `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 8)}` : derivedUsername(key);
}

type Plan = { expiresAt: string | null; lines: PlannedLine[] };

/** Credentials and the expiry are fixed on the first attempt and saved (passwords sealed). */
async function planLines(input: CreateLinesInput, ctx: ActionContext): Promise<Plan> {
  const saved = Array.isArray(ctx.state.lines) ? (ctx.state.lines as PlannedLine[]) : [];
  const hasExpiry = 'expiresAt' in ctx.state;
  if (saved.length >= input.count && hasExpiry) return { expiresAt: ctx.state.expiresAt as string | null, lines: saved };
  const duration = durationFromInput(input);
  const expiresAt = hasExpiry ? (ctx.state.expiresAt as string | null) : input.expiresAt !== undefined ? input.expiresAt : duration ? addDuration(new Date(), duration).toISOString() : null;
  const lines = [...saved];
  for (let index = saved.length; index < input.count; index++) lines.push({ username: usernameFor(input.usernamePrefix, lineKey(ctx.idempotencyKey, index)), password: randomBytes(9).toString('base64url'), lineId: null });
  await ctx.saveState({ expiresAt, lines });
  return { expiresAt, lines };
}

/**
 * One line, exactly once: the recorded id, else a look-up by its username (unless the plugin's
 * create does that itself), else a create.
 */
async function ensureLine(client: PanelClient, lookUpFirst: boolean, input: CreateLinesInput, ctx: ActionContext, plan: Plan, index: number): Promise<PanelLine> {
  const planned = plan.lines[index];
  const record = async (lineId: string) => {
    plan.lines[index] = { ...planned, lineId };
    await ctx.saveState({ lines: plan.lines });
  };
  if (planned.lineId && client.getLine) {
    const known = await client.getLine({ externalId: planned.lineId, username: planned.username, password: planned.password });
    if (known) return known;
  }
  if (lookUpFirst && client.findLineByUsername) {
    const found = await client.findLineByUsername(planned.username);
    if (found) {
      if (found.externalId !== planned.lineId) await record(found.externalId);
      return found;
    }
  }
  const request: CreateLineInput = {
    username: planned.username,
    password: planned.password,
    packageId: input.package,
    expiresAt: plan.expiresAt,
    maxConnections: input.maxConnections ?? 1,
    isTrial: input.isTrial,
    notes: input.notes ?? `iptv-hub run ${ctx.runId} (${index + 1}/${input.count})`,
    idempotencyKey: lineKey(ctx.idempotencyKey, index),
  };
  const line = await (client.createLine as NonNullable<PanelClient['createLine']>)(request);
  await record(line.externalId);
  return line;
}

/** Which lines are missing and why; retryable when a retry can still complete the batch. */
function incomplete(count: number, missing: number[], failures: Failure[]): ActionError {
  const failed = new Set(failures.map((failure) => failure.index));
  const skipped = missing.filter((index) => !failed.has(index));
  const parts = failures.map((failure) => `#${failure.index} ${failure.code}: ${failure.message}`);
  if (skipped.length > 0) parts.push(`not attempted: #${skipped.join(', #')}`);
  const retryable = failures.length === 0 || failures.some((failure) => failure.retryable);
  const hint = failures.find((failure) => failure.hint)?.hint;
  return new ActionError(
    'PARTIAL_FAILURE',
    `${missing.length} of ${count} lines missing (indexes ${missing.join(', ')}); ${count - missing.length} created and recorded. ${parts.join('; ')}`,
    retryable,
    `The lines already created are kept: a retry creates only the missing ones.${hint ? ` ${hint}` : ''}`,
  );
}

