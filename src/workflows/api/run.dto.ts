import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageDto, PageQueryDto } from '../../core/common/pagination';
import { redactSealed } from '../engine/sealed-values';
import { RUN_STATUSES, RunStatus, WorkflowRun } from '../engine/workflow-run.entity';
import type { WorkflowStep } from '../engine/workflow-step.entity';

export class RunQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z0-9-]+$/) workflowId?: string;
  @ApiPropertyOptional({ enum: RUN_STATUSES }) @IsOptional() @IsIn(RUN_STATUSES) status?: RunStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() subscriptionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 128) correlationId?: string;
}

export class RunErrorDto {
  @ApiProperty() code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() hint?: string;
  @ApiPropertyOptional() stepId?: string;
  @ApiPropertyOptional() retryable?: boolean;
}

export class StepAttemptDto {
  @ApiProperty() attempt: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiProperty({ enum: ['succeeded', 'failed', 'suspended', 'interrupted'] }) outcome: string;
  @ApiPropertyOptional({ type: RunErrorDto }) error?: RunErrorDto;
  @ApiPropertyOptional() durationMs?: number;
}

export class RunStepDto {
  @ApiProperty() stepId: string;
  @ApiProperty({ enum: ['main', 'on_failure'] }) phase: string;
  @ApiProperty() uses: string;
  @ApiProperty({ enum: ['pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: Object, nullable: true, description: 'Evaluated inputs, secrets redacted' }) input: unknown;
  @ApiProperty({ type: Object, nullable: true, description: 'Output, secrets redacted' }) output: unknown;
  @ApiProperty({ type: RunErrorDto, nullable: true }) error: RunErrorDto | null;
  @ApiProperty({ type: [StepAttemptDto] }) attemptLog: StepAttemptDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;

  static from(step: WorkflowStep): RunStepDto {
    return {
      stepId: step.stepId,
      phase: step.phase,
      uses: step.uses,
      status: step.status,
      attempts: step.attempts,
      input: redactSealed(step.input ?? null),
      output: redactSealed(step.output ?? null),
      error: step.error ?? null,
      attemptLog: step.attemptLog,
      nextAttemptAt: step.nextAttemptAt?.toISOString() ?? null,
      startedAt: step.startedAt?.toISOString() ?? null,
      finishedAt: step.finishedAt?.toISOString() ?? null,
    };
  }
}

export class RunDto {
  @ApiProperty() id: string;
  @ApiProperty() workflowId: string;
  @ApiProperty({ description: 'The definition revision the run started with (and keeps)' }) revision: number;
  @ApiProperty({ enum: RUN_STATUSES }) status: RunStatus;
  @ApiProperty({ enum: ['main', 'on_failure'] }) phase: string;
  @ApiProperty({ type: Object, description: 'type: event | schedule | webhook | manual | replay, with its details' }) trigger: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) subscriptionId: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: String, nullable: true }) concurrencyKey: string | null;
  @ApiProperty({ type: RunErrorDto, nullable: true }) error: RunErrorDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'The run this one replays' }) parentRunId: string | null;
  @ApiProperty({ type: Object, description: 'The triggering event (secrets redacted)' }) event: unknown;
  @ApiProperty({ type: Object }) inputs: unknown;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ type: [RunStepDto] }) steps?: RunStepDto[];

  static from(run: WorkflowRun, steps?: WorkflowStep[]): RunDto {
    return {
      id: run.id,
      workflowId: run.workflowId,
      revision: run.revision,
      status: run.status,
      phase: run.phase,
      trigger: run.trigger as unknown as Record<string, unknown>,
      subscriptionId: run.subscriptionId ?? null,
      correlationId: run.correlationId,
      concurrencyKey: run.concurrencyKey ?? null,
      error: run.error ?? null,
      parentRunId: run.parentRunId ?? null,
      event: redactSealed(run.event),
      inputs: redactSealed(run.inputs),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      durationMs: run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
      createdAt: run.createdAt.toISOString(),
      updatedAt: run.updatedAt.toISOString(),
      ...(steps ? { steps: steps.map(RunStepDto.from) } : {}),
    };
  }
}

export class RunPageDto extends PageDto(RunDto, 'RunPageDto') {}
