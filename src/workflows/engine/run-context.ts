import type { SecretBox } from '../../core/crypto/secret-box';
import type { ExpressionContext } from '../expressions/expression';
import type { CompiledWorkflow } from '../schema/compiled-workflow';
import type { WorkflowConfig } from '../workflow-config';
import { unsealSecrets } from './sealed-values';
import type { WorkflowRun } from './workflow-run.entity';
import type { WorkflowStep } from './workflow-step.entity';

/** Only allow-listed environment variables are visible to expressions (env.NAME). */
export function allowedEnv(config: WorkflowConfig): Record<string, string> {
  return config.envValues;
}

/** What `${{ }}` sees during a run: event, inputs, vars, env, run, and the finished steps. */
export function runExpressionContext(run: WorkflowRun, steps: WorkflowStep[], compiled: CompiledWorkflow, config: WorkflowConfig, box: SecretBox): ExpressionContext {
  const stepView: Record<string, unknown> = {};
  for (const step of steps) {
    if (step.status === 'pending') continue;
    stepView[step.stepId] = {
      status: step.status,
      outcome: step.status,
      attempts: step.attempts,
      output: step.output === undefined || step.output === null ? {} : unsealSecrets(step.output, box),
      error: step.error ?? {},
    };
  }
  return {
    event: run.event,
    inputs: run.inputs,
    vars: compiled.definition.vars ?? {},
    env: allowedEnv(config),
    steps: stepView,
    run: {
      id: run.id,
      workflowId: run.workflowId,
      revision: run.revision,
      correlationId: run.correlationId,
      subscriptionId: run.subscriptionId ?? null,
      trigger: run.trigger,
      error: run.error ?? {},
      startedAt: run.startedAt?.toISOString() ?? null,
    },
  };
}
