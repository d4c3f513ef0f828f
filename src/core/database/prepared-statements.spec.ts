import type { EntityManager } from '@mikro-orm/core';
import { preparedOn, prepareStatementOf, sqlOf } from './prepared-statements';

const on = (preparedStatements: boolean | undefined) => ({ getDriver: () => ({ preparedStatements }) }) as unknown as EntityManager;

describe('prepared statements', () => {
  it('sends an execute of a registered name where the driver prepares, the SQL itself elsewhere', () => {
    const sql = "select id from spec_table where a = ? and b = '?' and \"c?\" = ?";
    const statement = preparedOn(on(true), sql, 2);
    const name = /^execute (hub_p\d+)\(\?, \?\)$/.exec(statement)?.[1] as string;
    expect(name).toBeDefined();
    expect(preparedOn(on(true), sql, 2)).toBe(statement);
    expect(prepareStatementOf(name)).toBe(`prepare ${name} as select id from spec_table where a = $1 and b = '?' and "c?" = $2`);
    expect(prepareStatementOf(name, `${name}_g2`)).toMatch(new RegExp(`^prepare ${name}_g2 as `));
    expect(sqlOf(`/* deferred */ execute ${name}(1, 2)`)).toBe("select id from spec_table where a = $1 and b = '?' and \"c?\" = $2");
    expect(preparedOn(on(false), sql, 2)).toBe(sql);
    expect(preparedOn(on(undefined), sql, 2)).toBe(sql);
  });
});
