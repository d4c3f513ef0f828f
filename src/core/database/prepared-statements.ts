import type { EntityManager } from '@mikro-orm/core';

/**
 * Server-side prepared statements for the hub's own hot statements on PostgreSQL, in the simple
 * protocol: the statement is sent as `execute hub_pN(<values>)` and `BatchingClient` prepares
 * `hub_pN` on each connection the first time it is used there (`prepare hub_pN as <sql>`, sent in
 * the same message). PostgreSQL then parses, analyses and plans the statement once per connection
 * instead of every time (about 40 % of its CPU on the purchase path went to those). Values stay
 * inlined literals (MikroORM formats them), so the held statements of a transaction still travel
 * together in one message.
 *
 * Only statements with a bounded set of texts are registered (the first `LIMIT` texts seen); any
 * other runs as plain SQL. Parameter types are inferred by the server from where each placeholder
 * stands (a column compared or assigned), as for any parameterised statement.
 *
 * Off with `HUB_DATABASE_PREPARED_STATEMENTS=false`, for a pooler between the hub and PostgreSQL
 * that hands a session's statements to several server connections (PgBouncer in transaction mode).
 */
const LIMIT = 300;
/** `execute hub_pN…`, deferred or not, and its name. */
export const EXECUTE_STATEMENT = /^(?:\/\* deferred \*\/ )?execute (hub_p\d+)\b/;
const byText = new Map<string, string>();
const texts = new Map<string, string>();

/** The statement to send for `sql` (`?` placeholders, no `?` inside literals): `execute hub_pN(?, …)` on PostgreSQL with prepared statements on, else `sql` itself. */
export function preparedOn(em: EntityManager, sql: string, paramCount: number): string {
  return (em.getDriver() as { preparedStatements?: boolean }).preparedStatements === true ? preparedStatement(sql, paramCount) : sql;
}

/** `execute hub_pN(?, …)` for `sql`, registered under a name of its own (`sql` itself past the limit). */
export function preparedStatement(sql: string, paramCount: number): string {
  let name = byText.get(sql);
  if (!name) {
    if (byText.size >= LIMIT) return sql;
    name = `hub_p${byText.size + 1}`;
    byText.set(sql, name);
    texts.set(name, numbered(sql));
  }
  return paramCount === 0 ? `execute ${name}` : `execute ${name}(${new Array<string>(paramCount).fill('?').join(', ')})`;
}

/** The `prepare` statement of a registered name (undefined for a name this process never registered). */
export function prepareStatementOf(name: string, as: string = name): string | undefined {
  const text = texts.get(name);
  return text === undefined ? undefined : `prepare ${as} as ${text}`;
}

/** `?` placeholders numbered `$1`, `$2`… (skipping quoted literals and identifiers). */
function numbered(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else out += char === '?' ? `$${++n}` : char;
  }
  return out;
}

/** The SQL a statement runs: the registered text of an `execute hub_pN(…)`, else the statement itself (for logs and tests). */
export function sqlOf(statement: string): string {
  const name = EXECUTE_STATEMENT.exec(statement)?.[1];
  return (name && texts.get(name)) ?? statement;
}
