/**
 * The embedded database's WAL checkpoints, on a thread of their own (see `sqlite-checkpoints.ts`):
 * a connection of this thread copies the committed pages from the WAL into the database file
 * every `intervalMs`, in PASSIVE mode (it never waits for, nor blocks, the hub's writes).
 * Self-contained: Node runs this file as it is (its source under the test runner, its build
 * otherwise), so it imports nothing of the hub's.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

type Connection = { pragma(sql: string): unknown; close(): void };
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: { fileMustExist: boolean }) => Connection;

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file, { fileMustExist: true });

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // A PASSIVE checkpoint reports a concurrent one in its result; it can still meet a busy or
    // locked database (another connection recovering the log): the next round copies what is
    // left. Anything else ends the thread, and the hub's connection checkpoints on its own again.
    if (!/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code))) throw error;
  }
}, intervalMs);

parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
