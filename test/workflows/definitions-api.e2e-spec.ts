import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TriggersService } from '../../src/workflows/engine/triggers.service';
import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { FAST_WORKFLOWS } from './lifecycle-fixture';

const HELLO = ['id: hello', 'on:', '  manual: true', 'inputs:', '  name: { type: string, required: true }', 'steps:', '  - id: greet', '    uses: log', '    with:', '      message: hello ${{ inputs.name }}', ''].join('\n');

describe(`workflow definitions API (${testMode})`, () => {
  let hub: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-workflows-'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\non:\n  manual: true\nsteps:\n  - id: a\n    uses: panel.createLne\n');
    writeFileSync(join(dir, 'expire-line.yaml'), ['id: expire-line', 'description: operator override', 'on:', '  event: subscription.expired', 'steps:', '  - id: note', '    uses: log', '    with:', '      message: expired', ''].join('\n'));
    hub = await createTestApp({ env: { ...FAST_WORKFLOWS, HUB_WORKFLOWS_DIR: dir } });
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists built-ins, lets an operator file replace one, and reports (and skips) an invalid operator file', async () => {
    const list = (await hub.http.get('/workflows').expect(200)).body;
    const ids = list.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining(['provision-on-purchase', 'renew-on-payment', 'expire-line', 'suspend-on-payment-failure', 'reactivate-line', 'upgrade-package', 'expiring-reminder', 'refund-cancel', 'cancel-line', 'suspend-line']));
    expect(ids).not.toContain('broken');
    expect(list.items.find((item: { id: string }) => item.id === 'expire-line')).toMatchObject({ source: 'file', description: 'operator override' });
    expect(list.loadProblems).toEqual([expect.objectContaining({ file: join(dir, 'broken.yaml'), line: 6, column: 11, kind: 'unknown-action' })]);
  });

  it('validates YAML with line and column, refuses an invalid definition with 422, and versions every change', async () => {
    const report = (await hub.http.post('/workflows/validate').send({ yaml: 'id: x\non: { manual: true }\nsteps:\n  - id: a\n    uses: log\n    with: { message: "${{ steps.b.output }}" }\n' }).expect(200)).body;
    expect(report).toMatchObject({ valid: false, problems: [expect.objectContaining({ kind: 'step-ref', line: 6 })] });
    const refused = await hub.http.post('/workflows').send({ yaml: 'id: bad\non: { manual: true }\nsteps:\n  - id: a\n    uses: nope.nothing\n' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'INVALID_WORKFLOW', problems: [expect.objectContaining({ line: 5, column: 11, kind: 'unknown-action' })] });

    const created = (await hub.http.post('/workflows').send({ yaml: HELLO }).expect(201)).body;
    expect(created).toMatchObject({ id: 'hello', source: 'api', revision: 1, on: { manual: true } });
    await hub.http.post('/workflows').send({ yaml: HELLO }).expect(409);
    const updated = (await hub.http.put('/workflows/hello').send({ yaml: HELLO.replace('hello ${{', 'hi ${{') }).expect(200)).body;
    expect(updated.revision).toBe(2);
    expect(updated.revisions.map((revision: { revision: number }) => revision.revision)).toEqual([2, 1]);
    expect((await hub.http.get('/workflows/hello/revisions/1').expect(200)).body.yaml).toBe(HELLO);
  });

  it('runs manually with checked inputs, dry-runs without side effects, and disables', async () => {
    const bad = await hub.http.post('/workflows/hello/run').send({ inputs: { nam: 'x' } }).expect(422);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['inputs.nam', 'inputs.name']);
    const run = (await hub.http.post('/workflows/hello/run').send({ inputs: { name: 'Ada' } }).expect(202)).body;
    const done = await waitFor(async () => {
      const body = (await hub.http.get(`/runs/${run.id}`).expect(200)).body;
      return body.status === 'succeeded' ? body : null;
    });
    expect(done.steps[0].output).toEqual({ message: 'hi Ada' });
    expect(done.revision).toBe(2);

    const dry = (await hub.http.post('/workflows/provision-on-purchase/dry-run').send({ event: { kind: 'new', subscriptionId: '01a20000-0000-7000-8000-000000000001' } }).expect(200)).body;
    expect(dry.triggered).toBe(true);
    expect(dry.steps.map((step: { stepId: string; status: string }) => `${step.stepId}:${step.status}`)).toEqual(['provisioning:would_run', 'line:would_run', 'activate:would_run']);
    expect(dry.steps[1].wouldDo).toMatch(/create line/);
    expect((await hub.http.get('/runs').query({ workflowId: 'provision-on-purchase' }).expect(200)).body.items).toHaveLength(0);

    await hub.http.post('/workflows/hello/disable').send({ reason: 'retired' }).expect(200);
    const refused = await hub.http.post('/workflows/hello/run').send({ inputs: { name: 'Ada' } }).expect(409);
    expect(refused.body.code).toBe('WORKFLOW_DISABLED');
  });

  it('publishes a JSON Schema for editors', async () => {
    const schema = (await hub.http.get('/workflows/schema').set('authorization', '').expect(200)).body;
    expect(schema.required).toEqual(['id', 'on', 'steps']);
    expect(JSON.stringify(schema)).toContain('panel.createLine');
  });

  it('starts a run from a signed inbound hook once per delivery, and refuses bad signatures', async () => {
    const yaml = ['id: shop-hook', 'on:', '  webhook: shop-paid', 'steps:', '  - id: note', '    uses: log', '    with:', '      message: order ${{ event.orderRef }}', ''].join('\n');
    await hub.http.post('/workflows').send({ yaml }).expect(201);
    const { secret, path } = (await hub.http.post('/workflows/shop-hook/webhook-secret').send({}).expect(201)).body;
    const body = JSON.stringify({ orderRef: 'A-1' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
    const send = (sig: string) => hub.http.post(path).set('authorization', '').set('content-type', 'application/json').set('x-hub-timestamp', timestamp).set('x-hub-signature', sig).set('x-hub-delivery', 'delivery-1').send(body);
    const first = (await send(signature).expect(202)).body;
    const second = (await send(signature).expect(202)).body;
    expect(second).toEqual({ runId: first.runId, duplicate: true });
    const denied = await send(`sha256=${'0'.repeat(64)}`).expect(401);
    expect(denied.body.code).toBe('HOOK_SIGNATURE_INVALID');
    await hub.http.post('/hooks/in/unknown').set('authorization', '').send({}).expect(404);
    const run = await waitFor(async () => {
      const item = (await hub.http.get(`/runs/${first.runId}`).expect(200)).body;
      return item.status === 'succeeded' ? item : null;
    });
    expect(run.steps[0].output).toEqual({ message: 'order A-1' });
  });

  it('fires schedule triggers once per cron tick, even when two ticks overlap', async () => {
    const yaml = ['id: nightly', 'on:', '  schedule: "* * * * *"', 'steps:', '  - id: note', '    uses: log', '    with:', '      message: tick ${{ event.firedAt }}', ''].join('\n');
    await hub.http.post('/workflows').send({ yaml }).expect(201);
    const triggers = hub.app.get(TriggersService);
    const at = new Date(Date.now() + 3 * 60_000);
    const [a, b] = await Promise.all([triggers.onScheduleTick(at), triggers.onScheduleTick(at)]);
    expect(a + b).toBe(3);
    const runs = (await hub.http.get('/runs').query({ workflowId: 'nightly' }).expect(200)).body.items;
    expect(runs).toHaveLength(3);
    expect(new Set(runs.map((run: { trigger: { firedAt: string } }) => run.trigger.firedAt)).size).toBe(3);
  });
});
