import { deriveCredential } from '../../src/core/plugins/sdk';
import { AcmeSimulator } from '../fixtures/acme-plugin/acme.simulator';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { FAST_WORKFLOWS } from './lifecycle-fixture';

// Third-party packages as HUB_PLUGINS names them: the loader imports them by name, as in production.
jest.mock('iptv-hub-plugin-acme', () => jest.requireActual('../fixtures/acme-plugin/acme.plugin'), { virtual: true });
jest.mock(
  'iptv-hub-plugin-rogue',
  () => {
    const rogue = jest.requireActual('../fixtures/acme-plugin/rogue.plugins');
    return { plugins: [rogue.shadowPlugin, rogue.squatterPlugin, rogue.twinPlugin] };
  },
  { virtual: true },
);

const RESET = (panelId: string) =>
  ['id: acme-reset', 'on:', '  manual: true', 'inputs:', '  lineId: { type: string, required: true }', 'steps:', '  - id: reset', '    uses: acme.resetPassword', '    with:', `      panel: ${panelId}`, '      lineId: ${{ inputs.lineId }}', ''].join('\n');

describe(`workflow actions contributed by plugins (${testMode})`, () => {
  let hub: TestApp;
  let sim: AcmeSimulator;
  let panelId: string;

  beforeAll(async () => {
    sim = await AcmeSimulator.start();
    hub = await createTestApp({ env: { ...FAST_WORKFLOWS, HUB_PLUGINS: 'iptv-hub-plugin-acme,iptv-hub-plugin-rogue' } });
    const panel = await hub.http
      .post('/panels')
      .send({ name: 'ACME', type: 'acme', baseUrl: sim.server.url, credentials: { apiKey: sim.apiKey }, options: { timeoutMs: 2000, retry: { attempts: 1, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } } })
      .expect(201);
    panelId = panel.body.id;
    await hub.http.post('/workflows').send({ yaml: RESET(panelId) }).expect(201);
  });
  afterAll(async () => {
    await hub?.close();
    await sim?.server.close();
  });
  afterEach(() => sim.server.resetFaults());

  async function newLine(username: string): Promise<string> {
    const res = await fetch(`${sim.server.url}/api/lines`, { method: 'POST', headers: { 'x-api-key': sim.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'initial-pass', package: 'gold', connections: 1 }) });
    return String(((await res.json()) as { id: number }).id);
  }

  async function runReset(lineId: string, status: string): Promise<Record<string, any>> {
    const started = (await hub.http.post('/workflows/acme-reset/run').send({ inputs: { lineId } }).expect(202)).body;
    return waitFor(
      async () => {
        const run = (await hub.http.get(`/runs/${started.id}`).expect(200)).body;
        return run.status === status ? run : null;
      },
      { timeoutMs: 20_000, message: `run ${started.id} to be ${status}` },
    );
  }

  it('registers the action: listed with its plugin, in the published schema, next to the untouched built-ins', async () => {
    const actions = (await hub.http.get('/workflows/actions').expect(200)).body as Record<string, any>[];
    const reset = actions.find((action) => action.name === 'acme.resetPassword');
    expect(reset).toMatchObject({ plugin: 'acme', defaultRetry: { attempts: 4, backoff: ['5m', '10m'] }, input: { required: ['panel', 'lineId'] }, output: { required: ['lineId', 'password'] } });
    expect(actions.find((action) => action.name === 'panel.createLine')).toMatchObject({ plugin: null });
    const names = actions.map((action) => action.name);
    expect(names.filter((name) => name === 'panel.createLine')).toHaveLength(1);
    for (const refused of ['shadow.harmless', 'acme.steal', 'acme.refund']) expect(names).not.toContain(refused);
    const schema = (await hub.http.get('/workflows/schema').expect(200)).body;
    const perAction = schema.properties.steps.items.allOf as { if: { properties: { uses: { const: string } } }; then: { properties: { with: { properties: Record<string, unknown> } } } }[];
    const entry = perAction.find((rule) => rule.if.properties.uses.const === 'acme.resetPassword');
    expect(Object.keys(entry?.then.properties.with.properties ?? {})).toEqual(['panel', 'lineId']);
  });

  it('refuses, at load, plugins that claim panel.createLine or another plugin\'s namespace, with a clear message', async () => {
    const plugins = (await hub.http.get('/plugins').expect(200)).body;
    const installed = plugins.items.map((item: { kind: string; id: string }) => `${item.kind}:${item.id}`);
    expect(installed).toContain('panel:acme');
    expect(installed).not.toContain('panel:shadow');
    expect(installed).not.toContain('panel:squatter');
    expect(installed).not.toContain('payment:acme');
    const problems = plugins.problems.filter((problem: { source: string }) => problem.source === 'iptv-hub-plugin-rogue').map((problem: { message: string }) => problem.message);
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^shadow: action "panel\.createLine" is outside the plugin's namespace: a plugin may only contribute actions named "shadow\.<action>"/),
        expect.stringMatching(/^squatter: action "acme\.steal" is outside the plugin's namespace/),
        expect.stringMatching(/^acme: the action namespace "acme" already belongs to the panel plugin acme/),
      ]),
    );
    expect(plugins.problems.filter((problem: { source: string }) => problem.source === 'iptv-hub-plugin-acme')).toEqual([]);
  });

  it('validates definitions against the action\'s schema with line and column', async () => {
    const yaml = (uses: string, lineId: string) => ['id: bad-reset', 'on: { manual: true }', 'steps:', '  - id: reset', `    uses: ${uses}`, '    with:', `      panel: ${panelId}`, `      lineId: ${lineId}`, ''].join('\n');
    const unknown = (await hub.http.post('/workflows/validate').send({ yaml: yaml('acme.resetPasword', '"1"') }).expect(200)).body;
    expect(unknown).toMatchObject({ valid: false, problems: [expect.objectContaining({ kind: 'unknown-action', line: 5, column: 11, message: expect.stringContaining('did you mean acme.resetPassword') })] });
    const badInput = (await hub.http.post('/workflows/validate').send({ yaml: yaml('acme.resetPassword', 'not-a-number') }).expect(200)).body;
    expect(badInput).toMatchObject({ valid: false, problems: [expect.objectContaining({ kind: 'input', line: 8, column: 15, message: expect.stringContaining('lineId') })] });
    const extra = ['id: bad-reset', 'on: { manual: true }', 'steps:', '  - id: reset', '    uses: acme.resetPassword', '    with:', '      lineId: "3"', '      color: red', ''].join('\n');
    const refused = (await hub.http.post('/workflows').send({ yaml: extra }).expect(422)).body;
    expect(refused.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'input', line: 7, column: 7, path: 'steps.0.with', message: expect.stringContaining('"panel" is required') }),
        expect.objectContaining({ kind: 'input', line: 8, column: 7, message: expect.stringContaining('"color" is not an input') }),
      ]),
    );
  });

  it('runs the action, retrying a retryable error with the backoff the plugin declares, audited like any step', async () => {
    const lineId = await newLine(`retry-${Date.now()}`);
    sim.server.setFaults({ failNext: 2 });
    const run = await runReset(lineId, 'succeeded');
    const step = run.steps[0];
    expect(step).toMatchObject({ uses: 'acme.resetPassword', status: 'succeeded', attempts: 3 });
    expect(step.attemptLog.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['failed', 'failed', 'succeeded']);
    expect(step.attemptLog[0].error).toMatchObject({ code: 'PANEL_UNAVAILABLE', retryable: true });
    // 5 and 10 minutes at the test's 1/10 000 time scale: 30 and 60 ms.
    const gaps = step.attemptLog.slice(1).map((attempt: { startedAt: string }, i: number) => new Date(attempt.startedAt).getTime() - new Date(step.attemptLog[i].finishedAt).getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(25);
    expect(gaps[1]).toBeGreaterThanOrEqual(55);
    expect(step.output).toMatchObject({ lineId, password: '[redacted]' });
    const expected = deriveCredential(`${run.id}:reset`, 'password');
    expect(sim.lines.get(Number(lineId))?.password).toBe(expected);
    const audit = (await hub.http.get('/audit').query({ targetId: run.id, limit: 100 }).expect(200)).body.items as Record<string, any>[];
    const actions = audit.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'workflow.step.retry_scheduled')).toHaveLength(2);
    const succeeded = audit.find((entry) => entry.action === 'workflow.step.succeeded');
    expect(succeeded?.details).toMatchObject({ uses: 'acme.resetPassword', attempt: 3, output: { lineId, password: '[redacted]' } });
    expect(JSON.stringify(audit)).not.toContain(expected);
  });

  it('does not retry a non-retryable error', async () => {
    const run = await runReset('999999', 'failed');
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 1, error: expect.objectContaining({ code: 'USER_NOT_FOUND', retryable: false }) });
    expect(run.error).toMatchObject({ code: 'USER_NOT_FOUND', stepId: 'reset' });
  });

  it('dry-runs through the plugin\'s dryRun without side effects', async () => {
    const lineId = await newLine(`dry-${Date.now()}`);
    const runsBefore = (await hub.http.get('/runs').query({ workflowId: 'acme-reset', limit: 200 }).expect(200)).body.items.length;
    const report = (await hub.http.post('/workflows/acme-reset/dry-run').send({ inputs: { lineId } }).expect(200)).body;
    expect(report.steps).toEqual([expect.objectContaining({ stepId: 'reset', uses: 'acme.resetPassword', status: 'would_run', wouldDo: `set a new password on ACME line ${lineId} of panel ${panelId} (workflow acme-reset)` })]);
    expect(sim.lines.get(Number(lineId))?.password).toBe('initial-pass');
    expect((await hub.http.get('/runs').query({ workflowId: 'acme-reset', limit: 200 }).expect(200)).body.items).toHaveLength(runsBefore);
  });
});
