import { InterceptingProxy } from '../helpers/intercepting-proxy';
import { testMode, waitFor } from '../helpers/test-app';
import { eventsOf, Lifecycle, startLifecycle } from './lifecycle-fixture';

const BUNDLE = [
  'id: reseller-bundle',
  'on:',
  '  manual: true',
  'inputs:',
  '  panel: { type: string, required: true }',
  'steps:',
  '  - id: lines',
  '    uses: panel.createLines',
  '    with:',
  '      panel: ${{ inputs.panel }}',
  '      package: "2"',
  '      count: 3',
  '      days: 30',
  '      maxConnections: 2',
  '      usernamePrefix: bundle',
  '    retry: { attempts: 3, backoff: [1m] }',
  '',
].join('\n');

describe(`panel.createLines: a batch of lines in one step (${testMode})`, () => {
  let life: Lifecycle;
  let proxy: InterceptingProxy;
  let proxiedPanelId: string;

  beforeAll(async () => {
    life = await startLifecycle();
    proxy = await InterceptingProxy.start(life.sim.url);
    const panel = await life.hub.http
      .post('/panels')
      .send({ name: 'XUI behind a flaky gateway', type: 'xui-admin', baseUrl: proxy.url, credentials: life.sim.credentials, options: { timeoutMs: 2000, retry: { attempts: 1, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } } })
      .expect(201);
    proxiedPanelId = panel.body.id;
    await life.hub.http.post('/workflows').send({ yaml: BUNDLE }).expect(201);
  });
  afterAll(async () => {
    await proxy?.close();
    await life?.close();
  });

  async function run(panel: string, status: string): Promise<Record<string, any>> {
    const started = (await life.hub.http.post('/workflows/reseller-bundle/run').send({ inputs: { panel } }).expect(202)).body;
    return waitFor(
      async () => {
        const body = (await life.hub.http.get(`/runs/${started.id}`).expect(200)).body;
        return body.status === status ? body : null;
      },
      { timeoutMs: 20_000, message: `run ${started.id} to be ${status}` },
    );
  }

  const onPanel = (username: string) => life.sim.lines().filter((line) => line.username === username);

  it('creates 3 lines with the package, expiry and connections asked for, credentials sealed, events and audit', async () => {
    const before = life.sim.lines().length;
    const done = await run(life.panelId, 'succeeded');
    const output = done.steps[0].output;
    expect(output).toMatchObject({ panelId: life.panelId, count: 3 });
    expect(output.lines.map((line: { index: number }) => line.index)).toEqual([0, 1, 2]);
    const usernames: string[] = output.lines.map((line: { username: string }) => line.username);
    expect(new Set(usernames).size).toBe(3);
    for (const line of output.lines) {
      expect(line.username).toMatch(/^bundle[0-9a-f]{8}$/);
      expect(line.password).toBe('[redacted]');
      const [row] = onPanel(line.username);
      expect(onPanel(line.username)).toHaveLength(1);
      expect(String(row.id)).toBe(line.lineId);
      expect(row).toMatchObject({ maxConnections: 2, packageId: 2, enabled: true });
      expect(Math.abs((row.expiresAt as Date).getTime() - (Date.now() + 30 * 86_400_000))).toBeLessThan(120_000);
    }
    expect(life.sim.lines().length).toBe(before + 3);
    const events = await waitFor(async () => {
      const created = (await eventsOf(life.hub, 'line.created')).filter((event) => usernames.includes(event.payload.username));
      return created.length === 3 ? created : null;
    });
    expect(events.map((event) => event.payload)).toEqual(expect.arrayContaining(output.lines.map((line: { lineId: string }) => expect.objectContaining({ panelId: life.panelId, lineId: line.lineId, maxConnections: 2 }))));
    const audit = (await life.hub.http.get('/audit').query({ action: 'panel.createLines', targetId: life.panelId }).expect(200)).body.items;
    expect(audit[0].details).toMatchObject({ runId: done.id, stepId: 'lines', attempt: 1 });
    expect(JSON.stringify(done)).not.toMatch(new RegExp(onPanel(usernames[0])[0].password));
  });

  it('after a 5xx midway (one create lost its answer, one never reached the panel), the lost one is found at once and the retry creates only the missing line', async () => {
    const before = life.sim.lines().length;
    let creates = 0;
    proxy.decide = (url, body) => {
      if (!`${url} ${body}`.includes('action=create_line')) return 'pass';
      creates += 1;
      if (creates === 2) return 'fail-after'; // the panel made line #1, the hub never heard back
      if (creates === 3) return 'fail-before'; // line #2 never reached the panel
      return 'pass';
    };
    const done = await run(proxiedPanelId, 'succeeded');
    proxy.decide = () => 'pass';
    const step = done.steps[0];
    expect(step).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(step.attemptLog.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['failed', 'succeeded']);
    expect(step.attemptLog[0].error).toMatchObject({ code: 'PARTIAL_FAILURE', retryable: true });
    // The plugin looks for its line after any failed create: #1 (made, answer lost) is found in
    // the same attempt; only #2 (never reached the panel) is missing.
    expect(step.attemptLog[0].error.message).toContain('1 of 3 lines missing (indexes 2)');
    expect(step.attemptLog[0].error.message).toContain('#2 PANEL_UNAVAILABLE');
    expect(step.attemptLog[0].error.hint).toContain('a retry creates only the missing ones');
    expect(creates).toBe(4); // three in the first attempt, only #2 again in the retry
    const usernames: string[] = step.output.lines.map((line: { username: string }) => line.username);
    expect(new Set(usernames).size).toBe(3);
    for (const line of step.output.lines) {
      expect(onPanel(line.username)).toHaveLength(1);
      expect(String(onPanel(line.username)[0].id)).toBe(line.lineId);
    }
    expect(life.sim.lines().length).toBe(before + 3);
  });

  it('reports a permanent failure without retrying and names the lines that were not made', async () => {
    const yaml = BUNDLE.replace('id: reseller-bundle', 'id: bundle-missing-package').replace('package: "2"', 'package: "999"');
    await life.hub.http.post('/workflows').send({ yaml }).expect(201);
    const started = (await life.hub.http.post('/workflows/bundle-missing-package/run').send({ inputs: { panel: life.panelId } }).expect(202)).body;
    const failed = await waitFor(async () => {
      const body = (await life.hub.http.get(`/runs/${started.id}`).expect(200)).body;
      return body.status === 'failed' ? body : null;
    });
    expect(failed.steps[0]).toMatchObject({ status: 'failed', attempts: 1, error: expect.objectContaining({ code: 'PARTIAL_FAILURE', retryable: false }) });
    expect(failed.steps[0].error.message).toContain('#0 PACKAGE_NOT_FOUND');
    expect(failed.steps[0].error.message).toContain('not attempted: #1, #2');
  });

  it('dry-runs without calling the panel', async () => {
    const lines = life.sim.lines().length;
    const calls = life.sim.requests.length;
    const runs = (await life.hub.http.get('/runs').query({ workflowId: 'reseller-bundle', limit: 200 }).expect(200)).body.items.length;
    const report = (await life.hub.http.post('/workflows/reseller-bundle/dry-run').send({ inputs: { panel: life.panelId } }).expect(200)).body;
    expect(report.steps[0]).toMatchObject({ uses: 'panel.createLines', status: 'would_run', wouldDo: expect.stringMatching(/^create 3 line\(s\) on panel .* with package 2: bundle[0-9a-f]{8}, bundle[0-9a-f]{8}, bundle[0-9a-f]{8}$/) });
    expect(report.steps[0].output.lines).toHaveLength(3);
    expect(life.sim.lines().length).toBe(lines);
    expect(life.sim.requests.length).toBe(calls);
    expect((await life.hub.http.get('/runs').query({ workflowId: 'reseller-bundle', limit: 200 }).expect(200)).body.items).toHaveLength(runs);
  });
});
