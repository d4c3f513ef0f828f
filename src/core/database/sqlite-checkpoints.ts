import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** SQLite's own threshold (pages in the WAL) for a checkpoint by the committing connection. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/** While the checkpoint thread runs, the hub's connection checkpoints only when the WAL passes this (40 MiB of 4 KiB pages): see below. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
const INTERVAL_MS = 100;
const STOP_TIMEOUT_MS = 2_000;

/** Runs a pragma on the hub's own connection to the database. */
export type RunPragma = (sql: string) => Promise<unknown>;

/**
 * WAL checkpoints of the embedded database, off the event loop. With WAL, commits append pages to
 * the log and a checkpoint copies them into the database file, with two `fsync`s; SQLite runs it
 * in whichever commit finds the log past 1,000 pages, on the committing thread, which is the
 * hub's only one: under load that was every fifteenth commit, about 6 ms each on the reference
 * machine, half of all commit time (and far longer on a slow disk), during which no request was
 * served. Here a worker thread with a connection of its own copies the committed pages every
 * 100 ms, in PASSIVE mode, which neither waits for nor blocks the hub's writes. The log can only
 * start over once a checkpoint has caught up with the last commit, which a thread of its own
 * never does while commits keep coming: the hub's connection keeps its own checkpoint at 10,000
 * pages (40 MiB of log), which by then has only the last 100 ms of pages left to copy: a tenth of
 * the checkpoints the hub's thread used to run. If the thread fails, the hub's connection goes back
 * to SQLite's default.
 */
export class SqliteCheckpoints {
  private readonly logger = new Logger('Database');
  private worker?: Worker;
  private stopping = false;

  constructor(
    private readonly file: string,
    private readonly runPragma: RunPragma,
  ) {}

  async start(): Promise<void> {
    if (this.worker) return;
    this.stopping = false;
    // The source under the test runner (Node strips the types), the build otherwise.
    const script = join(__dirname, `sqlite-checkpoint.worker${__filename.endsWith('.ts') ? '.mts' : '.mjs'}`);
    const worker = new Worker(script, { workerData: { file: this.file, intervalMs: INTERVAL_MS } });
    worker.unref();
    worker.on('error', (error) => this.logger.warn(`WAL checkpoint thread failed: ${error.message}`));
    worker.once('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.stopping) return;
      this.logger.warn(`WAL checkpoint thread stopped (exit code ${code}); the database connection checkpoints on its own again`);
      void this.runPragma(`pragma wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`).catch(() => undefined);
    });
    this.worker = worker;
    await this.runPragma(`pragma wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the thread and gives the hub's connection SQLite's default back. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timeout);
    await this.runPragma(`pragma wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`).catch(() => undefined);
  }
}
