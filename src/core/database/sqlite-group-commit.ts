import { CompiledQuery, SelectQueryNode, SqliteAdapter, SqliteDialect } from 'kysely';
import type { DatabaseConnection, DialectAdapter, Driver, QueryResult } from 'kysely';

type Statement = { reader: boolean; busy: boolean; all(params: readonly unknown[]): unknown[]; run(params: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint }; iterate(params: readonly unknown[]): IterableIterator<unknown> };
export type NativeDatabase = { prepare(sql: string): Statement; readonly inTransaction: boolean; close(): void };

/** A batch commits after this many transactions or this long after it opened, whatever the load. */
const MAX_BATCH_TRANSACTIONS = 200;
const MAX_BATCH_MS = 10;

/** Transactions committed together; `durable` settles when the batch's physical COMMIT has. */
class Batch {
  transactions = 0;
  readonly openedAt = performance.now();
  readonly durable: Promise<void>;
  resolve!: () => void;
  reject!: (error: unknown) => void;

  constructor() {
    this.durable = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Whoever waits sees the failure; an unobserved one is not an unhandled rejection.
    this.durable.catch(() => undefined);
  }
}

/** On a result: the batch a statement outside a transaction joined, to wait for. */
export const DURABLE = Symbol('durable');

/**
 * Group commit for the embedded database. SQLite runs one writing transaction at a time, and each
 * COMMIT appends every page the transaction touched to the WAL, one system call per page: the
 * same hot index pages again and again, about 0.2 ms per commit on the reference machine. Here
 * the transactions that follow each other closely share one physical transaction: each is a
 * savepoint in it (its rollback undoes only its own work), and the physical COMMIT happens on the
 * next turn of the event loop (or after `MAX_BATCH_TRANSACTIONS` / `MAX_BATCH_MS`, or when a
 * transaction still open then ends). A transaction's commit resolves only once that physical
 * COMMIT has succeeded (`BoundSqliteConnection.commit` waits for it), so "committed" still means
 * durable before anything is done outside the database; if the COMMIT fails, every transaction
 * of the batch fails. A write outside a transaction that lands in an open batch waits the same way.
 * Reads in the meantime see the batch's changes (one process, one connection).
 */
export class GroupCommitSqliteDriver implements Driver {
  private readonly waiting: Array<() => void> = [];
  private held = false;
  private inTransaction = false;
  private batch?: Batch;
  private commitScheduled = false;
  private commitWhenReleased = false;
  private readonly connection: DatabaseConnection;

  constructor(private readonly db: NativeDatabase) {
    this.connection = {
      executeQuery: async <R>(query: CompiledQuery) => this.execute(query) as QueryResult<R>,
      streamQuery: <R>(query: CompiledQuery) => this.stream(query) as AsyncIterableIterator<QueryResult<R>>,
    };
  }

  /** What the transaction now open has to wait for once it has ended. */
  openBatch(): Promise<void> | undefined {
    return this.batch?.durable;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held = true;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    if (this.batch && !this.inTransaction) {
      if (this.commitWhenReleased || this.batch.transactions >= MAX_BATCH_TRANSACTIONS || performance.now() - this.batch.openedAt >= MAX_BATCH_MS) this.commitBatch();
      else this.scheduleCommit();
    }
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  async beginTransaction(): Promise<void> {
    // SQLite rolled the open batch back itself (a failed statement outside a transaction): it is lost.
    if (this.batch && !this.db.inTransaction) this.abandonBatch(new Error('SQLite rolled back the transaction batch'));
    if (!this.batch) {
      // The write lock up front: another process on the same file waits (busy timeout) instead of
      // failing with SQLITE_BUSY when this batch, having read first, wants to write.
      this.run('begin immediate');
      this.batch = new Batch();
    }
    this.run('savepoint hub_batch_member');
    this.batch.transactions += 1;
    this.inTransaction = true;
  }

  async commitTransaction(): Promise<void> {
    this.inTransaction = false;
    this.run('release hub_batch_member');
  }

  async rollbackTransaction(): Promise<void> {
    this.inTransaction = false;
    // SQLite rolls the whole physical transaction back itself on some errors (I/O, full disk).
    if (!this.db.inTransaction) return this.abandonBatch(new Error('SQLite rolled back the transaction batch'));
    this.run('rollback to hub_batch_member');
    this.run('release hub_batch_member');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`savepoint "${name}"`);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`rollback to "${name}"`);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`release "${name}"`);
  }

  async destroy(): Promise<void> {
    if (this.batch) this.commitBatch();
    this.db.close();
  }

  /**
   * Commits once the work that is ready to run has had its turn (transactions it starts join the
   * batch); if one is open then, the batch commits when it ends.
   */
  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      if (!this.batch) return;
      if (this.held) this.commitWhenReleased = true;
      else this.commitBatch();
    });
  }

  private commitBatch(): void {
    const batch = this.batch as Batch;
    this.batch = undefined;
    this.commitWhenReleased = false;
    try {
      if (!this.db.inTransaction) throw new Error('SQLite rolled back the transaction batch');
      this.run('commit');
      batch.resolve();
    } catch (error) {
      if (this.db.inTransaction) this.run('rollback');
      batch.reject(error);
    }
  }

  private abandonBatch(error: Error): void {
    this.batch?.reject(error);
    this.batch = undefined;
    this.commitWhenReleased = false;
  }

  private run(sql: string): void {
    this.db.prepare(sql).run([]);
  }

  private execute(query: CompiledQuery): QueryResult<unknown> & { [DURABLE]?: Promise<void> } {
    const statement = this.db.prepare(query.sql);
    if (statement.reader) return { rows: statement.all(query.parameters) };
    const { changes, lastInsertRowid } = statement.run(query.parameters);
    const durable = this.batch && !this.inTransaction ? this.batch.durable : undefined;
    return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [], ...(durable ? { [DURABLE]: durable } : {}) };
  }

  private async *stream(query: CompiledQuery): AsyncIterableIterator<QueryResult<unknown>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    for (const row of this.db.prepare(query.sql).iterate(query.parameters)) yield { rows: [row] };
  }
}

/** Connections are handed out by the driver itself (one at a time), so it sees who waits. */
class GroupCommitAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(private readonly driver: GroupCommitSqliteDriver) {
    super({ database: {} as never });
  }

  override createDriver(): Driver {
    return this.driver;
  }

  override createAdapter(): DialectAdapter {
    return new GroupCommitAdapter();
  }
}
