import { isRaw, JsonProperty, Utils } from '@mikro-orm/core';
import type { Configuration, LogContext, TransactionEventBroadcaster } from '@mikro-orm/core';
import { NativeQueryBuilder } from '@mikro-orm/sql';
import type { SqlitePlatform } from '@mikro-orm/sql';
import { SqliteConnection, SqliteDriver } from '@mikro-orm/sqlite';
import { CompiledQuery } from 'kysely';
import type { ControlledTransaction, Dialect } from 'kysely';
import { DURABLE, GroupCommitSqliteDialect, GroupCommitSqliteDriver, NativeDatabase } from './sqlite-group-commit';

type SqliteValue = string | bigint | number | Buffer | null;
type Cacheable = { prepare(sql: string): { busy: boolean } };

/** Prepared statements kept per connection; the hot path uses a few dozen distinct statements. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * MikroORM 7 inlines every parameter into the SQL text, so SQLite compiles each statement afresh
 * (a tenth of the CPU under write load). This connection sends `?` placeholders with bound values
 * instead, converted exactly as the inlined literals would have been (integers as INTEGER, dates
 * as epoch milliseconds, booleans as 1/0, objects as JSON), and keeps the compiled statements.
 * Transactions go through the group commit of `GroupCommitSqliteDriver`.
 */
export class BoundSqliteConnection extends SqliteConnection {
  private groupCommit?: GroupCommitSqliteDriver;

  override createKyselyDialect(options: Record<string, unknown>): Dialect {
    super.createKyselyDialect(options);
    const database = (this as unknown as { database: NativeDatabase }).database;
    cacheStatements(database);
    this.groupCommit = new GroupCommitSqliteDriver(database);
    return new GroupCommitSqliteDialect(this.groupCommit);
  }

  /** A transaction has committed once the batch it joined has (see `GroupCommitSqliteDriver`). */
  override async commit(ctx: ControlledTransaction<any, any>, eventBroadcaster?: TransactionEventBroadcaster, loggerContext?: LogContext): Promise<void> {
    const durable = 'savepointName' in ctx ? undefined : this.groupCommit?.openBatch();
    await super.commit(ctx, eventBroadcaster, loggerContext);
    await durable;
  }

  override async execute<T>(query: unknown, params: unknown[] = [], method: 'all' | 'get' | 'run' = 'all', ctx?: unknown, loggerContext?: Record<string, unknown>): Promise<T> {
    if (query instanceof NativeQueryBuilder) query = query.toRaw();
    if (isRaw(query)) {
      params = query.params;
      query = query.sql;
    }
    if (typeof query !== 'string' || !Array.isArray(params) || loggerContext?.signal != null || this.config.getLogger().isEnabled('query', loggerContext as never)) {
      const result = await super.execute(query as never, params, method, ctx as never, loggerContext as never);
      // Outside a transaction, a write may have joined the open batch: wait for it (conservatively).
      if (!ctx) await this.groupCommit?.openBatch();
      return result as T;
    }
    await this.ensureConnection();
    const sql = this.config.get('onQuery')(query, params);
    const bound = bindParameters(this.platform as SqlitePlatform, sql, params);
    return this.executeQuery(sql, async () => {
      const client = (ctx ?? this.getClient()) as { executeQuery(query: CompiledQuery): Promise<{ [DURABLE]?: Promise<void> }> };
      const res = await client.executeQuery(CompiledQuery.raw(bound.sql, bound.values));
      await res[DURABLE];
      return this.transformRawResult(res as never, method);
    }, { query: sql, params, ...loggerContext } as never) as Promise<T>;
  }
}

/** The SQLite driver of MikroORM with `BoundSqliteConnection`. */
export class BoundSqliteDriver extends SqliteDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: BoundSqliteConnection }).connection = new BoundSqliteConnection(this.config);
  }
}

/**
 * `?` placeholders get bound values, `??` stays an inlined identifier and `\?` a literal question
 * mark, as in `Platform.formatQuery`; arrays expand to one placeholder per element.
 */
export function bindParameters(platform: SqlitePlatform, sql: string, params: readonly unknown[]): { sql: string; values: SqliteValue[] } {
  if (params.length === 0) return { sql, values: [] };
  const values: SqliteValue[] = [];
  let out = '';
  let pos = 0;
  let next = 0;
  for (let idx = sql.indexOf('?'); idx !== -1; idx = sql.indexOf('?', pos)) {
    if (idx > 0 && sql[idx - 1] === '\\') {
      out += `${sql.slice(pos, idx - 1)}?`;
      pos = idx + 1;
    } else if (sql[idx + 1] === '?') {
      out += sql.slice(pos, idx) + platform.quoteIdentifier(params[next++] as string);
      pos = idx + 2;
    } else {
      out += sql.slice(pos, idx) + placeholder(platform, params[next++], values);
      pos = idx + 1;
    }
  }
  return { sql: out + sql.slice(pos), values };
}

function placeholder(platform: SqlitePlatform, value: unknown, values: SqliteValue[]): string {
  if (Array.isArray(value) && !(value as unknown as Record<PropertyKey, unknown>)[JsonProperty]) return value.map((item) => placeholder(platform, item, values)).join(', ');
  if (isRaw(value)) return platform.formatQuery(value.sql, value.params);
  values.push(sqliteValue(value));
  return '?';
}

function sqliteValue(value: unknown): SqliteValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'bigint':
      return value;
    // An inlined integer literal is an INTEGER; a bound JS number would be a REAL.
    case 'number':
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    case 'boolean':
      return value ? 1n : 0n;
    default:
  }
  if (value instanceof Date) return BigInt(value.getTime());
  if (Buffer.isBuffer(value)) return value;
  if (Utils.isPlainObject(value) || (value as Record<PropertyKey, unknown>)[JsonProperty]) return JSON.stringify(value);
  return String(value);
}

/** Compiled statements are reused (LRU); one still being iterated is never handed out twice. */
function cacheStatements(database: Cacheable): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, ReturnType<Cacheable['prepare']>>();
  database.prepare = (sql: string) => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = prepare(sql);
    if (!cached) {
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  };
}
