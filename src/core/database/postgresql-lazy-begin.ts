import type { Configuration } from '@mikro-orm/core';
import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Client, QueryResult } from 'pg';

const OPENS = /^\s*(begin|start\s+transaction)\b/i;
const ENDS = /^\s*(commit|rollback)\s*;?\s*$/i;

/**
 * A `pg` client that sends a transaction's `BEGIN` together with its first statement, in one
 * simple-protocol message (`begin;<statement>`), instead of a round trip of its own. MikroORM
 * inlines parameter values, so statements are plain text and may be sent this way; one with bound
 * parameters gets its `BEGIN` sent first, as usual. A transaction that ends before any statement
 * never reaches the server. The first statement's result is the last of the message's results;
 * if it fails, the transaction is open and aborted, and the caller's rollback ends it as before.
 *
 * Every commit on the hub's hot paths is a short transaction of a few statements, each a round
 * trip: the begin was one in four or five of them.
 */
export class LazyBeginClient extends Client {
  private pendingBegin: string | null = null;

  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || typeof values === 'function' || callback !== undefined) return this.send(args) as never;
    const plain = values === undefined || (Array.isArray(values) && values.length === 0);
    if (OPENS.test(text) && plain && this.pendingBegin === null) {
      this.pendingBegin = text;
      return Promise.resolve(emptyResult('BEGIN')) as never;
    }
    const begin = this.pendingBegin;
    if (begin === null) return this.send(args) as never;
    this.pendingBegin = null;
    if (ENDS.test(text)) return Promise.resolve(emptyResult(text.trim().replace(/;$/, '').toUpperCase())) as never;
    if (!plain) {
      // The client queues queries in order: the begin runs before the statement.
      (this.send([begin]) as Promise<unknown>).catch(() => undefined);
      return this.send(args) as never;
    }
    return (this.send([`${begin};\n${text}`]) as Promise<QueryResult | QueryResult[]>).then((results) => (Array.isArray(results) ? results[results.length - 1] : results)) as never;
  }

  private send(args: unknown[]): unknown {
    return (super.query as (...rest: unknown[]) => unknown).apply(this, args);
  }
}

function emptyResult(command: string): QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

/** MikroORM's PostgreSQL connection with `LazyBeginClient` in its pool. */
export class LazyBeginPostgreSqlConnection extends PostgreSqlConnection {
  override createKyselyDialect(overrides: Record<string, unknown>): ReturnType<PostgreSqlConnection['createKyselyDialect']> {
    return super.createKyselyDialect({ ...overrides, Client: LazyBeginClient });
  }
}

export class LazyBeginPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: LazyBeginPostgreSqlConnection }).connection = new LazyBeginPostgreSqlConnection(this.config);
  }
}
