import { Logger } from '@nestjs/common';
import { redact } from '../../core/audit/redact';
import { parseDuration } from '../schema/duration';
import type { WorkflowConfig } from '../workflow-config';
import { ActionError, SuspendStep, WorkflowAction } from './action.types';

const logger = new Logger('WorkflowLog');
/** Event types the hub itself owns; a workflow cannot forge them with webhook.emit. */
const RESERVED = /^(payment|order|subscription|line|workflow|panel|access_code|webhook_endpoint)\.[a-z_]+$/;

export const logAction: WorkflowAction<{ message: string; level?: 'info' | 'warn' | 'error'; data?: Record<string, unknown> }, { message: string }> = {
  name: 'log',
  description: 'Writes a message (and redacted data) to the hub log with the run\'s correlation id',
  input: { type: 'object', additionalProperties: false, required: ['message'], properties: { message: { type: 'string', maxLength: 2000 }, level: { enum: ['info', 'warn', 'error'] }, data: { type: 'object' } } },
  transactional: true,
  async run(input, ctx) {
    const line = { runId: ctx.runId, stepId: ctx.stepId, data: redact(input.data ?? {}) };
    if (input.level === 'error') logger.error(line, input.message);
    else if (input.level === 'warn') logger.warn(line, input.message);
    else logger.log(line, input.message);
    return { message: input.message };
  },
  async dryRun(input) {
    return { wouldDo: `log "${input.message}"`, output: { message: input.message } };
  },
};

export function delayAction(): WorkflowAction<{ duration?: string; until?: string }, { waitedUntil: string }> {
  return {
    name: 'delay',
    description: 'A durable timer: the run sleeps (in the database, surviving restarts) for a duration or until an instant',
    input: { type: 'object', additionalProperties: false, properties: { duration: { type: 'string' }, until: { type: 'string', description: 'ISO-8601 instant' } }, oneOf: [{ required: ['duration'] }, { required: ['until'] }] },
    transactional: true,
    async run(input, ctx) {
      const saved = typeof ctx.state.until === 'string' ? new Date(ctx.state.until) : null;
      const until = saved ?? target(input, ctx.timeScale);
      if (until.getTime() > Date.now()) throw new SuspendStep(until, { until: until.toISOString() });
      return { waitedUntil: until.toISOString() };
    },
    async dryRun(input) {
      return { wouldDo: input.until ? `wait until ${input.until}` : `wait ${input.duration}`, output: { waitedUntil: target(input, 1).toISOString() } };
    },
  };
}

function target(input: { duration?: string; until?: string }, timeScale: number): Date {
  if (input.until) return new Date(input.until);
  const ms = parseDuration(input.duration);
  if (ms === null) throw new ActionError('INVALID_INPUT', `"${input.duration}" is not a duration`);
  return new Date(Date.now() + ms * timeScale);
}

export const webhookEmitAction: WorkflowAction<{ type: string; data?: Record<string, unknown> }, { type: string }> = {
  name: 'webhook.emit',
  description: 'Emits a custom event (delivered to outbound webhook endpoints subscribed to it), committed with the step',
  input: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string', pattern: '^[a-z0-9_]+(\\.[a-z0-9_]+)+$' }, data: { type: 'object' } } },
  transactional: true,
  async run(input, ctx) {
    if (RESERVED.test(input.type) && !input.type.endsWith('.reminder')) throw new ActionError('RESERVED_EVENT_TYPE', `${input.type} is an event the hub emits itself`, false, 'Use your own namespace, e.g. shop.line_ready');
    ctx.emit?.({ type: input.type, payload: { ...(input.data ?? {}), runId: ctx.runId, workflowId: ctx.workflowId }, subject: ctx.subscriptionId ? { type: 'subscription', id: ctx.subscriptionId } : { type: 'workflow_run', id: ctx.runId } });
    return { type: input.type };
  },
  async dryRun(input) {
    return { wouldDo: `emit event ${input.type}`, output: { type: input.type } };
  },
};

interface HttpInput {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export function httpRequestAction(config: WorkflowConfig): WorkflowAction<HttpInput, { status: number; body: unknown; headers: Record<string, string> }> {
  return {
    name: 'http.request',
    description: 'Calls an HTTP(S) endpoint on an allow-listed host (HUB_WORKFLOW_HTTP_ALLOW); 5xx, 429 and network errors are retryable',
    input: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: { url: { type: 'string', pattern: '^https?://' }, method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] }, headers: { type: 'object', additionalProperties: { type: 'string' } }, body: {} },
    },
    defaultRetry: { attempts: 3, backoff: ['10s', '1m'] },
    async run(input, ctx) {
      const url = new URL(input.url);
      if (!hostAllowed(url.hostname, config.httpAllow)) throw new ActionError('HOST_NOT_ALLOWED', `${url.hostname} is not in HUB_WORKFLOW_HTTP_ALLOW`, false, 'Add the host to HUB_WORKFLOW_HTTP_ALLOW if workflows may call it.');
      let response: Response;
      try {
        response = await fetch(url, {
          method: input.method ?? 'GET',
          headers: { 'content-type': 'application/json', 'idempotency-key': ctx.idempotencyKey, ...(input.headers ?? {}) },
          body: input.body === undefined || input.method === 'GET' ? undefined : JSON.stringify(input.body),
          signal: ctx.signal,
          redirect: 'manual',
        });
      } catch (error) {
        throw new ActionError('CONNECTION_FAILED', `${url.host}: ${(error as Error).message}`, true);
      }
      const text = await response.text();
      const body = parseBody(text);
      if (!response.ok) throw new ActionError(`HTTP_${response.status}`, `${input.method ?? 'GET'} ${url.host}${url.pathname} answered ${response.status}`, response.status >= 500 || response.status === 429);
      return { status: response.status, body, headers: Object.fromEntries(response.headers) };
    },
    async dryRun(input) {
      return { wouldDo: `${input.method ?? 'GET'} ${input.url}`, output: { status: 200, body: null, headers: {} } };
    },
  };
}

export function hostAllowed(host: string, allow: string[]): boolean {
  return allow.some((entry) => entry === host || (entry.startsWith('*.') && host.endsWith(entry.slice(1))));
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text.slice(0, 10_000);
  }
}
