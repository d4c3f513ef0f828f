import { createPortal } from '../access-codes/helpers';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';

/** A workflow issues a code for a line and later deactivates it, through the accessCode.* actions. */
const ISSUE = [
  'id: issue-code',
  'on:',
  '  manual: true',
  'inputs:',
  '  portal: { type: string, required: true }',
  '  username: { type: string, required: true }',
  '  password: { type: string, required: true }',
  'steps:',
  '  - id: code',
  '    uses: accessCode.create',
  '    with:',
  '      portalId: ${{ inputs.portal }}',
  '      username: ${{ inputs.username }}',
  '      password: ${{ inputs.password }}',
  '      expiryMode: lifetime',
  '  - id: off',
  '    uses: accessCode.deactivate',
  '    with:',
  '      accessCodeId: ${{ steps.code.output.accessCodeId }}',
  '',
].join('\n');

describe('workflow access-code actions', () => {
  let hub: TestApp;

  beforeAll(async () => {
    hub = await createTestApp();
  });
  afterAll(() => hub?.close());

  it('creates a code and deactivates it from a run, never exposing the password in the run', async () => {
    const portal = await createPortal(hub, 'Workflow portal', 'http://wf.example.com:8080');
    await hub.http.post('/workflows').send({ yaml: ISSUE }).expect(201);
    const run = (await hub.http.post('/workflows/issue-code/run').send({ inputs: { portal: portal.id, username: 'wf_user', password: 'Wf-Secret-7' } }).expect(202)).body;
    const done = await waitFor(async () => {
      const body = (await hub.http.get(`/runs/${run.id}`).expect(200)).body;
      return ['succeeded', 'failed'].includes(body.status) ? body : null;
    });
    expect(done.status).toBe('succeeded');
    const code = done.steps[0].output.code as string;
    expect(code).toMatch(/^[A-NP-Z1-9]{6}$/);
    expect(done.steps[1].output).toMatchObject({ changed: 1 });
    const listed = await hub.http.get('/access-codes').query({ search: code }).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ code, status: 'inactive', username: 'wf_user' })]);
    expect(JSON.stringify(done)).not.toContain('Wf-Secret-7');
  });
});
