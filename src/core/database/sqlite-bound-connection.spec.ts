import { JsonProperty, MikroORM, raw } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';
import { AuditEntry } from '../audit/audit-entry.entity';
import { bindParameters, BoundSqliteDriver } from './sqlite-bound-connection';

describe('SQLite statements with bound values', () => {
  const platform = new SqlitePlatform();
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init({ driver: BoundSqliteDriver, dbName: ':memory:', entities: [AuditEntry], allowGlobalContext: true } as never);
  });
  afterAll(() => orm.close());

  it('binds what the inlined literal would have been, with the same SQLite type', async () => {
    const at = new Date('2026-11-23T10:00:00.123Z');
    const sql = 'select typeof(?) as i, typeof(?) as r, ? as b, typeof(?) as d, ? as dv, ? as j, ? as s, ? as n';
    const params = [3, 1.5, true, at, at, { a: [1] }, "it's", undefined];
    const row = await orm.em.getConnection().execute(sql, params, 'get');
    expect(bindParameters(platform, sql, params).sql).toBe(sql);
    expect(row).toEqual({ i: 'integer', r: 'real', b: 1, d: 'integer', dv: at.getTime(), j: '{"a":[1]}', s: "it's", n: null });
  });

  it('expands arrays (not JSON values), inlines identifiers (??) and raw fragments, keeps escaped question marks', () => {
    const tagged = Object.assign([1, 2], { [JsonProperty]: true });
    const bound = bindParameters(platform, 'select ?? from t where id in (?) and x = ? and y = \\? and z = ?', ['col', ['a', 'b', 'c'], raw('lower(?)', ['Q']), tagged]);
    expect(bound.sql).toBe("select `col` from t where id in (?, ?, ?) and x = lower('Q') and y = ? and z = ?");
    expect(bound.values).toEqual(['a', 'b', 'c', '[1,2]']);
  });

  it('reuses the compiled statement across executions', async () => {
    const connection = orm.em.getConnection();
    const first = await connection.execute('select ? as v', [1], 'get');
    const second = await connection.execute('select ? as v', ['two'], 'get');
    expect([first, second]).toEqual([{ v: 1 }, { v: 'two' }]);
  });

  it('leaves a statement without parameters untouched', () => {
    expect(bindParameters(platform, 'select 1 where 1 = 1', [])).toEqual({ sql: 'select 1 where 1 = 1', values: [] });
  });
});
