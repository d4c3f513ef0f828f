import type { Configuration } from '@mikro-orm/core';
import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Client, QueryResult } from 'pg';
import { EXECUTE_STATEMENT, prepareStatementOf } from './prepared-statements';

/** PostgreSQL's "prepared statement … does not exist". */
const INVALID_STATEMENT_NAME = '26000';

/** Marks a write whose result nobody waits for: it may travel with the transaction's next statement. */
export const DEFERRED = '/* deferred */ ';

const OPENS = /^\s*(begin|start\s+transaction)\b/i;
const COMMIT = /^\s*commit\s*;?\s*$/i;
const ROLLBACK = /^\s*rollback\s*;?\s*$/i;
const SAVEPOINT = /^\s*savepoint\s+(\w+)\s*;?\s*$/i;
const RELEASE = /^\s*release\s+savepoint\s+(\w+)\s*;?\s*$/i;
const ROLLBACK_TO = /^\s*rollback\s+to\s+savepoint\s+(\w+)\s*;?\s*$/i;

/**
 * A `pg` client that holds back the statements of a transaction whose answer says nothing and
 * sends them with the next statement that needs an answer, in one simple-protocol message
 * (`begin;savepoint a;<statement>`), instead of a round trip each: the `BEGIN`, savepoints and
 * their releases, and writes marked `DEFERRED` (audit entries, outbox rows, step results). The
 * `COMMIT` takes whatever is still held. MikroORM inlines parameter values, so statements are
 * plain text and may be sent this way; one with bound parameters gets the held statements sent
 * first, as usual.
 *
 * What is never sent is answered here: a transaction that ends before any statement never
 * reaches the server, a savepoint released before anything ran in it is dropped, and one rolled
 * back before then drops what was held after it. A held write that fails fails the statement it
 * travels with (the message stops at the first error and the transaction is aborted), so the
 * caller's rollback ends the transaction as before; a write whose failure its caller must tell
 * apart (a duplicate key it handles) is not to be marked.
 *
 * Every commit on the hub's hot paths is a short transaction of a few statements; each round trip
 * to the server costs both processes a wake-up on a machine whose cores they share.
 *
 * A message that executes one of the hub's prepared statements (`prepared-statements.ts`) not yet
 * prepared on this connection starts with its `prepare`. Prepared statements outlive transactions
 * (a rollback keeps them); if a message that prepares fails, what it prepared is unknown, so the
 * connection starts a new generation of names (`hub_p3_g1`) rather than ask the server.
 */
export class BatchingClient extends Client {
  private held: string[] = [];
  /** True from the `BEGIN` (held or sent) to the end of the transaction. */
  private inTransaction = false;
  /** True while the held statements start with this transaction's `BEGIN` (nothing has reached the server yet). */
  private beginHeld = false;
  /** Statements prepared on this connection (by registered name). */
  private readonly prepared = new Set<string>();
  /** How many times this connection gave up its prepared names (each time appending `_g<n>` to them). */
  private renames = 0;

  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || typeof values === 'function' || callback !== undefined) return this.sendAfterHeld(args) as never;
    const plain = values === undefined || (Array.isArray(values) && values.length === 0);
    if (!plain) return this.sendAfterHeld(args) as never;
    return this.plain(text) as never;
  }

  private plain(text: string): Promise<QueryResult> {
    if (!this.inTransaction) {
      if (!OPENS.test(text)) return EXECUTE_STATEMENT.test(text) ? this.combined([text]) : (this.send([text]) as Promise<QueryResult>);
      this.inTransaction = true;
      this.beginHeld = true;
      this.held.push(text);
      return done('BEGIN');
    }
    if (text.startsWith(DEFERRED) || SAVEPOINT.test(text)) {
      this.held.push(text);
      return done(text.startsWith(DEFERRED) ? 'DEFERRED' : 'SAVEPOINT');
    }
    const released = RELEASE.exec(text);
    if (released) {
      const last = this.held[this.held.length - 1];
      if (last !== undefined && SAVEPOINT.exec(last)?.[1] === released[1]) this.held.pop();
      else this.held.push(text);
      return done('RELEASE');
    }
    const undone = ROLLBACK_TO.exec(text);
    if (undone) {
      const at = this.held.findLastIndex((statement) => SAVEPOINT.exec(statement)?.[1] === undone[1]);
      if (at >= 0) {
        // Nothing after the savepoint has run: what is held after it is dropped, the savepoint stays.
        this.held.length = at + 1;
        return done('ROLLBACK');
      }
    } else if (ROLLBACK.test(text)) {
      const sent = !this.beginHeld;
      this.endTransaction();
      return sent ? (this.send([text]) as Promise<QueryResult>) : done('ROLLBACK');
    } else if (COMMIT.test(text)) {
      if (this.beginHeld && this.held.every((statement) => OPENS.test(statement) || SAVEPOINT.test(statement) || RELEASE.test(statement))) {
        this.endTransaction();
        return done('COMMIT');
      }
      const statements = this.withHeld(text);
      this.endTransaction();
      return this.combined(statements).then(committed);
    }
    return this.combined(this.withHeld(text));
  }

  /** The held statements, which are no longer held. */
  private takeHeld(): string[] {
    const held = this.held;
    this.held = [];
    this.beginHeld = false;
    return held;
  }

  /** The held statements, which are no longer held, then `text`. */
  private withHeld(text: string): string[] {
    const held = this.takeHeld();
    held.push(text);
    return held;
  }

  /** Sends statements in one message; its answer is the last statement's (prepares excluded). */
  private combined(statements: string[]): Promise<QueryResult> {
    const preparing: string[] = [];
    const message: string[] = [];
    let executes = false;
    for (const statement of statements) {
      const name = EXECUTE_STATEMENT.exec(statement)?.[1];
      if (name === undefined) {
        message.push(statement);
        continue;
      }
      executes = true;
      const as = this.renames === 0 ? name : `${name}_g${this.renames}`;
      message.push(as === name ? statement : statement.replace(`execute ${name}`, `execute ${as}`));
      if (this.prepared.has(as) || preparing.includes(as)) continue;
      const prepare = prepareStatementOf(name, as);
      if (prepare === undefined) throw new Error(`${name} is not a registered prepared statement`);
      preparing.push(as);
      message.unshift(prepare);
    }
    const sent = this.send([message.join(';\n')]) as Promise<QueryResult | QueryResult[]>;
    if (executes) {
      sent.then(
        () => preparing.forEach((name) => this.prepared.add(name)),
        (error: { code?: string }) => {
          // What a failed message prepared is unknown, and a statement the server no longer has
          // (DEALLOCATE ALL by a pooler) must be prepared again: start new names on this connection.
          if (preparing.length > 0 || error.code === INVALID_STATEMENT_NAME) this.renamePrepared();
        },
      );
    }
    return sent.then((results) => (Array.isArray(results) ? results[results.length - 1] : results));
  }

  private renamePrepared(): void {
    this.renames += 1;
    this.prepared.clear();
  }

  /**
   * A query the held statements cannot join: they go first, on their own (the client sends queries
   * in order); if they fail, the transaction is aborted and this query fails with it.
   */
  private sendAfterHeld(args: unknown[]): unknown {
    const held = this.takeHeld();
    if (held.length > 0) this.combined(held).catch(() => undefined);
    return this.send(args);
  }

  private endTransaction(): void {
    this.held = [];
    this.inTransaction = false;
    this.beginHeld = false;
  }

  private send(args: unknown[]): unknown {
    return (super.query as (...rest: unknown[]) => unknown).apply(this, args);
  }
}

/**
 * PostgreSQL answers the `COMMIT` of a transaction an earlier error aborted with `ROLLBACK`, not
 * with an error: a caller that went on after swallowing that error would take its writes for
 * committed. Such a commit fails here instead.
 */
function committed(result: QueryResult): QueryResult {
  if (result.command !== 'ROLLBACK') return result;
  throw Object.assign(new Error('The transaction was aborted by an earlier error: COMMIT rolled it back, nothing was written'), { code: '25P02' });
}

function done(command: string): Promise<QueryResult> {
  return Promise.resolve({ command, rowCount: null, oid: 0, rows: [], fields: [] });
}

/** MikroORM's PostgreSQL connection with `BatchingClient` in its pool. */
export class BatchingPostgreSqlConnection extends PostgreSqlConnection {
  override createKyselyDialect(overrides: Record<string, unknown>): ReturnType<PostgreSqlConnection['createKyselyDialect']> {
    return super.createKyselyDialect({ ...overrides, Client: BatchingClient });
  }
}

export class BatchingPostgreSqlDriver extends PostgreSqlDriver {
  /** Whether the hub's hot statements run as server-side prepared statements (`prepared-statements.ts`). */
  readonly preparedStatements: boolean = false;

  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: BatchingPostgreSqlConnection }).connection = new BatchingPostgreSqlConnection(this.config);
  }
}

/** `BatchingPostgreSqlDriver` with prepared statements (the default; `HUB_DATABASE_PREPARED_STATEMENTS=false` turns them off). */
export class PreparingPostgreSqlDriver extends BatchingPostgreSqlDriver {
  override readonly preparedStatements = true;
}
