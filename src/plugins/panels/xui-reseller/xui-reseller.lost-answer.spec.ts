import { createTestPanelClient, PanelClient, PluginHttpRequest, pluginFailureOf } from '../../../core/plugins/sdk';
import { xuiResellerPlugin } from './xui-reseller.plugin';
import { XuiResellerSimulator } from './xui-reseller.simulator';

/**
 * Calls whose answer is lost (a 502 after the panel did the work, or a timeout), with the hub's
 * retry rule (3 attempts per call that allows repeating). Creates are repeated and must recognise
 * their own line whatever the repeat is refused with; extensions and package changes (they debit
 * credits) must not be repeated blindly.
 */
describe('XUI.one reseller API: calls whose answer is lost', () => {
  let sim: XuiResellerSimulator;
  afterEach(() => sim?.close());

  /** Arms a simulator fault for the first request of one operation only (a POST: the change itself). */
  const onFirst = (operation: string, fault: 'error' | 'hang') => {
    let armed = true;
    return (req: PluginHttpRequest) => {
      if (armed && req.operation === operation && req.method === 'POST') {
        armed = false;
        sim.setFaults(fault === 'error' ? { failNext: 1, faultPhase: 'after' } : { hangNext: 1, faultPhase: 'after' });
      }
    };
  };
  const clientFor = (beforeSend?: (req: PluginHttpRequest) => void) => createTestPanelClient<PanelClient>(xuiResellerPlugin, sim.credentials, { baseUrl: sim.url, timeoutMs: 400, attempts: 3, beforeSend });

  it('create: returns the line when the repeat is refused INSUFFICIENT_CREDITS (the first attempt used the last credit)', async () => {
    sim = await XuiResellerSimulator.start({ credits: 1 });
    const { client } = clientFor(onFirst('createLine', 'error'));
    const line = await client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-c:line' });
    expect(sim.lines().map((row) => String(row.id))).toEqual([line.externalId]);
    expect(sim.account.credits).toBe(0);
  });

  it('create: returns the trial line when the repeat is refused NO_TRIALS (the first attempt used the last trial)', async () => {
    sim = await XuiResellerSimulator.start({ credits: 10, trialsAllowed: 1 });
    const { client } = clientFor(onFirst('createLine', 'error'));
    const line = await client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, isTrial: true, idempotencyKey: 'run-t:line' });
    expect(sim.lines().map((row) => String(row.id))).toEqual([line.externalId]);
    expect(line.isTrial).toBe(true);
  });

  it('create: a refusal with no line made is still reported as such', async () => {
    sim = await XuiResellerSimulator.start({ credits: 0 });
    const { client } = clientFor();
    expect(await pluginFailureOf(client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-z:line' }))).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
  });

  it.each(['error', 'hang'] as const)('extendLine extends and charges once when the answer is lost (%s after the work)', async (fault) => {
    sim = await XuiResellerSimulator.start({ credits: 100 });
    const { client, sent } = clientFor(onFirst('extendLine', fault));
    const line = await client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'ext-1' });
    const start = Date.parse(line.expiresAt as string);
    // Package 1 runs one month: one extension reaches 20 days later.
    const extended = await client.extendLine!({ line, expiresAt: new Date(start + 20 * 86_400_000).toISOString() });
    const months = (date: number) => new Date(date).getUTCFullYear() * 12 + new Date(date).getUTCMonth();
    expect({ extensions: sim.ledger.filter((entry) => entry.action === 'extend').length, monthsAdded: months((sim.line(line.externalId)?.exp_date as number) * 1000) - months(start), credits: sim.account.credits }).toEqual({ extensions: 1, monthsAdded: 1, credits: 98 });
    expect(extended.expiresAt).toBe(new Date((sim.line(line.externalId)?.exp_date as number) * 1000).toISOString());
    expect(sent.filter((req) => req.operation === 'extendLine' && req.method === 'POST').every((req) => req.retry === false)).toBe(true);
  });

  it('extendLine reports a lost extension that did not go through as retryable, without a second one', async () => {
    sim = await XuiResellerSimulator.start({ credits: 100 });
    const { client } = clientFor((req) => req.operation === 'extendLine' && req.method === 'POST' && sim.setFaults({ failNext: 1, faultPhase: 'before' }));
    const line = await client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'ext-2' });
    const wanted = new Date(Date.parse(line.expiresAt as string) + 20 * 86_400_000).toISOString();
    expect(await pluginFailureOf(client.extendLine!({ line, expiresAt: wanted }))).toMatchObject({ code: 'PANEL_UNAVAILABLE', retryable: true });
    expect(sim.ledger.filter((entry) => entry.action === 'extend')).toHaveLength(0);
  });

  it('updateLine (package change) charges once when the answer is lost', async () => {
    sim = await XuiResellerSimulator.start({ credits: 100 });
    const { client } = clientFor(onFirst('updateLine', 'error'));
    const line = await client.createLine!({ packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'upd-1' });
    const updated = await client.updateLine!({ line, packageId: '2' });
    expect(sim.ledger.filter((entry) => entry.action === 'extend')).toHaveLength(1);
    expect(updated.packageId).toBe('2');
  });

  it('finds its own earlier line among more than 100 matches of the username search', async () => {
    sim = await XuiResellerSimulator.start({ credits: 1000 });
    const { client, sent } = clientFor();
    for (let i = 0; i < 120; i += 1) await client.createLine!({ username: `mario${i}`, packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: `many-${i}`, firstCreate: true });
    const first = await client.createLine!({ username: 'mario', packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-9:line' });
    sent.length = 0;
    // A retried step: the look-up before the create must see the line on the second page.
    expect((await client.createLine!({ username: 'mario', packageId: '1', expiresAt: null, maxConnections: 1, idempotencyKey: 'run-9:line' })).externalId).toBe(first.externalId);
    expect(sent.filter((req) => req.query?.action === 'get_lines').map((req) => req.query?.start)).toEqual([0, 100]);
  });
});
