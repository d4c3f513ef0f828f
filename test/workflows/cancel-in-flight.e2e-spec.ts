import { testMode, waitFor } from '../helpers/test-app';
import { buy, Lifecycle, runsOf, startLifecycle, waitForStatus } from './lifecycle-fixture';

/**
 * Cancelling a run whose panel call is on its way: the call cannot be called back (the run is
 * fenced only at its next commit), so the next run for the same concurrency key must not change
 * the same line alongside it, where the older change could land last.
 */
describe(`cancelling a run with a panel call in flight (${testMode})`, () => {
  let life: Lifecycle;

  beforeAll(async () => {
    life = await startLifecycle({ env: { HUB_WORKFLOW_STEP_LEASE_MS: '2000' } });
  }, 60_000);
  afterAll(() => life?.close());

  it('wakes the next run for the key only once the cancelled call is over', async () => {
    const { subscriptionId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'active');
    life.sim.setFaults({ latencyMs: 1_500 });
    try {
      await life.hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({ reason: 'first' }).expect(201);
      const first = await waitFor(async () => {
        const [run] = await runsOf(life.hub, { subscriptionId, workflowId: 'renew-on-payment' });
        if (!run) return null;
        const detail = (await life.hub.http.get(`/runs/${run.id}`).expect(200)).body;
        return detail.steps.find((step: { stepId: string; status: string }) => step.stepId === 'extend' && step.status === 'running') ? detail : null;
      }, { message: 'the first renewal to call the panel' });
      await waitFor(() => life.sim.stats.inFlight === 1, { message: 'its call to reach the panel' });
      await life.hub.http.post(`/subscriptions/${subscriptionId}/renew`).send({ reason: 'second' }).expect(201);
      await life.hub.http.post(`/runs/${first.id}/cancel`).send({ reason: 'operator' }).expect(200);
      const second = await waitFor(async () => (await runsOf(life.hub, { subscriptionId, workflowId: 'renew-on-payment' })).find((run) => run.id !== first.id && run.status === 'succeeded'), {
        timeoutMs: 20_000,
        message: 'the second renewal to succeed',
      });
      expect(second).toBeDefined();
      // Never two calls on the panel at once: the second renewal's waited for the first's.
      expect(life.sim.stats.peakInFlight).toBe(1);
    } finally {
      life.sim.resetFaults();
    }
  }, 60_000);
});
