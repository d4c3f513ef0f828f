import { createTestPanelClient, PanelClient, PluginHttpRequest, pluginFailureOf } from '../../../core/plugins/sdk';
import { xuiAdminPlugin } from './xui-admin.plugin';
import { XuiAdminSimulator } from './xui-admin.simulator';

/**
 * A create whose answer is lost (a 502 after the panel made the line, or a timeout) is repeated by
 * the hub's HTTP client (3 attempts here, as a configured panel). The repeat is refused by whatever
 * the panel checks first; the plugin must still recognise the line the first attempt made.
 */
describe('XUI.one admin API: a create whose answer is lost', () => {
  let sim: XuiAdminSimulator;
  afterEach(() => sim?.close());

  /** Arms a simulator fault for the first createLine request only. */
  const onFirstCreate = (arm: () => void) => {
    let armed = true;
    return (req: PluginHttpRequest) => {
      if (armed && req.operation === 'createLine') {
        armed = false;
        arm();
      }
    };
  };

  it('returns the line when the repeat is refused because the first attempt took the last licence slot', async () => {
    sim = await XuiAdminSimulator.start();
    sim.setFaults({ maxLines: 1 });
    const { client } = createTestPanelClient<PanelClient>(xuiAdminPlugin, sim.credentials, { baseUrl: sim.url, attempts: 3, beforeSend: onFirstCreate(() => sim.setFaults({ failNext: 1, faultPhase: 'after' })) });
    const line = await client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-m:line' });
    expect(sim.lines()).toHaveLength(1);
    expect(line.externalId).toBe(String(sim.lines()[0].id));
  });

  it('still reports a full licence when no line was made', async () => {
    sim = await XuiAdminSimulator.start();
    sim.setFaults({ maxLines: 0 });
    const { client } = createTestPanelClient<PanelClient>(xuiAdminPlugin, sim.credentials, { baseUrl: sim.url, attempts: 3 });
    expect(await pluginFailureOf(client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-n:line' }))).toMatchObject({ code: 'MAX_USERS_REACHED' });
  });

  it('reports a retryable failure when the look-up after a refused repeat fails too, and the retried step finds the line', async () => {
    sim = await XuiAdminSimulator.start();
    let step: 'create' | 'look-up' | 'done' = 'create';
    const beforeSend = (req: PluginHttpRequest) => {
      if (step === 'create' && req.operation === 'createLine') {
        step = 'look-up';
        // The line is made and the answer lost; the repeat is answered "username exists".
        sim.setFaults({ failNext: 1, faultPhase: 'after' });
      } else if (step === 'look-up' && req.operation === 'findLineByUsername') {
        step = 'done';
        // Every attempt of the look-up that follows fails.
        sim.setFaults({ failNext: 3, faultPhase: 'before' });
      }
    };
    const { client } = createTestPanelClient<PanelClient>(xuiAdminPlugin, sim.credentials, { baseUrl: sim.url, attempts: 3, beforeSend });
    const input = { packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-u:line' };
    expect(await pluginFailureOf(client.createLine!(input))).toMatchObject({ code: 'PANEL_UNAVAILABLE', retryable: true });
    expect((await client.createLine!(input)).externalId).toBe(String(sim.lines()[0].id));
    expect(sim.lines()).toHaveLength(1);
  });

  it('finds its own earlier line among more than 100 matches of the username search', async () => {
    sim = await XuiAdminSimulator.start();
    // get_lines searches a substring of usernames and notes: these all match "mario".
    for (let i = 0; i < 120; i += 1) sim.insertLine({ username: `mario${i}`, password: 'pw-pw-pw' });
    const { client, sent } = createTestPanelClient<PanelClient>(xuiAdminPlugin, sim.credentials, {
      baseUrl: sim.url,
      timeoutMs: 300,
      attempts: 3,
      // The panel makes the line and the answer never comes back; the repeat is answered "username exists".
      beforeSend: onFirstCreate(() => sim.setFaults({ hangNext: 1, faultPhase: 'after' })),
    });
    const line = await client.createLine!({ username: 'mario', packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-9:line' });
    expect(line.externalId).toBe(String(sim.lineByUsername('mario')?.id));
    const pages = sent.filter((req) => req.query?.action === 'get_lines').map((req) => req.query?.start);
    expect(pages).toEqual([0, 100, 0, 100]);
  });
});
