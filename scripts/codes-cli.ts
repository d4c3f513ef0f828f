/**
 * Access-code import and export against a running hub.
 *   npm run codes -- import <file.csv> [--dry-run] [--mode all-or-nothing|skip-invalid] [--length 4-6] [--portal <id>] [--report <out.csv>]
 *   npm run codes -- export [--out <file.csv>] [--include-credentials] [--status active|inactive] [--portal <id>] [--search <text>] [--expired true|false]
 * Environment: HUB_URL (default http://127.0.0.1:3000) and HUB_API_KEY (an API key with access-codes:write).
 * Exit codes: 0 done, 2 done but some rows were invalid or duplicate, 1 rejected or failed.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { request } from 'undici';

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  /** Poll interval of the import progress (ms). */
  pollMs?: number;
}

interface ImportStatus {
  id: string;
  status: string;
  finished: boolean;
  percent: number;
  rows: number;
  created: number;
  invalid: number;
  duplicate: number;
  dryRun: boolean;
  error: string | null;
}

const USAGE = `usage:
  npm run codes -- import <file.csv> [--dry-run] [--mode all-or-nothing|skip-invalid] [--length 4-6] [--portal <id>] [--report <out.csv>]
  npm run codes -- export [--out <file.csv>] [--include-credentials] [--status active|inactive] [--portal <id>] [--search <text>] [--expired true|false]
environment: HUB_URL (default http://127.0.0.1:3000), HUB_API_KEY`;

class CliError extends Error {}

export async function runCodesCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  const base = (io.env.HUB_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const key = io.env.HUB_API_KEY ?? io.env.HUB_ADMIN_API_KEY;
  if (!(command === 'import' && positional[0]) && command !== 'export') {
    io.stderr.write(`${USAGE}\n`);
    return 1;
  }
  try {
    if (!key) throw new CliError('Set HUB_API_KEY to an API key of the hub');
    const client = new HubClient(base, key);
    if (command === 'import') return await importFile(client, positional[0], flags, io);
    return await exportCodes(client, flags, io);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
}

async function importFile(client: HubClient, file: string, flags: Record<string, string | true>, io: CliIo): Promise<number> {
  const size = statSync(file).size;
  const query = new URLSearchParams({ mode: String(flags.mode ?? 'all-or-nothing'), dryRun: flags['dry-run'] ? 'true' : 'false', fileName: basename(file) });
  if (flags.length) query.set('length', String(flags.length));
  if (flags.portal) query.set('portalId', String(flags.portal));
  // The file is streamed: the CLI never holds it in memory either.
  const started = await client.json<ImportStatus>('POST', `/access-codes/import?${query}`, createReadStream(file), { 'content-type': 'text/csv', 'content-length': String(size) });
  const bar = new ProgressBar(io.stderr);
  let status = started;
  while (!status.finished) {
    bar.draw(status);
    await new Promise((resolve) => setTimeout(resolve, io.pollMs ?? 250));
    status = await client.json<ImportStatus>('GET', `/access-codes/import/jobs/${started.id}`);
  }
  bar.draw(status);
  bar.done();
  const verb = status.dryRun ? 'would create' : 'created';
  io.stdout.write(`import ${status.id}: ${status.status} — ${status.rows} rows, ${verb} ${status.created}, invalid ${status.invalid}, duplicate ${status.duplicate}\n`);
  if (status.error) io.stdout.write(`${status.error}\n`);
  await reportProblems(client, status, flags.report ? String(flags.report) : undefined, io);
  if (status.status !== 'completed') return 1;
  return status.invalid + status.duplicate > 0 ? 2 : 0;
}

interface RowOutcome {
  row: number;
  line: number;
  outcome: string;
  code: string | null;
  field: string | null;
  reason: string | null;
}

/** Prints the first problem rows; `--report` writes every row outcome as CSV. */
async function reportProblems(client: HubClient, status: ImportStatus, reportFile: string | undefined, io: CliIo): Promise<void> {
  const rowsPath = `/access-codes/import/jobs/${status.id}/rows`;
  const first: RowOutcome[] = [];
  for (const outcome of ['invalid', 'duplicate']) first.push(...(await client.json<{ items: RowOutcome[] }>('GET', `${rowsPath}?limit=20&outcome=${outcome}`)).items);
  first.sort((a, b) => a.row - b.row);
  for (const item of first.slice(0, 20)) io.stdout.write(`  row ${item.row} (line ${item.line}): ${item.outcome}${item.field ? ` [${item.field}]` : ''} ${item.reason ?? ''}\n`);
  const problems = status.invalid + status.duplicate;
  if (problems > 20) io.stdout.write(`  … ${problems - 20} more${reportFile ? '' : ' (write every row outcome with --report <file.csv>)'}\n`);
  if (!reportFile) return;
  const out = createWriteStream(reportFile);
  out.write(stringify([['row', 'line', 'outcome', 'code', 'field', 'reason']]));
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: { items: RowOutcome[]; nextCursor: string | null } = await client.json('GET', `${rowsPath}?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    out.write(stringify(page.items.map((item) => [item.row, item.line, item.outcome, item.code ?? '', item.field ?? '', item.reason ?? ''])));
    cursor = page.nextCursor;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  io.stdout.write(`row outcomes written to ${reportFile}\n`);
}

async function exportCodes(client: HubClient, flags: Record<string, string | true>, io: CliIo): Promise<number> {
  const filter: Record<string, unknown> = {};
  for (const name of ['status', 'search', 'state', 'expiryMode']) if (typeof flags[name] === 'string') filter[name] = flags[name];
  if (typeof flags.portal === 'string') filter.portalId = flags.portal;
  if (typeof flags.expired === 'string') filter.expired = flags.expired === 'true';
  const body = JSON.stringify({ filter, includeCredentials: flags['include-credentials'] === true });
  const res = await request(`${client.base}/access-codes/export`, { method: 'POST', headers: { ...client.headers, 'content-type': 'application/json' }, body });
  if (res.statusCode !== 200) throw new CliError(await problemOf(res));
  const target = typeof flags.out === 'string' ? createWriteStream(flags.out) : io.stdout;
  await pipeline(res.body, target, { end: target !== io.stdout });
  if (typeof flags.out === 'string') io.stderr.write(`exported to ${flags.out}\n`);
  return 0;
}

class HubClient {
  readonly headers: Record<string, string>;

  constructor(
    readonly base: string,
    key: string,
  ) {
    this.headers = { authorization: `Bearer ${key}` };
  }

  async json<T>(method: 'GET' | 'POST', path: string, body?: NodeJS.ReadableStream, headers: Record<string, string> = {}): Promise<T> {
    const res = await request(`${this.base}${path}`, { method, headers: { ...this.headers, ...headers }, body: body as never });
    if (res.statusCode >= 400) throw new CliError(await problemOf(res));
    return (await res.body.json()) as T;
  }
}

async function problemOf(res: { statusCode: number; body: { text(): Promise<string> } }): Promise<string> {
  const text = await res.body.text();
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string };
    return `${res.statusCode} ${problem.code ?? ''}: ${problem.detail ?? text}`;
  } catch {
    return `${res.statusCode}: ${text.slice(0, 500)}`;
  }
}

/** One line redrawn in place on a terminal; a line per 10% otherwise (logs, CI). */
class ProgressBar {
  private lastStep = -1;

  constructor(private readonly out: Writable & { isTTY?: boolean }) {}

  draw(status: ImportStatus): void {
    const width = 30;
    const filled = Math.round((status.percent / 100) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(status.percent).padStart(3)}% ${status.status} ${status.rows} rows`;
    if (this.out.isTTY) {
      this.out.write(`\r${line}`);
      return;
    }
    const step = Math.floor(status.percent / 10);
    if (step !== this.lastStep) {
      this.lastStep = step;
      this.out.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}

function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags[name] = inline;
    else if (['dry-run', 'include-credentials'].includes(name) || args[i + 1] === undefined || args[i + 1].startsWith('--')) flags[name] = true;
    else flags[name] = args[++i];
  }
  return { positional, flags };
}

if (require.main === module) {
  runCodesCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
