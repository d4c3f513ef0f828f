import { Client, Pool } from 'pg';
import { LazyBeginClient } from '../../src/core/database/postgresql-lazy-begin';
import { createTestDatabase, TestDatabase, testMode } from '../helpers/test-app';

/** PostgreSQL only (scale-out mode): a transaction's BEGIN travels with its first statement. */
(testMode === 'scale-out' ? describe : describe.skip)('PostgreSQL begin sent with the first statement', () => {
  let database: TestDatabase;
  let pool: Pool;
  let sent: string[];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.env.DATABASE_URL, Client: LazyBeginClient, max: 2 });
    await pool.query('create table lazy_begin (id integer primary key, v text not null)');
  });
  beforeEach(() => {
    sent = [];
    const original = Client.prototype.query;
    spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      sent.push(typeof args[0] === 'string' ? args[0] : '(query object)');
      return (original as (...rest: unknown[]) => unknown).apply(this, args) as never;
    });
  });
  afterEach(() => spy.mockRestore());
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const count = async (where: string) => Number((await pool.query(`select count(*) as n from lazy_begin where ${where}`)).rows[0].n);

  it('commits a transaction in one round trip fewer, with the statement result as the answer', async () => {
    const client = await pool.connect();
    try {
      expect((await client.query('begin')).command).toBe('BEGIN');
      const inserted = await client.query("insert into lazy_begin (id, v) values (1, 'a'), (2, 'b') returning id");
      expect(inserted.rows).toEqual([{ id: 1 }, { id: 2 }]);
      expect(inserted.rowCount).toBe(2);
      const read = await client.query('select v from lazy_begin order by id');
      expect(read.rows.map((row) => row.v)).toEqual(['a', 'b']);
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(sent).toEqual(["begin;\ninsert into lazy_begin (id, v) values (1, 'a'), (2, 'b') returning id", 'select v from lazy_begin order by id', 'commit']);
    expect(await count('id in (1, 2)')).toBe(2);
  });

  it('keeps transaction semantics: a rollback undoes the combined statement, an empty transaction sends nothing', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query("insert into lazy_begin (id, v) values (3, 'c')");
      await client.query('rollback');
      await client.query('begin');
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(sent).toEqual(["begin;\ninsert into lazy_begin (id, v) values (3, 'c')", 'rollback']);
    expect(await count('id = 3')).toBe(0);
  });

  it('leaves a failed first statement to the caller’s rollback, and the connection usable', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await expect(client.query("insert into lazy_begin (id, v) values (1, 'duplicate')")).rejects.toMatchObject({ code: '23505' });
      await expect(client.query('select 1')).rejects.toMatchObject({ code: '25P02' });
      await client.query('rollback');
      expect((await client.query('select 2 as n')).rows).toEqual([{ n: 2 }]);
    } finally {
      client.release();
    }
  });

  it('sends the begin on its own before a statement with bound parameters', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('insert into lazy_begin (id, v) values ($1, $2)', [4, 'd']);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect(sent).toEqual(['begin', 'insert into lazy_begin (id, v) values ($1, $2)', 'rollback']);
    expect(await count('id = 4')).toBe(0);
  });
});
