import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import type { DefinitionProblem } from '../schema/compiled-workflow';
import type { LoadedWorkflow } from '../engine/definitions.service';
import type { WorkflowRevisionRow } from '../engine/workflow.entity';

export class WorkflowYamlDto {
  @ApiProperty({ description: 'The YAML definition', example: 'id: my-workflow\non:\n  manual: true\nsteps:\n  - id: hello\n    uses: log\n    with:\n      message: hello\n' })
  @IsString()
  @Length(1, 200_000)
  yaml: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Panel maintenance finished', description: 'Why (kept in the audit log)' }) @IsString() @Length(1, 500) reason: string;
}

export class ManualRunDto {
  @ApiPropertyOptional({ type: Object, description: 'Inputs declared by the workflow (inputs:)' }) @IsOptional() @IsObject() inputs?: Record<string, unknown>;
}

export class DryRunRequestDto {
  @ApiPropertyOptional({ type: Object, description: 'A sample event: its payload fields, as expressions see `event`' }) @IsOptional() @IsObject() event?: Record<string, unknown>;
  @ApiPropertyOptional({ type: Object }) @IsOptional() @IsObject() inputs?: Record<string, unknown>;
}

export class ReplayDto extends ReasonDto {
  @ApiPropertyOptional({ enum: ['same', 'latest'], default: 'same', description: "Run on the original run's revision or the workflow's latest" }) @IsOptional() @IsIn(['same', 'latest']) revision?: 'same' | 'latest';
}

export class DefinitionProblemDto {
  @ApiProperty() file: string;
  @ApiProperty() line: number;
  @ApiProperty() column: number;
  @ApiProperty({ description: 'Path inside the document, e.g. steps.0.with.panel' }) path: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['yaml', 'schema', 'unknown-action', 'input', 'step-ref', 'expression', 'duplicate', 'trigger'] }) kind: string;
}

export class ValidationReportDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: String, nullable: true }) workflowId: string | null;
  @ApiProperty({ type: [DefinitionProblemDto] }) problems: DefinitionProblem[];
}

export class WorkflowTriggerDto {
  @ApiProperty({ type: [String] }) events: string[];
  @ApiProperty({ type: String, nullable: true }) if: string | null;
  @ApiProperty({ type: String, nullable: true }) schedule: string | null;
  @ApiProperty({ type: String, nullable: true }) webhook: string | null;
  @ApiProperty() manual: boolean;
}

export class WorkflowDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: ['builtin', 'file', 'api'] }) source: string;
  @ApiProperty({ type: String, nullable: true }) file: string | null;
  @ApiProperty() revision: number;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: WorkflowTriggerDto }) on: WorkflowTriggerDto;
  @ApiProperty({ type: [String], description: 'The actions its steps use' }) uses: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(loaded: LoadedWorkflow): WorkflowDto {
    const { definition, trigger } = loaded.compiled;
    return {
      id: loaded.row.id,
      name: definition.name ?? null,
      description: definition.description ?? null,
      source: loaded.row.source,
      file: loaded.row.file ?? null,
      revision: loaded.row.revision,
      enabled: loaded.row.enabled,
      on: { events: trigger.events, if: typeof definition.on.if === 'string' ? definition.on.if : definition.on.if === undefined ? null : String(definition.on.if), schedule: trigger.schedule, webhook: trigger.webhook, manual: trigger.manual },
      uses: [...new Set([...definition.steps, ...(definition.on_failure ?? [])].map((step) => step.uses))],
      updatedAt: loaded.row.updatedAt.toISOString(),
    };
  }
}

export class WorkflowRevisionDto {
  @ApiProperty() revision: number;
  @ApiProperty({ enum: ['builtin', 'file', 'api'] }) source: string;
  @ApiProperty({ description: 'sha256 of the YAML' }) hash: string;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(row: WorkflowRevisionRow): WorkflowRevisionDto {
    return { revision: row.revision, source: row.source, hash: row.hash, createdBy: row.createdBy ?? null, createdAt: row.createdAt.toISOString() };
  }
}

export class WorkflowDetailDto extends WorkflowDto {
  @ApiProperty({ description: 'The YAML of the current revision' }) yaml: string;
  @ApiProperty({ type: [WorkflowRevisionDto] }) revisions: WorkflowRevisionDto[];
}

export class WorkflowListDto {
  @ApiProperty({ type: [WorkflowDto] }) items: WorkflowDto[];
  @ApiProperty({ type: [DefinitionProblemDto], description: 'Operator files that were skipped because they are invalid' }) loadProblems: DefinitionProblem[];
}

export class DryRunStepDto {
  @ApiProperty() stepId: string;
  @ApiProperty() uses: string;
  @ApiProperty({ enum: ['would_run', 'skipped', 'error'] }) status: string;
  @ApiProperty({ type: Object, nullable: true }) input: unknown;
  @ApiProperty({ type: String, nullable: true }) wouldDo: string | null;
  @ApiProperty({ type: Object, nullable: true }) output: unknown;
  @ApiProperty({ type: Object, nullable: true }) error: { code: string; message: string } | null;
}

export class DryRunReportDto {
  @ApiProperty({ description: 'Whether the trigger condition (on.if) matches the sample event' }) triggered: boolean;
  @ApiProperty({ type: [DryRunStepDto] }) steps: DryRunStepDto[];
}

export class WebhookSecretDto {
  @ApiProperty({ description: 'The HMAC secret of the workflow\'s inbound hook. Shown once; store it in the sender.' }) secret: string;
  @ApiProperty({ example: '/hooks/in/my-hook' }) path: string;
  @ApiProperty({ description: 'How to sign: hex HMAC-SHA256 of `<timestamp>.<raw body>` in X-Hub-Signature: sha256=<hex>, unix seconds in X-Hub-Timestamp' }) signing: string;
}
