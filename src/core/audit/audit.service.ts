import { EntityManager, FilterQuery, MikroORM, TransactionEventArgs } from '@mikro-orm/core';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { SharedRun } from '../common/shared-run';
import { hubContext } from '../context/request-context';
import { findRows, insertRows, selectListOf, selectRows } from '../database/raw-rows';
import { auditEntries } from '../metrics/hub-metrics';
import { HubScheduler } from '../scheduler/scheduler.service';
import { entryHash, GENESIS_HASH } from './audit-chain';
import { AuditEntry, AuditOutcome } from './audit-entry.entity';
import { AuditSeal } from './audit-seal.entity';
import { redact } from './redact';

export interface AuditInput {
  action: string;
  outcome?: AuditOutcome;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  /** Defaults to the actor of the current request or job. */
  actor?: { type: string; id: string };
  ip?: string;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  correlationId?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
}

/** An entry with its place in the hash chain (none until the sealer has reached it). */
export interface AuditRecord {
  entry: AuditEntry;
  seal: AuditSeal | null;
}

export interface ChainReport {
  valid: boolean;
  sealed: number;
  unsealed: number;
  firstBrokenId: string | null;
  reason: string | null;
}

/** Entries sealed per statement; between batches the sealer yields, so hashing never stalls requests long. */
const SEAL_BATCH = 250;
/** Entries per statement of a shared write outside a transaction. */
const ALONE_BATCH = 200;

@Injectable()
export class AuditService implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly orm: MikroORM,
    private readonly scheduler: HubScheduler,
  ) {}

  /** Entries recorded in a transaction, by transaction: written together just before it commits. */
  private readonly buffered = new WeakMap<object, AuditEntry[]>();
  private closed = false;
  private readonly logger = new Logger('Audit');
  /**
   * Entries outside any transaction (one per API call, from the audit interceptor; one per panel
   * call): callers that arrive while such a write is under way share the next one, a statement and
   * a commit for all of them; each caller still returns only once its entries are written.
   */
  private readonly alone = new SharedRun<AuditEntry, void>(async (entries) => {
    for (let start = 0; start < entries.length; start += ALONE_BATCH) await insertRows(this.orm.em.fork(), AuditEntry, entries.slice(start, start + ALONE_BATCH));
  });

  onModuleInit(): void {
    this.scheduler.every('audit.seal-chain', 1000, async () => {
      while ((await this.seal()) === SEAL_BATCH) await new Promise((resolve) => setImmediate(resolve));
    });
    this.orm.em.getEventManager().registerSubscriber({
      beforeTransactionCommit: async ({ em, transaction }: TransactionEventArgs) => {
        const entries = transaction ? this.buffered.get(transaction) : undefined;
        if (!entries) return;
        this.buffered.delete(transaction as object);
        await this.write(entries, em);
      },
    });
  }

  /**
   * Records an entry. With `em` in a transaction, the entry is written in that transaction, with
   * the others recorded in it, in one statement just before it commits (it commits or rolls back
   * with the change it describes); with `em` outside one, it joins that unit of work and is
   * written when `em` flushes; without `em`, it is written at once.
   */
  async record(input: AuditInput, em?: EntityManager): Promise<AuditEntry> {
    const entry = this.entryOf(input);
    const transaction = em?.getTransactionContext() as object | undefined;
    if (transaction) {
      const entries = this.buffered.get(transaction);
      if (entries) entries.push(entry);
      else this.buffered.set(transaction, [entry]);
    } else if (em) em.persist(em.create(AuditEntry, { ...entry }));
    else await this.write([entry]);
    return entry;
  }

  /**
   * A mark in the entries waiting for the transaction of `em`; the function returned drops those
   * recorded after it (the work they describe was rolled back to a savepoint).
   */
  checkpoint(em: EntityManager): () => void {
    const transaction = em.getTransactionContext() as object | undefined;
    const count = transaction ? (this.buffered.get(transaction)?.length ?? 0) : 0;
    return () => {
      const entries = transaction ? this.buffered.get(transaction) : undefined;
      if (entries && entries.length > count) entries.length = count;
    };
  }

  /** An entry with the actor, address and correlation id of the current request or job; not yet written. */
  entryOf(input: AuditInput): AuditEntry {
    const context = hubContext.current();
    const actor = input.actor ?? context?.actor ?? { type: 'system', id: 'system' };
    const entry = Object.assign(new AuditEntry(), {
      actorType: actor.type,
      actorId: actor.id,
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      correlationId: hubContext.correlationId(),
      outcome: input.outcome ?? 'success',
      ip: input.ip ?? context?.ip ?? null,
      details: redact(input.details ?? {}),
    });
    auditEntries.inc({ outcome: entry.outcome });
    return entry;
  }

  /**
   * Writes entries in one statement, in the transaction of `em` when there is one. Entries are
   * append-only rows with no relations, so this skips the unit of work and its change sets.
   */
  async write(entries: AuditEntry[], em?: EntityManager): Promise<void> {
    // Once the database is closing, a write of its own would reopen the connection: log instead.
    if (!em && this.closed) {
      this.logger.warn({ actions: entries.map((entry) => entry.action) }, `${entries.length} audit entries recorded after shutdown are lost`);
      return;
    }
    // In a transaction, the entries travel with its commit (they cannot clash with anything).
    if (em) await insertRows(em, AuditEntry, entries, { deferred: true });
    else await this.alone.join(entries);
  }

  onApplicationShutdown(): void {
    this.closed = true;
  }

  async list(filter: AuditFilter, limit: number, cursor?: string): Promise<Page<AuditRecord>> {
    const where: FilterQuery<AuditEntry> = {
      actorId: filter.actorId,
      action: filter.action,
      targetType: filter.targetType,
      targetId: filter.targetId,
      correlationId: filter.correlationId,
      outcome: filter.outcome,
    };
    const at: Record<string, Date> = {};
    if (filter.from) at.$gte = filter.from;
    if (filter.to) at.$lte = filter.to;
    if (Object.keys(at).length > 0) (where as Record<string, unknown>).at = at;
    const before = decodeCursor(cursor);
    if (before) (where as Record<string, unknown>).id = { $lt: before };
    const em = this.orm.em.fork();
    const rows = await em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const seals = new Map((await findRows<AuditSeal>(em, AuditSeal, { entryId: rows.map((row) => row.id) })).map((seal) => [seal.entryId, seal]));
    return pageOf(rows, limit, (entry) => ({ entry, seal: seals.get(entry.id) ?? null }));
  }

  /**
   * Appends entries waiting to be sealed to the hash chain, oldest first: one seal row each, written
   * with the removal of their places in the queue. Returns how many it sealed.
   */
  async seal(): Promise<number> {
    const em = this.orm.em.fork();
    // The queue's oldest entries, read raw with their content (the sealer only hashes them; hydrating a batch into the unit of work cost more than the rest).
    const pending = await selectRows<AuditEntry>(
      em,
      AuditEntry,
      // The batch is taken first, so that the planner knows the join has at most that many rows (with stale statistics, it once merged against a scan of every entry).
      `select p.entry_id as pending_id, ${selectListOf(em, AuditEntry, 'e')} from (select entry_id from hub_audit_pending order by entry_id limit ${SEAL_BATCH}) p left join hub_audit_entry e on e.id = p.entry_id order by p.entry_id`,
    );
    if (pending.length === 0) return 0;
    const ids = pending.map(({ row }) => row.pending_id as string);
    const [head] = await em.find(AuditSeal, {}, { orderBy: { chainSeq: 'desc' }, limit: 1 });
    let seq = head?.chainSeq ?? 0;
    let prev = head?.hash ?? GENESIS_HASH;
    const seals: AuditSeal[] = [];
    for (const { row, entity: entry } of pending) {
      const id = row.pending_id as string;
      // Queued in the statement that wrote it, so only a deletion makes it disappear before this.
      if (!entry) {
        this.logger.warn({ entryId: id }, 'An audit entry was deleted before it was sealed');
        continue;
      }
      seq += 1;
      const hash = entryHash(entry, seq, prev);
      seals.push(Object.assign(new AuditSeal(), { chainSeq: seq, entryId: id, prevHash: prev, hash }));
      prev = hash;
    }
    await em.transactional(async (tx) => {
      await insertRows(tx, AuditSeal, seals, { deferred: true });
      await tx.getConnection().execute(`delete from hub_audit_pending where entry_id in (${ids.map(() => '?').join(', ')})`, ids, 'run', tx.getTransactionContext());
    });
    return pending.length;
  }

  /** Recomputes the chain; any edited, removed or reordered sealed entry makes it invalid. */
  async verify(): Promise<ChainReport> {
    const em = this.orm.em.fork();
    let prev = GENESIS_HASH;
    let expected = 1;
    let sealed = 0;
    for (;;) {
      const seals = await em.find(AuditSeal, { chainSeq: { $gte: expected } }, { orderBy: { chainSeq: 'asc' }, limit: SEAL_BATCH });
      if (seals.length === 0) break;
      const entries = new Map((await findRows<AuditEntry>(em, AuditEntry, { id: seals.map((seal) => seal.entryId) })).map((entry) => [entry.id, entry]));
      for (const seal of seals) {
        const entry = entries.get(seal.entryId);
        if (seal.chainSeq !== expected || !entry) return broken(seal.entryId, sealed, `entry ${expected} of the chain is missing`);
        if (seal.prevHash !== prev || entryHash(entry, expected, prev) !== seal.hash) return broken(entry.id, sealed, 'entry content does not match its hash');
        prev = seal.hash;
        expected += 1;
        sealed += 1;
      }
      em.clear();
    }
    // Entries without a seal: those waiting in the queue, and any written around it.
    const [{ n }] = await em.getConnection().execute<{ n: number | string }[]>('select count(*) as n from hub_audit_entry e where not exists (select 1 from hub_audit_seal s where s.entry_id = e.id)');
    return { valid: true, sealed, unsealed: Number(n), firstBrokenId: null, reason: null };
  }
}

function broken(id: string, sealed: number, reason: string): ChainReport {
  return { valid: false, sealed, unsealed: 0, firstBrokenId: id, reason };
}
