import { OptionalProps, types } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../core/database/ids';

export type WorkflowSource = 'builtin' | 'file' | 'api';

/** A workflow by id. Its content lives in revisions; `revision` points at the current one. */
@Entity({ tableName: 'hub_workflow' })
export class WorkflowRow {
  [OptionalProps]?: 'enabled' | 'createdAt' | 'updatedAt' | 'file' | 'webhookSecretSealed';

  @PrimaryKey({ type: 'string', length: 100 })
  id: string;

  @Property({ type: 'string', length: 16 })
  source: WorkflowSource;

  /** For file definitions: where it was read from. */
  @Property({ type: 'string', length: 1000, nullable: true })
  file?: string | null;

  @Property({ type: 'integer' })
  revision: number;

  @Property({ type: 'boolean' })
  enabled: boolean = true;

  /** HMAC secret of a webhook trigger, sealed with the hub key. */
  @Property({ type: 'text', nullable: true, lazy: true })
  webhookSecretSealed?: string | null;

  @Property({ type: types.datetime })
  createdAt: Date = new Date();

  @Property({ type: types.datetime })
  updatedAt: Date = new Date();
}

/** One immutable version of a workflow. Runs point at the revision they started with. */
@Entity({ tableName: 'hub_workflow_revision' })
@Unique({ properties: ['workflowId', 'revision'] })
@Index({ properties: ['workflowId', 'hash'] })
export class WorkflowRevisionRow {
  [OptionalProps]?: 'id' | 'createdAt' | 'createdBy';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 100 })
  workflowId: string;

  @Property({ type: 'integer' })
  revision: number;

  @Property({ type: 'string', length: 16 })
  source: WorkflowSource;

  @Property({ type: 'text' })
  yaml: string;

  @Property({ type: 'string', length: 64 })
  hash: string;

  @Property({ type: 'string', length: 200, nullable: true })
  createdBy?: string | null;

  @Property({ type: types.datetime })
  createdAt: Date = new Date();
}
