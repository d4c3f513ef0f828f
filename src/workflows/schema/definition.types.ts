/** A workflow definition as written in YAML (SPEC §6.1), after validation. */
export interface WorkflowDefinition {
  id: string;
  name?: string;
  description?: string;
  enabled?: boolean;
  on: TriggerDefinition;
  /** Named defaults the expressions read as `vars.<name>`; operators override them by shadowing the file. */
  vars?: Record<string, unknown>;
  inputs?: Record<string, InputDefinition>;
  concurrency?: { key: string };
  defaults?: { retry?: RetryDefinition; timeout?: string };
  steps: StepDefinition[];
  on_failure?: StepDefinition[];
}

export interface TriggerDefinition {
  event?: string | string[];
  if?: string;
  schedule?: string;
  webhook?: string;
  manual?: boolean;
}

export interface InputDefinition {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  required?: boolean;
  default?: unknown;
  description?: string;
}

export interface RetryDefinition {
  /** Total attempts, the first included. */
  attempts?: number;
  /** Explicit waits between attempts (`[1m, 5m, 15m, 60m]`; the last repeats), or an exponential policy. */
  backoff?: string[] | ExponentialBackoff;
  /** Error codes that are never retried, on top of the ones the action marks non-retryable. */
  nonRetryable?: string[];
}

export interface ExponentialBackoff {
  type: 'exponential';
  initial: string;
  factor?: number;
  max?: string;
  /** 0..1: share of each wait that is randomised. */
  jitter?: number;
}

export interface StepDefinition {
  id: string;
  name?: string;
  uses: string;
  with?: Record<string, unknown>;
  if?: string;
  retry?: RetryDefinition;
  timeout?: string;
  'continue-on-error'?: boolean;
  /** Extra named outputs computed from expressions once the step succeeded. */
  outputs?: Record<string, unknown>;
}
