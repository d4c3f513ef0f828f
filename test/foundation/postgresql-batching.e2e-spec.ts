import { Client, Pool, PoolClient } from 'pg';
import { BatchingClient, DEFERRED } from '../../src/core/database/postgresql-batching';
import { preparedStatement } from '../../src/core/database/prepared-statements';
import { createTestDatabase, TestDatabase, testMode } from '../helpers/test-app';

/**
 * PostgreSQL only (scale-out mode): statements whose answer says nothing (a transaction's BEGIN,
 * savepoints, deferred writes) travel with the next statement that needs an answer.
 */
(testMode === 'scale-out' ? describe : describe.skip)('PostgreSQL statements held for the next one', () => {
  let database: TestDatabase;
  let pool: Pool;
  let sent: string[];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.env.DATABASE_URL, Client: BatchingClient, max: 2 });
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

  /** Runs `work` on one pooled connection (a BatchingClient), released afterwards. */
  const onOneConnection = async (work: (client: PoolClient) => Promise<void>) => {
    const client = await pool.connect();
    try {
      await work(client);
    } finally {
      client.release();
    }
  };
  const count = async (where: string) => Number((await pool.query(`select count(*) as n from lazy_begin where ${where}`)).rows[0].n);

  it('commits a transaction in one round trip fewer, with the statement result as the answer', async () => {
    await onOneConnection(async (client) => {
      expect((await client.query('begin')).command).toBe('BEGIN');
      const inserted = await client.query("insert into lazy_begin (id, v) values (1, 'a'), (2, 'b') returning id");
      expect(inserted.rows).toEqual([{ id: 1 }, { id: 2 }]);
      expect(inserted.rowCount).toBe(2);
      const read = await client.query('select v from lazy_begin order by id');
      expect(read.rows.map((row) => row.v)).toEqual(['a', 'b']);
      await client.query('commit');
    });
    expect(sent).toEqual(["begin;\ninsert into lazy_begin (id, v) values (1, 'a'), (2, 'b') returning id", 'select v from lazy_begin order by id', 'commit']);
    expect(await count('id in (1, 2)')).toBe(2);
  });

  it('keeps transaction semantics: a rollback undoes the combined statement, an empty transaction sends nothing', async () => {
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query("insert into lazy_begin (id, v) values (3, 'c')");
      await client.query('rollback');
      await client.query('begin');
      await client.query('commit');
    });
    expect(sent).toEqual(["begin;\ninsert into lazy_begin (id, v) values (3, 'c')", 'rollback']);
    expect(await count('id = 3')).toBe(0);
  });

  it('leaves a failed first statement to the caller’s rollback, and the connection usable', async () => {
    await onOneConnection(async (client) => {
      await client.query('begin');
      await expect(client.query("insert into lazy_begin (id, v) values (1, 'duplicate')")).rejects.toMatchObject({ code: '23505' });
      await expect(client.query('select 1')).rejects.toMatchObject({ code: '25P02' });
      await client.query('rollback');
      expect((await client.query('select 2 as n')).rows).toEqual([{ n: 2 }]);
    });
  });

  it('sends the begin on its own before a statement with bound parameters', async () => {
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query('insert into lazy_begin (id, v) values ($1, $2)', [4, 'd']);
      await client.query('rollback');
    });
    expect(sent).toEqual(['begin', 'insert into lazy_begin (id, v) values ($1, $2)', 'rollback']);
    expect(await count('id = 4')).toBe(0);
  });

  it('sends savepoints, their releases and deferred writes with the next statement or the commit', async () => {
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query('savepoint a');
      await client.query("insert into lazy_begin (id, v) values (10, 'x')");
      expect((await client.query('release savepoint a')).command).toBe('RELEASE');
      const deferred = await client.query(`${DEFERRED}insert into lazy_begin (id, v) values (11, 'y')`);
      expect(deferred.rowCount).toBeNull();
      await client.query('commit');
    });
    expect(sent).toEqual(["begin;\nsavepoint a;\ninsert into lazy_begin (id, v) values (10, 'x')", `release savepoint a;\n${DEFERRED}insert into lazy_begin (id, v) values (11, 'y');\ncommit`]);
    expect(await count('id in (10, 11)')).toBe(2);
  });

  it('drops a savepoint released or rolled back before anything in it reached the server, with what was held after it', async () => {
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query("insert into lazy_begin (id, v) values (12, 'kept')");
      await client.query('savepoint empty');
      await client.query('release savepoint empty');
      await client.query('savepoint undone');
      await client.query(`${DEFERRED}insert into lazy_begin (id, v) values (13, 'undone')`);
      expect((await client.query('rollback to savepoint undone')).command).toBe('ROLLBACK');
      await client.query('commit');
    });
    expect(sent).toEqual(["begin;\ninsert into lazy_begin (id, v) values (12, 'kept')", 'savepoint undone;\ncommit']);
    expect(await count('id = 12')).toBe(1);
    expect(await count('id = 13')).toBe(0);
  });

  it('fails the statement a failing deferred write travels with; the rollback leaves nothing and the connection usable', async () => {
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query("insert into lazy_begin (id, v) values (14, 'first')");
      await client.query(`${DEFERRED}insert into lazy_begin (id, v) values (1, 'duplicate')`);
      await expect(client.query('select 1')).rejects.toMatchObject({ code: '23505' });
      await client.query('rollback');
      expect((await client.query('select 2 as n')).rows).toEqual([{ n: 2 }]);
      // Outside a transaction a deferred write is sent at once.
      await client.query(`${DEFERRED}insert into lazy_begin (id, v) values (15, 'alone')`);
    });
    expect(sent.at(-1)).toBe(`${DEFERRED}insert into lazy_begin (id, v) values (15, 'alone')`);
    expect(await count('id = 14')).toBe(0);
    expect(await count('id = 15')).toBe(1);
  });
  it('prepares a registered statement once per connection, in the message that first executes it', async () => {
    const insert = preparedStatement('insert into lazy_begin (id, v) values (?, ?)', 2);
    const name = /^execute (hub_p\d+)\(\?, \?\)$/.exec(insert)?.[1] as string;
    const values = (id: number, v: string) => insert.replace('?, ?', `${id}, '${v}'`);
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query(DEFERRED + values(40, 'p'));
      await client.query('commit');
      await client.query(values(41, 'q'));
      // The prepared statement outlives a rollback.
      await client.query('begin');
      await client.query(values(42, 'r'));
      await client.query('rollback');
      await client.query(values(43, 's'));
    });
    expect(sent).toEqual([
      `prepare ${name} as insert into lazy_begin (id, v) values ($1, $2);\nbegin;\n${DEFERRED}execute ${name}(40, 'p');\ncommit`,
      `execute ${name}(41, 'q')`,
      `begin;\nexecute ${name}(42, 'r')`,
      'rollback',
      `execute ${name}(43, 's')`,
    ]);
    expect(await count('id between 40 and 43')).toBe(3);
  });

  it('after a message that prepared fails, uses names of a new generation on that connection', async () => {
    const insert = preparedStatement('insert into lazy_begin (v, id) values (?, ?)', 2);
    const name = /^execute (hub_p\d+)/.exec(insert)?.[1] as string;
    const values = (id: number, v: string) => insert.replace('?, ?', `'${v}', ${id}`);
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query(DEFERRED + values(50, 't'));
      // The same key again: the message (prepare, begin, both inserts) fails at the second insert.
      await expect(client.query(values(50, 'u'))).rejects.toMatchObject({ code: '23505' });
      await client.query('rollback');
      await client.query(values(51, 'v'));
      await client.query(values(52, 'w'));
    });
    expect(sent.slice(-3)).toEqual(['rollback', `prepare ${name}_g1 as insert into lazy_begin (v, id) values ($1, $2);\nexecute ${name}_g1('v', 51)`, `execute ${name}_g1('w', 52)`]);
    expect(await count('id between 50 and 52')).toBe(2);
  });
  it('prepares again, under a new name, a statement the server no longer has (DEALLOCATE ALL by a pooler)', async () => {
    const select = preparedStatement('select v from lazy_begin where id = ?', 1);
    const name = /^execute (hub_p\d+)/.exec(select)?.[1] as string;
    await onOneConnection(async (client) => {
      await client.query("insert into lazy_begin (id, v) values (60, 'x')");
      expect((await client.query(select.replace('?', '60'))).rows).toEqual([{ v: 'x' }]);
      await client.query('deallocate all');
      await expect(client.query(select.replace('?', '60'))).rejects.toMatchObject({ code: '26000' });
      expect((await client.query(select.replace('?', '60'))).rows).toEqual([{ v: 'x' }]);
    });
    expect(sent.at(-1)).toMatch(new RegExp(`^prepare ${name}_g\\d+ as select v from lazy_begin where id = \\$1;\nexecute ${name}_g\\d+\\(60\\)$`));
  });
  it('fails the commit of a transaction an earlier (swallowed) error aborted, which PostgreSQL answers with ROLLBACK', async () => {
    await onOneConnection(async (client) => {
      await client.query('begin');
      await client.query("insert into lazy_begin (id, v) values (70, 'lost')");
      await expect(client.query('select 1/0')).rejects.toMatchObject({ code: '22012' });
      await expect(client.query('commit')).rejects.toMatchObject({ code: '25P02' });
      await client.query('begin');
      await client.query("insert into lazy_begin (id, v) values (71, 'kept')");
      expect((await client.query('commit')).command).toBe('COMMIT');
    });
    expect(await count('id in (70, 71)')).toBe(1);
  });
});
