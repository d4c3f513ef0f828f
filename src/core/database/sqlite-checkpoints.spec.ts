import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_AUTOCHECKPOINT_PAGES, FALLBACK_AUTOCHECKPOINT_PAGES, SqliteCheckpoints } from './sqlite-checkpoints';

/** The same SQLite library as the hub's (two copies of SQLite in one process would not see each other's locks). */
type Connection = {
  pragma(sql: string, options?: { simple: boolean }): unknown;
  exec(sql: string): void;
  prepare(sql: string): { run(...values: unknown[]): unknown; get(): unknown };
  transaction(work: () => void): () => void;
  close(): void;
};
const Database = createRequire(__filename)('better-sqlite3') as new (file: string) => Connection;

describe('SqliteCheckpoints', () => {
  let dir: string;
  let db: Connection;
  let checkpoints: SqliteCheckpoints;
  const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-checkpoints-'));
    db = new Database(join(dir, 'hub.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('create table t (id integer primary key, body text not null)');
    checkpoints = new SqliteCheckpoints(join(dir, 'hub.sqlite'), async (sql) => db.exec(sql));
  });

  afterEach(async () => {
    await checkpoints.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const waitFor = async (check: () => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('copies committed pages into the database file on its own thread; the connection that commits only keeps a distant fallback', async () => {
    await checkpoints.start();
    expect(autocheckpoint()).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    const before = statSync(join(dir, 'hub.sqlite')).size;
    // About 3 MiB: some 750 pages, fewer than any threshold of the committing connection, so only the thread can have copied them.
    db.transaction(() => {
      const insert = db.prepare('insert into t (body) values (?)');
      for (let i = 0; i < 3_000; i++) insert.run('x'.repeat(1_000));
    })();
    await waitFor(() => statSync(join(dir, 'hub.sqlite')).size > before + 3_000_000);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 3_000 });
  });

  it('gives the connection SQLite\'s default back when stopped, or when the thread dies', async () => {
    await checkpoints.start();
    await checkpoints.stop();
    expect(checkpoints.running).toBe(false);
    expect(autocheckpoint()).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);

    await checkpoints.start();
    expect(autocheckpoint()).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    await (checkpoints as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await waitFor(() => autocheckpoint() === DEFAULT_AUTOCHECKPOINT_PAGES);
    expect(checkpoints.running).toBe(false);
  });
});
