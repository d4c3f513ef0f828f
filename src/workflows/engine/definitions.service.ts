import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConflictError, NotFoundError, UnprocessableError } from '../../core/common/errors';
import { hubContext } from '../../core/context/request-context';
import { AuditService } from '../../core/audit/audit.service';
import { ActionRegistry } from '../actions/action-registry';
import { CompiledWorkflow, DefinitionProblem, formatProblem } from '../schema/compiled-workflow';
import { validateDefinition } from '../schema/definition-validator';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../workflow-config';
import { RevisionInvalidError } from './errors';
import { WorkflowRevisionRow, WorkflowRow, WorkflowSource } from './workflow.entity';

export interface LoadedWorkflow {
  row: WorkflowRow;
  revision: WorkflowRevisionRow;
  compiled: CompiledWorkflow;
}

/** Where the built-in YAML files are: next to this code in development, in src/ when running from dist/. */
export function builtinDefinitionsDir(): string {
  const candidates = [resolve(__dirname, '../definitions'), resolve(__dirname, '../../../../src/workflows/definitions'), resolve(process.cwd(), 'src/workflows/definitions')];
  return candidates.find((dir) => existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.yaml'))) ?? candidates[0];
}

export function readDefinitionFiles(dir: string): { file: string; source: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => ({ file: join(dir, name), source: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Definitions from three places: built-ins, the operator folder and the API. Each distinct content
 * becomes a revision in the database; runs refer to the revision they started with, so changing a
 * definition never changes a run in flight. Compiled definitions are cached per revision.
 */
@Injectable()
export class DefinitionsService implements OnModuleDestroy {
  private readonly compiledByRevision = new Map<string, CompiledWorkflow>();
  private current = new Map<string, LoadedWorkflow>();
  private fingerprint = '';
  private problems: DefinitionProblem[] = [];
  private refreshTimer?: NodeJS.Timeout;
  private readonly refreshListeners: (() => void)[] = [];
  private readonly logger = new Logger('Workflows');

  constructor(
    private readonly orm: MikroORM,
    private readonly actions: ActionRegistry,
    private readonly audit: AuditService,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  /** Reads built-ins and the operator folder into the database, then loads the current revisions. */
  async load(): Promise<void> {
    const seen = new Map<string, { source: WorkflowSource; file: string; yaml: string }>();
    const problems: DefinitionProblem[] = [];
    for (const [source, dir] of [['builtin', builtinDefinitionsDir()], ['file', this.config.dir]] as const) {
      if (!dir) continue;
      for (const { file, source: yaml } of readDefinitionFiles(dir)) {
        const result = validateDefinition(yaml, file, this.actions);
        if (!result.definition || result.problems.length > 0) {
          problems.push(...result.problems);
          for (const problem of result.problems) this.logger.error(`Skipping invalid workflow definition: ${formatProblem(problem)}`);
          continue;
        }
        if (source === 'file' && seen.get(result.definition.id)?.source === 'builtin') this.logger.log(`${file} replaces the built-in workflow ${result.definition.id}`);
        seen.set(result.definition.id, { source, file, yaml });
      }
    }
    this.problems = problems;
    for (const [id, item] of seen) await this.sync(id, item.source, item.file, item.yaml);
    await this.refresh(true);
    this.refreshTimer = setInterval(() => void this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'Refreshing workflow definitions failed')), this.config.refreshIntervalMs);
    this.refreshTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refreshTimer);
  }

  /** Called after the set of current definitions changed. */
  onRefresh(listener: () => void): void {
    this.refreshListeners.push(listener);
  }

  loadProblems(): DefinitionProblem[] {
    return [...this.problems];
  }

  /** Enabled workflows at their current revision. */
  enabled(): LoadedWorkflow[] {
    return [...this.current.values()].filter((item) => item.row.enabled);
  }

  all(): LoadedWorkflow[] {
    return [...this.current.values()];
  }

  async getLoaded(id: string): Promise<LoadedWorkflow> {
    await this.refresh();
    const loaded = this.current.get(id);
    if (!loaded) throw new NotFoundError('Workflow', id);
    return loaded;
  }

  async revisions(id: string): Promise<WorkflowRevisionRow[]> {
    return this.orm.em.fork().find(WorkflowRevisionRow, { workflowId: id }, { orderBy: { revision: 'desc' }, limit: 100 });
  }

  async revisionRow(revisionId: string): Promise<WorkflowRevisionRow> {
    const row = await this.orm.em.fork().findOne(WorkflowRevisionRow, { id: revisionId });
    if (!row) throw new NotFoundError('Workflow revision', revisionId);
    return row;
  }

  /** The compiled form of any revision (runs keep theirs even after the workflow changed). */
  async compiledRevision(revisionId: string): Promise<CompiledWorkflow> {
    const cached = this.compiledByRevision.get(revisionId);
    if (cached) return cached;
    const row = await this.revisionRow(revisionId);
    return this.compile(row);
  }

  validate(yaml: string, file = 'definition.yaml') {
    return validateDefinition(yaml, file, this.actions);
  }

  /** API: a new workflow (revision 1) or a new revision of an existing one. */
  async save(yaml: string, expectedId?: string): Promise<LoadedWorkflow> {
    const result = this.validate(yaml, expectedId ? `${expectedId}.yaml` : 'definition.yaml');
    if (!result.definition || result.problems.length > 0) {
      throw new UnprocessableError('INVALID_WORKFLOW', `The definition has ${result.problems.length} problem(s): ${result.problems.slice(0, 3).map(formatProblem).join('; ')}`, result.problems.map((p) => ({ field: p.path || '(document)', message: `${p.line}:${p.column}: ${p.message}`, code: p.kind })), { problems: result.problems });
    }
    const id = result.definition.id;
    if (expectedId && id !== expectedId) throw new UnprocessableError('WORKFLOW_ID_MISMATCH', `The definition's id is "${id}" but the URL names "${expectedId}"`, [{ field: 'id', message: 'must match the URL', code: 'mismatch' }]);
    if (!expectedId && (await this.orm.em.fork().findOne(WorkflowRow, { id }))) throw new ConflictError('WORKFLOW_EXISTS', `A workflow with id "${id}" exists; update it with PUT /workflows/${id}`);
    await this.sync(id, 'api', null, yaml, true);
    await this.refresh(true);
    return this.getLoaded(id);
  }

  async setEnabled(id: string, enabled: boolean, reason: string): Promise<LoadedWorkflow> {
    const em = this.orm.em.fork();
    const row = await em.findOne(WorkflowRow, { id });
    if (!row) throw new NotFoundError('Workflow', id);
    row.enabled = enabled;
    row.updatedAt = new Date();
    await this.audit.record({ action: enabled ? 'workflow.enable' : 'workflow.disable', target: { type: 'workflow', id }, details: { reason } }, em);
    await em.flush();
    await this.refresh(true);
    return this.getLoaded(id);
  }

  async setWebhookSecret(id: string, sealed: string): Promise<void> {
    const em = this.orm.em.fork();
    const row = await em.findOne(WorkflowRow, { id });
    if (!row) throw new NotFoundError('Workflow', id);
    row.webhookSecretSealed = sealed;
    row.updatedAt = new Date();
    await this.audit.record({ action: 'workflow.webhook_secret.rotate', target: { type: 'workflow', id } }, em);
    await em.flush();
  }

  async webhookSecret(id: string): Promise<string | null> {
    const em = this.orm.em.fork();
    const row = await em.findOne(WorkflowRow, { id });
    if (!row) return null;
    await em.populate(row, ['webhookSecretSealed'] as never);
    return row.webhookSecretSealed ?? null;
  }

  /** Writes a revision when the content differs from the current one. Built-ins never overwrite an API edit. */
  private async sync(id: string, source: WorkflowSource, file: string | null, yaml: string, force = false): Promise<void> {
    const hash = createHash('sha256').update(yaml).digest('hex');
    for (let attempt = 0; attempt < 3; attempt++) {
      const em = this.orm.em.fork();
      const row = await em.findOne(WorkflowRow, { id });
      if (row && !force && row.source === 'api') return;
      if (row && !force && source === 'builtin' && row.source === 'file') return;
      const latest = row ? await em.findOne(WorkflowRevisionRow, { workflowId: id, revision: row.revision }) : null;
      if (latest && latest.hash === hash && row?.source === source) return;
      const revision = (row?.revision ?? 0) + 1;
      try {
        await em.transactional(async (tx) => {
          tx.persist(tx.create(WorkflowRevisionRow, { workflowId: id, revision, source, yaml, hash, createdBy: hubContext.actor().id }));
          if (row) {
            const updated = await tx.nativeUpdate(WorkflowRow, { id, revision: row.revision }, { revision, source, file, updatedAt: new Date() });
            if (updated === 0) throw new UniqueConstraintViolationException(new Error('revision moved'));
          } else {
            tx.persist(tx.create(WorkflowRow, { id, source, file, revision, enabled: true }));
          }
          await this.audit.record({ action: row ? 'workflow.update' : 'workflow.create', target: { type: 'workflow', id }, details: { revision, source, file, hash } }, tx);
        });
        this.logger.log(`Workflow ${id} revision ${revision} (${source}${file ? ` ${file}` : ''})`);
        return;
      } catch (error) {
        // Another process wrote the same revision number first: look again.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
  }

  /** Re-reads which revision is current for each workflow (cheap when nothing changed). */
  async refresh(force = false): Promise<void> {
    const rows = await this.orm.em.fork().find(WorkflowRow, {}, { orderBy: { id: 'asc' } });
    const fingerprint = rows.map((row) => `${row.id}@${row.revision}:${row.enabled}`).join('|');
    if (!force && fingerprint === this.fingerprint) return;
    const next = new Map<string, LoadedWorkflow>();
    for (const row of rows) {
      const revision = await this.orm.em.fork().findOne(WorkflowRevisionRow, { workflowId: row.id, revision: row.revision });
      if (!revision) continue;
      try {
        next.set(row.id, { row, revision, compiled: this.compile(revision) });
      } catch (error) {
        this.logger.error(`Workflow ${row.id} revision ${row.revision} no longer validates: ${(error as Error).message}`);
      }
    }
    this.current = next;
    this.fingerprint = fingerprint;
    for (const listener of this.refreshListeners) listener();
  }

  private compile(row: WorkflowRevisionRow): CompiledWorkflow {
    const cached = this.compiledByRevision.get(row.id);
    if (cached) return cached;
    const result = validateDefinition(row.yaml, `${row.workflowId}@${row.revision}`, this.actions);
    if (!result.compiled) throw new RevisionInvalidError(`${row.workflowId}@${row.revision}`, result.problems.map(formatProblem).join('; '));
    const overrides = this.config.varOverrides[row.workflowId];
    // Operators tune the built-ins (grace period, retention…) without copying their YAML.
    if (overrides) result.compiled.definition.vars = { ...(result.compiled.definition.vars ?? {}), ...overrides };
    this.compiledByRevision.set(row.id, result.compiled);
    return result.compiled;
  }
}
