import { createTestPanelClient, memoryStateStore, PanelClient, PluginHttpRequest, pluginFailureOf } from '../../../core/plugins/sdk';
import { XC_TEST_PACKAGES } from './xtream-codes.fixtures';
import { xtreamCodesPlugin } from './xtream-codes.plugin';
import { XtreamCodesSimulator } from './xtream-codes.simulator';

/**
 * A password change addresses the line by its current password, so after an attempt that went
 * through, the line is found only by the new one. That look-up is for failures that may hide an
 * applied change; it must not turn a transient failure into a permanent USER_NOT_FOUND.
 */
describe('Xtream Codes: a password change whose answer is lost', () => {
  let sim: XtreamCodesSimulator;
  afterEach(() => sim?.close());

  const setUp = async (phase: 'before' | 'after') => {
    sim = await XtreamCodesSimulator.start();
    let armed = false;
    const beforeSend = (req: PluginHttpRequest) => {
      if (armed && req.operation === 'updateLine') {
        armed = false;
        // Every attempt of the edit hangs (the hub's client makes 3).
        sim.setFaults({ hangNext: 3, faultPhase: phase });
      }
    };
    const { client } = createTestPanelClient<PanelClient>(xtreamCodesPlugin, { apiPass: sim.apiPass, packages: XC_TEST_PACKAGES }, { baseUrl: sim.url, state: memoryStateStore(), timeoutMs: 300, attempts: 3, beforeSend });
    const line = await client.createLine!({ packageId: 'news', expiresAt: null, maxConnections: 1, idempotencyKey: `xc-lost-${phase}` });
    armed = true;
    return { client, line };
  };

  it('reports a timeout as a retryable TIMEOUT when the change was not made', async () => {
    const { client, line } = await setUp('before');
    expect(await pluginFailureOf(client.updateLine!({ line, password: 'new-secret-pw' }))).toMatchObject({ code: 'TIMEOUT', retryable: true });
    sim.resetFaults();
    expect(await client.getLine!(line)).toMatchObject({ externalId: line.externalId });
  });

  it('returns the line by its new password when the change went through', async () => {
    const { client, line } = await setUp('after');
    expect(await client.updateLine!({ line, password: 'new-secret-pw' })).toMatchObject({ externalId: line.externalId, password: 'new-secret-pw' });
  });
});
