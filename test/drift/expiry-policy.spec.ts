import { createBasicHttpClient, PanelClient, PluginManifest } from '../../src/core/plugins/sdk';
import type { PanelClientsService } from '../../src/core/panels/panel-clients.service';
import { nxtPlugin } from '../../src/plugins/panels/nxt/nxt.plugin';
import { NxtSimulator } from '../../src/plugins/panels/nxt/nxt.simulator';
import { satisfiedByPanelExpiry } from '../../src/workflows/actions/panel.actions';

/**
 * The expiry policy of `panel.disableLine` / `panel.enableLine` with `satisfiedByPanelExpiry`,
 * against the real NXT plugin and simulator: a panel that cannot disable but enforces expiry
 * itself satisfies the step (saying why); one that does not enforce expiry does not (the step then
 * fails NOT_SUPPORTED and the run flags the subscription for review); one that can disable does it.
 */
describe('expiry left to the panel (NXT)', () => {
  let sim: NxtSimulator;
  let client: PanelClient;
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const panelsWith = (manifest: PluginManifest) => ({ forPanel: async () => ({ panel: {}, client, manifest }) }) as unknown as PanelClientsService;

  beforeAll(async () => {
    sim = await NxtSimulator.start({ credits: 100 });
    client = nxtPlugin.create({ username: sim.options.username, password: sim.options.password, minLoginIntervalMs: 0 }, { baseUrl: sim.url, http: createBasicHttpClient({ baseUrl: sim.url }), logger: quiet, clock: { now: () => new Date() } });
  });
  afterAll(() => sim?.close());

  it('disable is satisfied (expired or package-priced), enable only while the line\'s expiry is ahead', async () => {
    const line = await (client.createLine as NonNullable<PanelClient['createLine']>)({ packageId: '11', expiresAt: null, maxConnections: 1, idempotencyKey: 'expiry-policy-1' });
    const ref = { externalId: line.externalId, username: line.username };
    const panels = panelsWith(nxtPlugin.manifest);

    const ahead = await satisfiedByPanelExpiry({ panels }, 'p1', 'disableLine', ref);
    expect(ahead).toMatchObject({ satisfied: true, skipped: 'disableLine', lineId: line.externalId, panelExpiresAt: line.expiresAt, reason: expect.stringContaining('cuts the line off at its own expiry') });
    expect(await satisfiedByPanelExpiry({ panels }, 'p1', 'enableLine', ref)).toMatchObject({ satisfied: true, skipped: 'enableLine', reason: expect.stringContaining('plays until its expiry') });

    sim.edit(line.username, (row) => (row.expiresAt = Math.floor(Date.now() / 1000) - 3600));
    expect(await satisfiedByPanelExpiry({ panels }, 'p1', 'disableLine', ref)).toMatchObject({ satisfied: true, reason: expect.stringContaining('expired on the panel at') });
    await expect(satisfiedByPanelExpiry({ panels }, 'p1', 'enableLine', ref)).rejects.toMatchObject({ code: 'NOT_SUPPORTED', hint: expect.stringContaining('Extend the line first') });
    expect(sim.line(line.username)?.enabled).toBe(true);

    sim.remove(line.username);
    expect(await satisfiedByPanelExpiry({ panels }, 'p1', 'disableLine', ref)).toMatchObject({ satisfied: true, reason: expect.stringContaining('no longer exists') });
  });

  it('is not satisfied on a panel that does not enforce expiry, nor used on one that can do the operation', async () => {
    const ref = { externalId: '1', username: 'nobody' };
    const { expiryEnforcedByPanel: _enforced, ...notes } = nxtPlugin.manifest.notes ?? {};
    expect(await satisfiedByPanelExpiry({ panels: panelsWith({ ...nxtPlugin.manifest, notes }) }, 'p1', 'disableLine', ref)).toBeNull();
    expect(await satisfiedByPanelExpiry({ panels: panelsWith({ ...nxtPlugin.manifest, capabilities: [...nxtPlugin.manifest.capabilities, 'disableLine'] }) }, 'p1', 'disableLine', ref)).toBeNull();
  });
});
