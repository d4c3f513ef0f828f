import { JsonProperty, raw } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';
import Database from 'better-sqlite3';
import { bindParameters } from './sqlite-bound-connection';

describe('bindParameters (SQLite statements with bound values)', () => {
  const platform = new SqlitePlatform();
  const db = new Database(':memory:');
  const typesOf = (sql: string, params: unknown[]) => {
    const bound = bindParameters(platform, sql, params);
    return { ...bound, row: db.prepare(bound.sql).get(bound.values) as Record<string, unknown> };
  };

  it('binds what the inlined literal would have been, with the same SQLite type', () => {
    const at = new Date('2026-11-23T10:00:00.123Z');
    const { sql, row } = typesOf('select typeof(?) as i, typeof(?) as r, ? as b, typeof(?) as d, ? as dv, ? as j, ? as s, ? as n', [3, 1.5, true, at, at, { a: [1] }, "it's", undefined]);
    expect(sql).toBe('select typeof(?) as i, typeof(?) as r, ? as b, typeof(?) as d, ? as dv, ? as j, ? as s, ? as n');
    expect(row).toEqual({ i: 'integer', r: 'real', b: 1, d: 'integer', dv: at.getTime(), j: '{"a":[1]}', s: "it's", n: null });
  });

  it('expands arrays (not JSON values), inlines identifiers (??) and raw fragments, keeps escaped question marks', () => {
    const tagged = Object.assign([1, 2], { [JsonProperty]: true });
    const bound = bindParameters(platform, 'select ?? from t where id in (?) and x = ? and y = \\? and z = ?', ['col', ['a', 'b', 'c'], raw('lower(?)', ['Q']), tagged]);
    expect(bound.sql).toBe("select `col` from t where id in (?, ?, ?) and x = lower('Q') and y = ? and z = ?");
    expect(bound.values).toEqual(['a', 'b', 'c', '[1,2]']);
  });

  it('leaves a statement without parameters untouched', () => {
    expect(bindParameters(platform, 'select 1 where 1 = 1', [])).toEqual({ sql: 'select 1 where 1 = 1', values: [] });
  });
});
