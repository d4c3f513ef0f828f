import type { EntityClass } from '../core/database/orm-options';
import { WorkflowRevisionRow, WorkflowRow } from './engine/workflow.entity';
import { WorkflowRun } from './engine/workflow-run.entity';
import { WorkflowLock, WorkflowStep } from './engine/workflow-step.entity';

/** The workflow engine's tables (for ALL_ENTITIES). */
export const WORKFLOW_ENTITIES: EntityClass[] = [WorkflowRow, WorkflowRevisionRow, WorkflowRun, WorkflowStep, WorkflowLock];
