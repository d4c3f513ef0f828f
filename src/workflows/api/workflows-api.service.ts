import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../core/audit/audit.service';
import { ConflictError, UnprocessableError } from '../../core/common/errors';
import { hubContext } from '../../core/context/request-context';
import { SecretBox } from '../../core/crypto/secret-box';
import { DefinitionsService } from '../engine/definitions.service';
import { DryRunService } from '../engine/dry-run.service';
import { TriggersService } from '../engine/triggers.service';
import type { WorkflowRun } from '../engine/workflow-run.entity';
import type { InputDefinition } from '../schema/definition.types';

/** The use cases behind /workflows: definitions (validate, save, enable), dry runs and manual runs. */
@Injectable()
export class WorkflowsApiService {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly dryRuns: DryRunService,
    private readonly triggers: TriggersService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
  ) {}

  async dryRun(id: string, event: Record<string, unknown>, inputs: Record<string, unknown>) {
    const loaded = await this.definitions.getLoaded(id);
    return this.dryRuns.run(loaded.compiled, event, inputs);
  }

  async runManually(id: string, inputs: Record<string, unknown>): Promise<WorkflowRun> {
    const loaded = await this.definitions.getLoaded(id);
    if (!loaded.compiled.trigger.manual) throw new ConflictError('NOT_MANUAL', `Workflow ${id} has no manual trigger (add on.manual: true)`);
    if (!loaded.row.enabled) throw new ConflictError('WORKFLOW_DISABLED', `Workflow ${id} is disabled`);
    const values = checkInputs(loaded.compiled.definition.inputs ?? {}, inputs);
    const actor = hubContext.actor().id;
    const { run } = await this.triggers.start(loaded, { type: 'manual', actor }, { type: 'manual', ...values }, values, null);
    await this.audit.record({ action: 'workflow.run.manual', target: { type: 'workflow', id }, details: { runId: run.id, inputs: values } });
    return run;
  }

  async rotateWebhookSecret(id: string): Promise<{ secret: string; path: string }> {
    const loaded = await this.definitions.getLoaded(id);
    const hook = loaded.compiled.trigger.webhook;
    if (!hook) throw new ConflictError('NO_WEBHOOK_TRIGGER', `Workflow ${id} has no webhook trigger (on.webhook)`);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    await this.definitions.setWebhookSecret(id, this.secrets.encrypt(secret));
    return { secret, path: `/hooks/in/${hook}` };
  }
}

/** Manual inputs against the definition's `inputs:` (types, required, defaults; unknown names refused). */
export function checkInputs(declared: Record<string, InputDefinition>, given: Record<string, unknown>): Record<string, unknown> {
  const errors: { field: string; message: string; code: string }[] = [];
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(given)) if (!(name in declared)) errors.push({ field: `inputs.${name}`, message: `the workflow declares no input "${name}"`, code: 'UNKNOWN_INPUT' });
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name] ?? spec.default;
    if (value === undefined) {
      if (spec.required) errors.push({ field: `inputs.${name}`, message: `input "${name}" is required`, code: 'required' });
      continue;
    }
    const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    const ok = !spec.type || spec.type === type || (spec.type === 'integer' && Number.isInteger(value)) || (spec.type === 'number' && type === 'number');
    if (!ok) errors.push({ field: `inputs.${name}`, message: `input "${name}" must be ${spec.type}`, code: 'type' });
    out[name] = value;
  }
  if (errors.length > 0) throw new UnprocessableError('INVALID_INPUTS', errors.map((e) => e.message).join('; '), errors);
  return out;
}
