import { EntityManager, MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { SecretBox } from '../../crypto/secret-box';
import { newId } from '../../database/ids';
import { isSqlite } from '../../database/row-lock';
import { EventsService } from '../../events/events.service';
import { Portal } from '../../portals/portal.entity';
import { allocateCodes } from '../code-generator';
import { AccessCode } from '../access-code.entity';
import { databaseCodeStore, unknownProjection } from '../access-code-rules';
import { effectiveExpiry } from '../access-code-state';
import { SubscriptionExpiry } from '../subscription-expiry.entity';
import { AccessCodeImport, AccessCodeImportChunk, AccessCodeImportRow, FINISHED, RowOutcome } from './access-code-import.entity';
import { ImportedRow, parseRow, PortalIndex, readHeader, RowError } from './import-row';
import { records } from './import-source';

const BATCH = 1000;
const PROGRESS_EVERY_MS = 500;

class FatalImportError extends Error {}

interface Outcome {
  row: number;
  line: number;
  outcome: RowOutcome;
  code: string | null;
  field: string | null;
  reason: string | null;
}

interface PendingRow {
  row: number;
  line: number;
  data: ImportedRow;
}

interface Counts {
  rows: number;
  created: number;
  invalid: number;
  duplicate: number;
}

/**
 * Runs an import in two streaming passes over the stored file. Validation gives every row its
 * outcome; the writing pass inserts the valid rows as `pending` (invisible, but holding their
 * codes) in batches, and one final statement makes them all visible together. So an
 * all-or-nothing import either appears whole or not at all, and a retry after a crash starts
 * again cleanly by deleting its pending rows. Memory grows with the number of codes in the file
 * (for duplicate detection), never with its size in bytes.
 */
@Injectable()
export class ImportProcessor {
  private readonly logger = new Logger('AccessCodeImport');

  constructor(
    private readonly orm: MikroORM,
    private readonly secrets: SecretBox,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  async run(importId: string): Promise<void> {
    const em = this.orm.em.fork();
    const job = await em.findOne(AccessCodeImport, { id: importId });
    if (!job || FINISHED.includes(job.status) || job.status === 'uploading') return;
    // A previous attempt died half-way: start again from nothing.
    await em.nativeDelete(AccessCode, { importId, pending: true });
    await em.nativeDelete(AccessCodeImportRow, { importId });
    Object.assign(job, { status: 'validating', startedAt: new Date(), processedBytes: 0, percent: 0, rows: 0, created: 0, invalid: 0, duplicate: 0, error: null });
    await em.flush();
    try {
      const portals = await this.portalIndex(em);
      const validation = await this.validate(em, job, portals);
      if (job.dryRun) return await this.finish(em, job, 'completed', validation.counts);
      if (job.mode === 'all-or-nothing' && validation.counts.invalid + validation.counts.duplicate > 0) return await this.finish(em, job, 'rejected', validation.counts);
      job.status = 'writing';
      await em.flush();
      const counts = await this.write(em, job, portals, validation.skip, validation.codes, validation.counts);
      await this.finish(em, job, 'completed', counts);
    } catch (error) {
      await em.nativeDelete(AccessCode, { importId, pending: true });
      const message = error instanceof FatalImportError || error instanceof RowError ? error.message : 'The import failed unexpectedly; the correlation id ties it to the logs';
      if (!(error instanceof FatalImportError)) this.logger.error({ err: error, importId }, 'Access code import failed');
      await this.finish(em, job, 'failed', { rows: job.rows, created: 0, invalid: job.invalid, duplicate: job.duplicate }, message);
    }
  }

  /** Pass 1: every row gets an outcome; returns the rows to skip and the file's own codes. */
  private async validate(em: EntityManager, job: AccessCodeImport, portals: PortalIndex): Promise<{ counts: Counts; skip: Set<number>; codes: Map<string, number> }> {
    const counts: Counts = { rows: 0, created: 0, invalid: 0, duplicate: 0 };
    const skip = new Set<number>();
    const codes = new Map<string, number>();
    let batch: Outcome[] = [];
    const flush = async (bytes: number) => {
      const custom = batch.filter((item) => item.outcome === 'created' && item.code);
      const taken = custom.length > 0 ? await databaseCodeStore(em).taken(custom.map((item) => item.code!)) : new Set<string>();
      for (const item of batch) {
        if (item.outcome === 'created' && item.code && taken.has(item.code)) Object.assign(item, { outcome: 'duplicate', field: 'code', reason: `code ${item.code} is already in use` });
        counts[item.outcome === 'created' ? 'created' : item.outcome] += 1;
        if (item.outcome !== 'created') skip.add(item.row);
      }
      // A real import records the created rows in the writing pass, once their codes exist.
      await this.saveOutcomes(em, job.id, job.dryRun ? batch : batch.filter((item) => item.outcome !== 'created'));
      batch = [];
      await this.progress(em, job, bytes, counts, job.dryRun ? 100 : 50, 0);
    };
    await this.eachRow(job, async (values, row, line, bytes) => {
      let outcome: Outcome;
      try {
        const parsed = parseRow(values, portals, job.defaultPortalId ?? null);
        if (parsed.code && codes.has(parsed.code)) throw new RowError('code', `code ${parsed.code} repeats row ${codes.get(parsed.code)}`, 'duplicate');
        if (parsed.code) codes.set(parsed.code, row);
        outcome = { row, line, outcome: 'created', code: parsed.code ?? null, field: null, reason: null };
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        outcome = { row, line, outcome: error.outcome, code: (values.code ?? '').trim().slice(0, 64) || null, field: error.field, reason: error.message };
      }
      batch.push(outcome);
      counts.rows = row;
      if (batch.length >= BATCH) await flush(bytes);
    }, flush);
    return { counts, skip, codes };
  }

  /** Pass 2: inserts the valid rows as pending, generating the missing codes batch by batch. */
  private async write(em: EntityManager, job: AccessCodeImport, portals: PortalIndex, skip: Set<number>, fileCodes: Map<string, number>, validated: Counts): Promise<Counts> {
    const counts = { ...validated };
    let batch: PendingRow[] = [];
    const reserved = new Set(fileCodes.keys());
    const flush = async (bytes: number) => {
      if (batch.length > 0) await this.insertBatch(em, job, batch, reserved, counts);
      batch = [];
      await this.progress(em, job, bytes, counts, 50, 50);
    };
    await this.eachRow(job, async (values, row, line, bytes) => {
      if (skip.has(row)) return;
      batch.push({ row, line, data: parseRow(values, portals, job.defaultPortalId ?? null) });
      if (batch.length >= BATCH) await flush(bytes);
    }, flush);
    return counts;
  }

  private async insertBatch(em: EntityManager, job: AccessCodeImport, batch: PendingRow[], reserved: Set<string>, counts: Counts): Promise<void> {
    const missing = batch.filter((item) => !item.data.code).length;
    const generated = missing > 0 ? await allocateCodes(databaseCodeStore(em), job.codeLength, missing, reserved) : [];
    const linked = [...new Set(batch.map((item) => item.data.subscriptionId).filter((id): id is string => !!id))];
    const known = linked.length > 0 ? new Map((await em.find(SubscriptionExpiry, { id: { $in: linked } })).map((s) => [s.id, s.expiresAt ?? null])) : new Map<string, Date | null>();
    const now = new Date();
    const rows = batch.map((item) => {
      const { data } = item;
      const subscriptionExpiresAt = data.subscriptionId ? (known.get(data.subscriptionId) ?? null) : null;
      const entity = {
        id: newId(), createdAt: now, updatedAt: now, code: data.code ?? generated.pop()!, portal: data.portalId, username: data.username,
        passwordSealed: this.secrets.encrypt(data.password), status: data.status, notes: data.notes, subscriptionId: data.subscriptionId,
        expiryMode: data.expiryMode, expiresAt: data.expiresAt, subscriptionExpiresAt, effectiveExpiresAt: effectiveExpiry({ ...data, subscriptionExpiresAt }),
        importId: job.id, pending: true,
      };
      return { ...item, entity, outcome: { row: item.row, line: item.line, outcome: 'created', code: entity.code, field: null, reason: null } as Outcome };
    });
    try {
      await em.insertMany(AccessCode, rows.map((item) => item.entity));
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // A code was taken after validation. All-or-nothing gives up; skip-invalid goes row by row.
      if (job.mode === 'all-or-nothing') throw new FatalImportError('A code of the file was taken by another writer during the import; nothing was imported. Run the import again.');
      for (const item of rows) {
        try {
          await em.insert(AccessCode, item.entity);
        } catch (rowError) {
          if (!(rowError instanceof UniqueConstraintViolationException)) throw rowError;
          counts.created -= 1;
          counts.duplicate += 1;
          Object.assign(item.outcome, { outcome: 'duplicate', field: 'code', reason: `code ${item.entity.code} was taken during the import` });
        }
      }
    }
    await this.saveOutcomes(em, job.id, rows.map((item) => item.outcome));
  }

  private async eachRow(job: AccessCodeImport, onRow: (values: Record<string, string>, row: number, line: number, bytes: number) => Promise<void>, onEnd: (bytes: number) => Promise<void>): Promise<void> {
    let columns: string[] | undefined;
    let row = 0;
    let bytes = 0;
    for await (const record of records(this.orm, this.secrets, job.id)) {
      bytes = record.bytes;
      if (!columns) {
        const header = readHeader(record.values);
        if (header.missing.length > 0) throw new FatalImportError(`The header lacks the column${header.missing.length > 1 ? 's' : ''} ${header.missing.join(', ')} (columns: code, portal, username, password, expiry, notes, status, subscription)`);
        if (!header.columns.includes('portal') && !job.defaultPortalId) throw new FatalImportError('The file has no portal column and the import names no default portal');
        columns = header.columns;
        continue;
      }
      row += 1;
      const values: Record<string, string> = {};
      columns.forEach((column, index) => {
        if (!column.startsWith('ignored:')) values[column] = record.values[index] ?? '';
      });
      await onRow(values, row, record.line, bytes);
    }
    if (!columns) throw new FatalImportError('The file is empty: it needs a header row and at least one data row');
    await onEnd(bytes);
  }

  private async saveOutcomes(em: EntityManager, importId: string, batch: Outcome[]): Promise<void> {
    if (batch.length === 0) return;
    await em.insertMany(AccessCodeImportRow, batch.map((item) => ({ id: newId(), importId, ...item })));
  }

  private lastProgress = new Map<string, number>();

  private async progress(em: EntityManager, job: AccessCodeImport, bytes: number, counts: Counts, share: number, offset: number): Promise<void> {
    // SQLite calls complete synchronously: without a turn of the event loop per batch, an import
    // in an API process would hold back every HTTP response (code logins included) until it ends.
    await new Promise((resolve) => setImmediate(resolve));
    const percent = Math.min(99, Math.floor(offset + (share * bytes) / Math.max(1, job.totalBytes)));
    const last = this.lastProgress.get(job.id) ?? 0;
    if (Date.now() - last < PROGRESS_EVERY_MS && percent < 99) return;
    this.lastProgress.set(job.id, Date.now());
    Object.assign(job, { processedBytes: bytes, percent, ...counts });
    await em.flush();
  }

  private async finish(em: EntityManager, job: AccessCodeImport, status: 'completed' | 'rejected' | 'failed', counts: Counts, error: string | null = null): Promise<void> {
    this.lastProgress.delete(job.id);
    const written = status === 'completed' && !job.dryRun;
    await this.events.transaction(async (tx, emit) => {
      if (written) {
        await settleLinkedExpiries(tx, job.id);
        await tx.nativeUpdate(AccessCode, { importId: job.id, pending: true }, { pending: false });
      }
      const row = await tx.findOneOrFail(AccessCodeImport, { id: job.id });
      Object.assign(row, { status, ...counts, created: status === 'completed' ? counts.created : 0, percent: 100, processedBytes: row.totalBytes, error, finishedAt: new Date() });
      Object.assign(job, row);
      const summary = { importId: job.id, status, mode: job.mode, dryRun: job.dryRun, rows: counts.rows, created: row.created, invalid: counts.invalid, duplicate: counts.duplicate };
      await this.audit.record({ action: 'access_code.import', outcome: status === 'failed' ? 'failure' : 'success', actor: { type: 'api_key', id: job.requestedBy }, target: { type: 'access_code_import', id: job.id }, details: summary }, tx);
      if (written) emit({ type: 'access_code.imported', payload: summary, subject: { type: 'access_code_import', id: job.id } });
    });
    // The upload holds passwords: it goes as soon as the import is over.
    await em.nativeDelete(AccessCodeImportChunk, { importId: job.id });
  }

  private async portalIndex(em: EntityManager): Promise<PortalIndex> {
    const index: PortalIndex = { byId: new Map(), byName: new Map() };
    for (const portal of await em.find(Portal, {}, { fields: ['id', 'name'] })) {
      index.byId.set(portal.id, portal.id);
      const name = portal.name.trim().toLowerCase();
      index.byName.set(name, [...(index.byName.get(name) ?? []), portal.id]);
    }
    return index;
  }
}

/**
 * Gives the import's linked codes their subscriptions' expiry as the projection holds it now,
 * under the projection rows' locks, in the transaction that makes the codes visible. A batch
 * reads the projection without a lock: an event applied meanwhile (on PostgreSQL, its look-up
 * for codes ran before the batch's insert and it committed after the batch's read) would leave
 * the codes with the expiry from before it, a refund or an expiry unseen until the next event.
 * Once the rows are locked here every earlier event is visible, and every later one waits and
 * then finds these codes (the follower moves pending codes too). Rows are created empty for
 * subscriptions the hub has not heard of yet, as linking a single code does.
 */
async function settleLinkedExpiries(em: EntityManager, importId: string): Promise<void> {
  const connection = em.getConnection();
  const ctx = em.getTransactionContext();
  // The import's codes linked to a subscription, not yet visible.
  const linked = 'import_id = ? and pending = ? and subscription_id is not null';
  const ids = (await connection.execute<{ subscription_id: string }[]>(`select distinct subscription_id from hub_access_code where ${linked}`, [importId, true], 'all', ctx)).map((row: { subscription_id: string }) => row.subscription_id);
  for (let i = 0; i < ids.length; i += BATCH) {
    const now = new Date();
    await em.upsertMany(SubscriptionExpiry, ids.slice(i, i + BATCH).map((id: string) => unknownProjection(id, now)), { onConflictFields: ['id'], onConflictAction: 'ignore' });
  }
  // SQLite runs one writing transaction at a time: no row locks to take.
  if (!isSqlite(em)) await connection.execute(`select id from hub_access_code_subscription where id in (select subscription_id from hub_access_code where ${linked}) order by id for update`, [importId, true], 'all', ctx);
  const current = 'select p.expires_at from hub_access_code_subscription p where p.id = hub_access_code.subscription_id';
  await connection.execute(
    `update hub_access_code set subscription_expires_at = (${current}), effective_expires_at = case when expiry_mode = 'default' then (${current}) else effective_expires_at end where ${linked}`,
    [importId, true],
    'run',
    ctx,
  );
}
