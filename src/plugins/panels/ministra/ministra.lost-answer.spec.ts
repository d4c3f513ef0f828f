import { createTestPanelClient, memoryStateStore, PluginHttpRequest, pluginFailureOf, PluginStateStore } from '../../../core/plugins/sdk';
import { MinistraClient } from './ministra.client';
import { ministraPlugin } from './ministra.plugin';
import { MinistraSimulator } from './ministra.simulator';
import { hashPassword } from './ministra.simulator-data';

/**
 * With internal billing off (Ministra's shipped default) the portal hides end_date, so the plugin
 * reports the expiry it remembered. A create whose answer is lost is retried by the workflow (same
 * idempotency key) and finds the earlier attempt's account: it must report the planned expiry, not
 * null ("never expires", which the subscription would copy).
 */
describe('Ministra: a create whose answer is lost', () => {
  let sim: MinistraSimulator;
  afterEach(() => sim?.close());

  const input = { packageId: 'premium', expiresAt: '2031-05-04T10:20:30.000Z', maxConnections: 1, idempotencyKey: 'run-1:line' };
  const clientFor = (state: PluginStateStore, beforeSend?: (req: PluginHttpRequest) => void) =>
    createTestPanelClient<MinistraClient>(ministraPlugin, { login: sim.options.authLogin, password: sim.options.authPassword }, { baseUrl: sim.url, timeoutMs: 400, attempts: 3, state, beforeSend }).client;
  /** The first create is made on the portal, and its answer never comes back. */
  const hangFirstCreate = () => {
    let armed = true;
    return (req: PluginHttpRequest) => {
      if (armed && req.operation === 'createLine') {
        armed = false;
        sim.setFaults({ hangNext: 1, faultPhase: 'after' });
      }
    };
  };

  it('reports the expiry it set, and the password it sent, when the retried step finds the account', async () => {
    sim = await MinistraSimulator.start();
    const client = clientFor(memoryStateStore(), hangFirstCreate());
    expect(await pluginFailureOf(client.createLine(input))).toMatchObject({ code: 'TIMEOUT' });
    expect(sim.accounts()).toHaveLength(1);
    const line = await client.createLine(input);
    expect(line.expiresAt).toBe(input.expiresAt);
    const account = sim.account(line.username);
    expect(account && hashPassword(line.password ?? '', account.id)).toBe(account?.password);
    expect((await client.getLine(line))?.expiresAt).toBe(input.expiresAt);
  });

  it('reports the planned expiry even when nothing was remembered for the earlier account', async () => {
    sim = await MinistraSimulator.start();
    await pluginFailureOf(clientFor(memoryStateStore(), hangFirstCreate()).createLine(input));
    // Another hub process without the first one's memory (or an attempt from before it remembered first).
    const other = clientFor(memoryStateStore());
    const line = await other.createLine(input);
    expect(line.expiresAt).toBe(input.expiresAt);
    expect((await other.getLine(line))?.expiresAt).toBe(input.expiresAt);
  });

  it('keeps an expiry remembered since (an extension) when the create is replayed', async () => {
    sim = await MinistraSimulator.start();
    const client = clientFor(memoryStateStore());
    const line = await client.createLine(input);
    await client.extendLine({ line, expiresAt: '2032-01-01T00:00:00.000Z' });
    expect((await client.createLine(input)).expiresAt).toBe('2032-01-01T00:00:00.000Z');
  });
});
