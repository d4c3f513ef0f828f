import { types } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../database/base.entity';
import { newId } from '../../database/ids';

export type ImportMode = 'all-or-nothing' | 'skip-invalid';
export const IMPORT_MODES: ImportMode[] = ['all-or-nothing', 'skip-invalid'];
/** `rejected`: all-or-nothing found problems and wrote nothing · `failed`: the file or the hub failed. */
export type ImportStatus = 'uploading' | 'queued' | 'validating' | 'writing' | 'completed' | 'rejected' | 'failed';
export const IMPORT_STATUSES: ImportStatus[] = ['uploading', 'queued', 'validating', 'writing', 'completed', 'rejected', 'failed'];
export const FINISHED: ImportStatus[] = ['completed', 'rejected', 'failed'];
export type RowOutcome = 'created' | 'invalid' | 'duplicate';
export const ROW_OUTCOMES: RowOutcome[] = ['created', 'invalid', 'duplicate'];

/** A CSV import of access codes: a durable job with progress, whose rows each get an outcome. */
@Entity({ tableName: 'hub_access_code_import' })
export class AccessCodeImport extends BaseEntity<'status' | 'fileName' | 'defaultPortalId' | 'totalBytes' | 'processedBytes' | 'percent' | 'rows' | 'created' | 'invalid' | 'duplicate' | 'error' | 'startedAt' | 'finishedAt'> {
  @Property({ type: 'string', length: 16 })
  status: ImportStatus = 'uploading';

  @Property({ type: 'string', length: 16 })
  mode: ImportMode;

  @Property({ type: 'boolean' })
  dryRun: boolean;

  /** Length of the codes generated for rows without one. */
  @Property({ type: 'integer' })
  codeLength: number;

  /** Portal of rows whose `portal` column is empty or absent. */
  @Property({ type: 'string', length: 36, nullable: true })
  defaultPortalId?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  fileName?: string | null;

  @Property({ type: 'string', length: 100 })
  requestedBy: string;

  @Property({ type: 'integer' })
  totalBytes: number = 0;

  @Property({ type: 'integer' })
  processedBytes: number = 0;

  @Property({ type: 'integer' })
  percent: number = 0;

  @Property({ type: 'integer' })
  rows: number = 0;

  /** Rows created (or, in a dry run or before the writing phase, that would be created). */
  @Property({ type: 'integer' })
  created: number = 0;

  @Property({ type: 'integer' })
  invalid: number = 0;

  @Property({ type: 'integer' })
  duplicate: number = 0;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: types.datetime, nullable: true })
  startedAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  finishedAt?: Date | null;
}

/** The uploaded file in order, sealed with the hub's key (it holds passwords); deleted when the import ends. */
@Entity({ tableName: 'hub_access_code_import_chunk' })
export class AccessCodeImportChunk {
  @PrimaryKey({ type: 'string', length: 36 })
  importId: string;

  @PrimaryKey({ type: 'integer' })
  seq: number;

  @Property({ type: 'text' })
  sealed: string;
}

/** The outcome of one data row (never its credentials). */
@Entity({ tableName: 'hub_access_code_import_row' })
@Index({ properties: ['importId', 'row'] })
@Index({ properties: ['importId', 'outcome', 'row'] })
export class AccessCodeImportRow {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 36 })
  importId: string;

  /** 1 = the first row after the header. */
  @Property({ type: 'integer' })
  row: number;

  /** Line of the file where the row ends. */
  @Property({ type: 'integer' })
  line: number;

  @Property({ type: 'string', length: 10 })
  outcome: RowOutcome;

  /** The code as given (up to 64 characters) or as generated. */
  @Property({ type: 'string', length: 64, nullable: true })
  code?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  field?: string | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
