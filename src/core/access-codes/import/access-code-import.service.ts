import type { Readable } from 'node:stream';
import { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { HubError, NotFoundError, UnprocessableError } from '../../common/errors';
import { decodeCursor, Page, pageOf } from '../../common/pagination';
import { hubContext } from '../../context/request-context';
import { SecretBox } from '../../crypto/secret-box';
import { JobQueue } from '../../jobs/job-queue';
import { HubScheduler } from '../../scheduler/scheduler.service';
import { CODE_DEFAULT_LENGTH } from '../code-format';
import { portalOrFail } from '../access-code-rules';
import { AccessCodeImport, AccessCodeImportChunk, AccessCodeImportRow, ImportMode, RowOutcome } from './access-code-import.entity';
import { ImportProcessor } from './import-processor';

export const IMPORT_JOB = 'access-codes.import';
/** Stored in pieces of this size (sealed), so neither the upload nor the import holds the file. */
const CHUNK_BYTES = 256 * 1024;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const STALE_UPLOAD_MS = 60 * 60_000;
const KEEP_REPORTS_MS = 7 * 24 * 3_600_000;

export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
  length?: number;
  defaultPortalId?: string;
  fileName?: string;
}

@Injectable()
export class AccessCodeImportService implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly jobs: JobQueue,
    private readonly scheduler: HubScheduler,
    private readonly audit: AuditService,
    private readonly processor: ImportProcessor,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ importId: string }>(IMPORT_JOB, (job) => this.processor.run(job.data.importId));
    this.scheduler.every('access-codes.import-housekeeping', 10 * 60_000, () => this.housekeeping());
  }

  /** Stores the uploaded CSV as it arrives and queues its processing; answers before processing. */
  async upload(source: Readable, options: ImportOptions): Promise<AccessCodeImport> {
    if (options.defaultPortalId) await portalOrFail(this.em, options.defaultPortalId);
    const em = this.orm.em.fork();
    const job = em.create(AccessCodeImport, {
      mode: options.mode,
      dryRun: options.dryRun,
      codeLength: options.length ?? CODE_DEFAULT_LENGTH,
      defaultPortalId: options.defaultPortalId ?? null,
      fileName: options.fileName?.slice(0, 255) ?? null,
      requestedBy: hubContext.actor().id,
    });
    await em.persist(job).flush();
    let seq = 0;
    let total = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const store = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      await em.insert(AccessCodeImportChunk, { importId: job.id, seq: seq++, sealed: this.secrets.encrypt(data.toString('base64')) });
    };
    try {
      for await (const piece of source) {
        const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as string);
        total += buffer.length;
        if (total > MAX_IMPORT_BYTES) throw new HubError(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', `An import file may have at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`);
        pending.push(buffer);
        pendingBytes += buffer.length;
        if (pendingBytes >= CHUNK_BYTES) await store();
      }
      await store();
      if (total === 0) throw new UnprocessableError('IMPORT_FILE_EMPTY', 'The request body is empty: send the CSV file as the body (Content-Type: text/csv)');
    } catch (error) {
      await em.nativeDelete(AccessCodeImportChunk, { importId: job.id });
      await em.nativeUpdate(AccessCodeImport, { id: job.id }, { status: 'failed', error: error instanceof HubError ? error.message : 'The upload was interrupted', finishedAt: new Date() });
      throw error;
    }
    job.totalBytes = total;
    job.status = 'queued';
    await this.audit.record({ action: 'access_code.import_upload', target: { type: 'access_code_import', id: job.id }, details: { mode: job.mode, dryRun: job.dryRun, bytes: total, fileName: job.fileName } }, em);
    await em.flush();
    await this.jobs.enqueue(IMPORT_JOB, { importId: job.id }, { jobId: `access-code-import:${job.id}`, attempts: 3, backoffMs: 2000 });
    return job;
  }

  async get(id: string): Promise<AccessCodeImport> {
    const job = await this.em.findOne(AccessCodeImport, { id });
    if (!job) throw new NotFoundError('Access code import', id);
    return job;
  }

  async list(limit: number, cursor?: string): Promise<Page<AccessCodeImport>> {
    const before = decodeCursor(cursor);
    const rows = await this.em.find(AccessCodeImport, before ? { id: { $lt: before } } : {}, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  /** Row outcomes in file order; the cursor is the last row number seen. */
  async rows(id: string, outcome: RowOutcome | undefined, limit: number, after = 0): Promise<{ items: AccessCodeImportRow[]; nextCursor: string | null }> {
    await this.get(id);
    const where: FilterQuery<AccessCodeImportRow> = { importId: id, row: { $gt: after } };
    if (outcome) Object.assign(where, { outcome });
    const rows = await this.em.find(AccessCodeImportRow, where, { orderBy: { row: 'asc' }, limit: limit + 1 });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].row) : null };
  }

  /** Uploads abandoned by a dead process are failed; reports older than a week go. */
  private async housekeeping(): Promise<void> {
    const em = this.orm.em.fork();
    const stale = await em.find(AccessCodeImport, { status: 'uploading', createdAt: { $lt: new Date(Date.now() - STALE_UPLOAD_MS) } });
    for (const job of stale) {
      await em.nativeDelete(AccessCodeImportChunk, { importId: job.id });
      Object.assign(job, { status: 'failed', error: 'The upload did not complete', finishedAt: new Date() });
    }
    await em.flush();
    const old = await em.find(AccessCodeImport, { finishedAt: { $lt: new Date(Date.now() - KEEP_REPORTS_MS) } }, { fields: ['id'] });
    for (const job of old) await em.nativeDelete(AccessCodeImportRow, { importId: job.id });
  }
}
