import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { runCodesCli } from '../../scripts/codes-cli';
import { queryDb } from '../helpers/db-query';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';
import { audit, createCode, createPortal, events } from './helpers';

describe('access code import and export', () => {
  let hub: TestApp;
  let portal: { id: string; name: string };
  const dir = mkdtempSync(join(tmpdir(), 'codes-import-'));

  beforeAll(async () => {
    hub = await createTestApp();
    portal = await createPortal(hub, 'Import portal', 'http://import.example.com');
    await createCode(hub, { code: 'TAKEN1', portalId: portal.id });
  });
  afterAll(() => hub?.close());

  const upload = async (csv: string, query: Record<string, string>) => {
    const res = await hub.http.post('/access-codes/import').query(query).set('content-type', 'text/csv').send(csv).expect(202);
    expect(res.body).toMatchObject({ status: 'queued', finished: false, totalBytes: Buffer.byteLength(csv) });
    return waitFor(async () => {
      const job = (await hub.http.get(`/access-codes/import/jobs/${res.body.id}`).expect(200)).body;
      return job.finished ? job : undefined;
    }, { timeoutMs: 30_000, message: 'the import to finish' });
  };
  const rows = async (id: string, outcome?: string) => (await hub.http.get(`/access-codes/import/jobs/${id}/rows`).query({ limit: 1000, ...(outcome ? { outcome } : {}) }).expect(200)).body.items;

  const mixed = () =>
    [
      'code,portal,username,password,expiry,notes,status',
      `imp1a,${portal.name},user_a,pass-a,2030-05-01,first,active`,
      `,${portal.id},user_b,pass-b,lifetime,,inactive`,
      `IMPO1,${portal.name},user_c,pass-c,,,`,
      `IMP1A,${portal.name},user_d,pass-d,,,`,
      `TAKEN1,${portal.name},user_e,pass-e,,,`,
      `IMP2B,No such portal,user_f,pass-f,,,`,
      `IMP3C,${portal.name},user_g,,,,`,
      `IMP4D,${portal.name},user_h,pass-h,next tuesday,,`,
      `"IMP5E",${portal.name},"user, with comma","pa""ss",2030-01-01T12:00:00+02:00,"multi`,
      `line note",active`,
    ].join('\n') + '\n';

  it('dry run: reports every row outcome with its reason and writes nothing', async () => {
    const before = (await hub.http.get('/access-codes').query({ limit: 200 })).body.items.length;
    const job = await upload(mixed(), { dryRun: 'true', mode: 'skip-invalid' });
    expect(job).toMatchObject({ status: 'completed', dryRun: true, percent: 100, rows: 9, created: 3, invalid: 4, duplicate: 2 });
    const outcomes = await rows(job.id);
    expect(outcomes.map((row: { row: number; outcome: string }) => `${row.row}:${row.outcome}`)).toEqual([
      '1:created', '2:created', '3:invalid', '4:duplicate', '5:duplicate', '6:invalid', '7:invalid', '8:invalid', '9:created',
    ]);
    const byRow = Object.fromEntries(outcomes.map((row: { row: number }) => [row.row, row]));
    expect(byRow[3]).toMatchObject({ field: 'code', code: 'IMPO1' });
    expect(byRow[3].reason).toContain('letter O');
    expect(byRow[4].reason).toBe('code IMP1A repeats row 1');
    expect(byRow[5].reason).toBe('code TAKEN1 is already in use');
    expect(byRow[6]).toMatchObject({ field: 'portal', reason: 'no portal with id or name "No such portal"' });
    expect(byRow[7]).toMatchObject({ field: 'password', reason: 'password is required' });
    expect(byRow[8].field).toBe('expiry');
    expect(byRow[9]).toMatchObject({ outcome: 'created', line: 11 });
    expect((await hub.http.get('/access-codes').query({ limit: 200 })).body.items).toHaveLength(before);
    expect((await hub.http.get('/access-codes').query({ importId: job.id })).body.items).toHaveLength(0);
  });

  it('all-or-nothing: a file with problems is rejected whole', async () => {
    const job = await upload(mixed(), { mode: 'all-or-nothing' });
    expect(job).toMatchObject({ status: 'rejected', created: 0, invalid: 4, duplicate: 2 });
    expect((await hub.http.get('/access-codes').query({ importId: job.id })).body.items).toHaveLength(0);
    expect((await hub.http.get('/access-codes').query({ search: 'IMP1A' })).body.items).toHaveLength(0);
  });

  it('skip-invalid: imports the valid rows with their fields, generates missing codes, and drops the stored upload', async () => {
    const job = await upload(mixed(), { mode: 'skip-invalid', length: '5' });
    expect(job).toMatchObject({ status: 'completed', created: 3, invalid: 4, duplicate: 2 });
    const created = (await hub.http.get('/access-codes').query({ importId: job.id, sort: 'code', order: 'asc' })).body.items;
    expect(created).toHaveLength(3);
    const byUser = Object.fromEntries(created.map((code: { username: string }) => [code.username, code]));
    expect(byUser.user_a).toMatchObject({ code: 'IMP1A', expiryMode: 'date', expiresAt: '2030-05-02T00:00:00.000Z', notes: 'first', status: 'active' });
    expect(byUser.user_b).toMatchObject({ expiryMode: 'lifetime', status: 'inactive', state: 'inactive' });
    expect(byUser.user_b.code).toMatch(/^[A-NP-Z1-9]{5}$/);
    expect(byUser['user, with comma']).toMatchObject({ code: 'IMP5E', expiresAt: '2030-01-01T10:00:00.000Z', notes: 'multi\nline note' });
    const secret = await hub.http.post(`/access-codes/${byUser['user, with comma'].id}/reveal`).expect(200);
    expect(secret.body.password).toBe('pa"ss');
    const outcomes = await rows(job.id, 'created');
    expect(outcomes.map((row: { code: string }) => row.code).sort()).toEqual(created.map((code: { code: string }) => code.code).sort());
    const [imported] = (await events(hub, 'access_code.imported')).filter((event) => event.payload.importId === job.id);
    expect(imported.payload).toMatchObject({ created: 3, invalid: 4, duplicate: 2, mode: 'skip-invalid' });
    const entries = await audit(hub, { targetId: job.id });
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['access_code.import_upload', 'access_code.import']));
    expect(JSON.stringify(entries)).not.toContain('pass-a');
    const chunks = await queryDb<{ n: number | string }>(hub.database.env, `select count(*) as n from hub_access_code_import_chunk where import_id = '${job.id}'`);
    expect(Number(chunks[0].n)).toBe(0);
  });

  it('reports progress while a larger file is processed and counts every row', async () => {
    const lines = ['username,password,expiry'];
    for (let i = 0; i < 4000; i++) lines.push(`bulk_${i},pw_${i},2031-01-01`);
    const job = await upload(`${lines.join('\n')}\n`, { mode: 'all-or-nothing', portalId: portal.id, length: '6' });
    expect(job).toMatchObject({ status: 'completed', rows: 4000, created: 4000, invalid: 0, duplicate: 0, percent: 100 });
    expect(job.processedBytes).toBe(job.totalBytes);
    const page = (await hub.http.get('/access-codes').query({ importId: job.id, limit: 200 })).body;
    expect(page.items).toHaveLength(200);
    expect(new Set(page.items.map((code: { code: string }) => code.code)).size).toBe(200);
  });

  it('fails a file without the required columns, refuses other content types, and lists imports', async () => {
    const job = await upload('code,portal,user\nABCD,x,y\n', {});
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.error).toContain('username, password');
    const wrongType = await hub.http.post('/access-codes/import').send({ csv: 'x' }).expect(415);
    expect(wrongType.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await hub.http.post('/access-codes/import').set('content-type', 'text/csv').send('').expect(422);
    expect(empty.body.code).toBe('IMPORT_FILE_EMPTY');
    const list = await hub.http.get('/access-codes/import/jobs').expect(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
  });

  it('exports CSV in the import format; credentials only on request, and that is audited; the export imports again', async () => {
    const exportPortal = await createPortal(hub, 'Export portal', 'http://export.example.com');
    for (const [code, password] of [['EXP1A', 'first-pw'], ['EXP2B', 'second,pw']]) await createCode(hub, { code, password, portalId: exportPortal.id, expiresAt: '2032-02-02T00:00:00Z' });
    const plain = await hub.http.post('/access-codes/export').send({ filter: { portalId: exportPortal.id } }).buffer(true).parse(textParser as never).expect(200);
    expect(plain.headers['content-type']).toContain('text/csv');
    const plainRows = parse(plain.body as string, { columns: true }) as Array<Record<string, string>>;
    expect(plainRows.map((row) => row.code).sort()).toEqual(['EXP1A', 'EXP2B']);
    expect(Object.keys(plainRows[0])).not.toContain('password');
    expect(plain.body).not.toContain('first-pw');

    const withSecrets = await hub.http.post('/access-codes/export').send({ filter: { portalId: exportPortal.id }, includeCredentials: true }).buffer(true).parse(textParser as never).expect(200);
    const secretRows = parse(withSecrets.body as string, { columns: true }) as Array<Record<string, string>>;
    expect(secretRows.map((row) => row.password).sort()).toEqual(['first-pw', 'second,pw']);
    expect(secretRows[0]).toMatchObject({ portal: 'Export portal', portal_id: exportPortal.id, expiry: '2032-02-02T00:00:00.000Z', status: 'active' });
    const exports = await audit(hub, { action: 'access_code.export' });
    expect(exports[0].details).toMatchObject({ sensitiveColumns: ['password'], filter: { portalId: exportPortal.id } });
    expect(exports[1].details).toMatchObject({ sensitiveColumns: [] });
    expect(JSON.stringify(exports)).not.toContain('first-pw');

    await hub.http.post('/access-codes/bulk').send({ action: 'delete', filter: { portalId: exportPortal.id } }).expect(200);
    const again = await upload(withSecrets.body as string, { mode: 'all-or-nothing' });
    expect(again).toMatchObject({ status: 'completed', created: 2 });
    const back = await hub.http.get('/access-codes').query({ portalId: exportPortal.id, sort: 'code', order: 'asc' }).expect(200);
    expect(back.body.items.map((code: { code: string; expiresAt: string }) => [code.code, code.expiresAt])).toEqual([
      ['EXP1A', '2032-02-02T00:00:00.000Z'],
      ['EXP2B', '2032-02-02T00:00:00.000Z'],
    ]);
  });

  it('CLI: imports with a progress bar and a per-row report, and exports to a file', async () => {
    const file = join(dir, 'codes.csv');
    // Usernames with a 0: no code can contain one, so the search below cannot match a generated code.
    writeFileSync(file, ['code,portal,username,password', `CLI1A,${portal.id},cli0a,pw`, `CLI0B,${portal.id},cli0b,pw`, `,${portal.id},cli0c,pw`].join('\n'));
    const io = () => {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      let err = '';
      stdout.on('data', (chunk) => (out += chunk));
      stderr.on('data', (chunk) => (err += chunk));
      return { io: { env: { HUB_URL: hub.url, HUB_API_KEY: hub.adminKey }, stdout, stderr, pollMs: 20 }, text: () => ({ out, err }) };
    };
    const dry = io();
    expect(await runCodesCli(['import', file, '--dry-run'], dry.io)).toBe(2);
    expect(dry.text().err).toMatch(/\[#{30}\] 100% completed 3 rows/);
    expect(dry.text().out).toContain('would create 2, invalid 1, duplicate 0');
    expect(dry.text().out).toContain('row 2 (line 3): invalid [code]');
    expect((await hub.http.get('/access-codes').query({ search: 'cli0' })).body.items).toHaveLength(0);

    const real = io();
    const report = join(dir, 'report.csv');
    expect(await runCodesCli(['import', file, '--mode', 'skip-invalid', '--report', report], real.io)).toBe(2);
    expect(real.text().out).toContain('completed — 3 rows, created 2');
    const reportRows = parse(readFileSync(report, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(reportRows.map((row) => row.outcome)).toEqual(['created', 'invalid', 'created']);
    expect(reportRows[2].code).toMatch(/^[A-NP-Z1-9]{6}$/);

    const exported = io();
    const out = join(dir, 'export.csv');
    expect(await runCodesCli(['export', '--out', out, '--search', 'cli0'], exported.io)).toBe(0);
    const exportedRows = parse(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(exportedRows.map((row) => row.username).sort()).toEqual(['cli0a', 'cli0c']);

    const noKey = io();
    expect(await runCodesCli(['export'], { ...noKey.io, env: { HUB_URL: hub.url } })).toBe(1);
    expect(noKey.text().err).toContain('HUB_API_KEY');
  });
});

function textParser(res: NodeJS.ReadableStream & { setEncoding(encoding: string): void }, callback: (error: Error | null, body: unknown) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => callback(null, text));
}
