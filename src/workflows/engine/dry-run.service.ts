import { Inject, Injectable } from '@nestjs/common';
import { ActionRegistry } from '../actions/action-registry';
import { evaluateCondition, ExpressionContext, renderTemplate } from '../expressions/expression';
import type { CompiledWorkflow } from '../schema/compiled-workflow';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../workflow-config';
import { classifyError } from './errors';
import { allowedEnv } from './run-context';
import { subscriptionOf } from './run-starter.service';
import { redactSealed } from './sealed-values';

export interface DryRunStep {
  stepId: string;
  uses: string;
  status: 'would_run' | 'skipped' | 'error';
  input: unknown;
  wouldDo: string | null;
  output: unknown;
  error: { code: string; message: string } | null;
}

/**
 * Walks a definition with sample trigger data: conditions and inputs are evaluated for real, each
 * action reports what it would do and a plausible output for the next steps. Nothing is written,
 * nothing is called.
 */
@Injectable()
export class DryRunService {
  constructor(
    private readonly actions: ActionRegistry,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  async run(compiled: CompiledWorkflow, event: Record<string, unknown>, inputs: Record<string, unknown>): Promise<{ triggered: boolean; steps: DryRunStep[] }> {
    const runId = '00000000-0000-7000-8000-000000000000';
    const steps: Record<string, unknown> = {};
    const context = (): ExpressionContext => ({ event, inputs, vars: compiled.definition.vars ?? {}, env: allowedEnv(this.config), steps, run: { id: runId, workflowId: compiled.definition.id, dryRun: true, subscriptionId: subscriptionOf(event, inputs) } });
    let triggered = true;
    if (compiled.trigger.condition) {
      try {
        triggered = evaluateCondition(compiled.trigger.condition, context());
      } catch {
        triggered = false;
      }
    }
    const out: DryRunStep[] = [];
    for (const step of compiled.steps) {
      const action = this.actions.get(step.definition.uses);
      const base = { stepId: step.id, uses: step.definition.uses };
      try {
        if (step.condition && !evaluateCondition(step.condition, context())) {
          steps[step.id] = { status: 'skipped', output: {} };
          out.push({ ...base, status: 'skipped', input: null, wouldDo: null, output: null, error: null });
          continue;
        }
        const input = renderTemplate(step.with, context());
        const problems = this.actions.validate(step.definition.uses, input);
        if (!action || problems.length) throw Object.assign(new Error(action ? problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ') : 'unknown action'), { code: 'INVALID_INPUT', retryable: false });
        const report = await action.dryRun(input, { runId, workflowId: compiled.definition.id, stepId: step.id, idempotencyKey: `${runId}:${step.id}` });
        steps[step.id] = { status: 'succeeded', output: report.output ?? {} };
        out.push({ ...base, status: 'would_run', input: redactSealed(input), wouldDo: report.wouldDo, output: redactSealed(report.output), error: null });
      } catch (error) {
        const failure = classifyError(error, step.id);
        steps[step.id] = { status: 'failed', output: {} };
        out.push({ ...base, status: 'error', input: null, wouldDo: null, output: null, error: { code: failure.code, message: failure.message } });
      }
    }
    return { triggered, steps: out };
  }
}
