import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../audit/audit-entry.entity';
import { BoundSqliteDriver } from './sqlite-bound-connection';

/** Group commit, through the ORM on a real SQLite file, checked from a second connection. */
describe('SQLite group commit', () => {
  let dir: string;
  let orm: MikroORM;
  let observer: MikroORM;
  let commits: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-group-commit-'));
    const options = { driver: BoundSqliteDriver, dbName: join(dir, 'hub.sqlite'), entities: [AuditEntry], allowGlobalContext: true };
    orm = await MikroORM.init(options as never);
    await orm.em.getConnection().execute('pragma journal_mode = WAL');
    await orm.em.getConnection().execute('create table t (id integer primary key, v text not null unique)');
    observer = await MikroORM.init(options as never);
    const native = (orm.em.getConnection() as unknown as { database: { prepare(sql: string): { run(...args: unknown[]): unknown } } }).database;
    const prepare = native.prepare.bind(native);
    native.prepare = (sql: string) => {
      const statement = prepare(sql) as { run(...args: unknown[]): unknown };
      if (sql !== 'commit') return statement;
      return { ...statement, run: (...args: unknown[]) => ((commits += 1), statement.run(...args)) } as never;
    };
  });
  beforeEach(() => {
    commits = 0;
  });
  afterAll(async () => {
    await orm?.close();
    await observer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const seen = async (value: string) => (await observer.em.getConnection().execute<{ n: number }[]>('select count(*) as n from t where v = ?', [value]))[0].n;
  const insert = (em: EntityManager, value: string) => em.getConnection().execute('insert into t (v) values (?)', [value], 'run', em.getTransactionContext());

  it('commits transactions that follow each other closely together, each visible to another connection once its commit resolved', async () => {
    const values = Array.from({ length: 20 }, (_, i) => `batch-${i}`);
    await Promise.all(
      values.map(async (value) => {
        await orm.em.fork().transactional((tx) => insert(tx, value));
        expect(await seen(value)).toBe(1);
      }),
    );
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(values.length);
  });

  it('rolls back only the transaction that failed, not the others of its batch', async () => {
    await orm.em.fork().transactional((tx) => insert(tx, 'taken'));
    const outcomes = await Promise.allSettled([
      orm.em.fork().transactional((tx) => insert(tx, 'before')),
      orm.em.fork().transactional(async (tx) => {
        await insert(tx, 'undone');
        await insert(tx, 'taken');
      }),
      orm.em.fork().transactional((tx) => insert(tx, 'after')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([await seen('before'), await seen('undone'), await seen('after')]).toEqual([1, 0, 1]);
  });

  it('makes a write outside a transaction wait for the batch it joined', async () => {
    const inBatch = orm.em.fork().transactional((tx) => insert(tx, 'member'));
    const outside = insert(orm.em.fork(), 'outside').then(() => seen('outside'));
    await inBatch;
    expect(await outside).toBe(1);
  });

  it('keeps nested transactions as savepoints inside the batch', async () => {
    await orm.em.fork().transactional(async (tx) => {
      await insert(tx, 'outer');
      await tx.transactional((inner) => insert(inner, 'inner-kept'));
      await tx
        .transactional(async (inner) => {
          await insert(inner, 'inner-undone');
          throw new Error('undo the savepoint');
        })
        .catch(() => undefined);
    });
    expect([await seen('outer'), await seen('inner-kept'), await seen('inner-undone')]).toEqual([1, 1, 0]);
  });
});
