import type { WorkflowAction } from '../actions/action.types';

export const WORKFLOW_SCHEMA_ID = 'https://iptv-hub.dev/schemas/workflow.schema.json';
export const DURATION_PATTERN = '^(\\d+(\\.\\d+)?(ms|s|m|h|d|w)|P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?)$';
export const STEP_ID_PATTERN = '^[a-zA-Z_][a-zA-Z0-9_]{0,62}$';
export const WORKFLOW_ID_PATTERN = '^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$';

const duration = { type: 'string', pattern: DURATION_PATTERN, description: 'A duration: 30s, 15m, 2h, 3d, 1w, 250ms, or ISO-8601 (PT5M)' };
const expression = { type: 'string', description: 'A CEL expression, optionally inside ${{ }}' };

const retry = {
  type: 'object',
  additionalProperties: false,
  properties: {
    attempts: { type: 'integer', minimum: 1, maximum: 100, description: 'Total attempts, the first included' },
    backoff: {
      description: 'Waits between attempts: a list such as [1m, 5m, 15m, 60m] (the last repeats), or an exponential policy',
      oneOf: [
        { type: 'array', items: duration, maxItems: 50 },
        {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'initial'],
          properties: { type: { const: 'exponential' }, initial: duration, factor: { type: 'number', minimum: 1, maximum: 10 }, max: duration, jitter: { type: 'number', minimum: 0, maximum: 1 } },
        },
      ],
    },
    nonRetryable: { type: 'array', items: { type: 'string' }, description: 'Error codes never retried (on top of the non-retryable ones)' },
  },
};

function step(withSchema: Record<string, unknown>, idRequired: boolean) {
  return {
    type: 'object',
    additionalProperties: false,
    required: idRequired ? ['id', 'uses'] : ['uses'],
    properties: {
      id: { type: 'string', pattern: STEP_ID_PATTERN, description: 'Unique in the workflow; later steps read steps.<id>.output' },
      name: { type: 'string', maxLength: 200 },
      uses: { type: 'string', description: 'The action, e.g. panel.createLine' },
      with: withSchema,
      if: { oneOf: [expression, { type: 'boolean' }] },
      retry,
      timeout: duration,
      'continue-on-error': { type: 'boolean' },
      outputs: { type: 'object', description: 'Extra outputs computed from expressions after the step succeeded' },
    },
  };
}

/**
 * The JSON Schema of a definition. `actions` adds, for editors, the input schema of each action
 * under its `uses` (values may always be `${{ … }}` expressions). The loader validates the
 * structure with the base schema and inputs separately, to tell literal mistakes from expressions.
 */
export function workflowSchema(actions: WorkflowAction[] = []): Record<string, unknown> {
  const perAction = actions.map((action) => ({
    if: { properties: { uses: { const: action.name } }, required: ['uses'] },
    then: { properties: { with: allowExpressions(action.input) } },
  }));
  const stepSchema = (idRequired: boolean) => ({ ...step({ type: 'object' }, idRequired), ...(perAction.length ? { allOf: perAction } : {}) });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: WORKFLOW_SCHEMA_ID,
    title: 'IPTV Hub workflow',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'on', 'steps'],
    properties: {
      $schema: { type: 'string' },
      id: { type: 'string', pattern: WORKFLOW_ID_PATTERN, description: 'Stable id (kebab-case); a file with the id of a built-in replaces it' },
      name: { type: 'string', maxLength: 200 },
      description: { type: 'string', maxLength: 2000 },
      enabled: { type: 'boolean', default: true },
      on: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          event: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }], description: 'Event type(s), e.g. payment.succeeded (prefix.* matches a family)' },
          if: { oneOf: [expression, { type: 'boolean' }], description: 'Start a run only when true (reads event, vars, env)' },
          schedule: { type: 'string', description: 'Cron expression (UTC), five or six fields' },
          webhook: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'Name of the inbound hook /hooks/in/<name> (HMAC-signed)' },
          manual: { type: 'boolean', description: 'Allow POST /workflows/{id}/run' },
        },
      },
      vars: { type: 'object', description: 'Named defaults read as vars.<name>' },
      inputs: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            type: { enum: ['string', 'number', 'integer', 'boolean', 'object', 'array'] },
            required: { type: 'boolean' },
            default: {},
            description: { type: 'string' },
          },
        },
      },
      concurrency: { type: 'object', additionalProperties: false, required: ['key'], properties: { key: { ...expression, description: 'Runs with the same key never overlap (the later ones queue)' } } },
      defaults: { type: 'object', additionalProperties: false, properties: { retry, timeout: duration } },
      steps: { type: 'array', minItems: 1, maxItems: 100, items: stepSchema(true) },
      on_failure: { type: 'array', maxItems: 20, items: stepSchema(false) },
    },
  };
}

/** Structure only: `with` is any object here, inputs are checked per action. */
export function baseWorkflowSchema(): Record<string, unknown> {
  return workflowSchema([]);
}

function allowExpressions(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (!properties) return schema;
  const loose: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) loose[key] = { anyOf: [property, { type: 'string', pattern: '\\$\\{\\{' }] };
  return { ...schema, properties: loose };
}
