import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AccessCodeActions } from '../../src/core/access-codes/access-code-actions.service';
import { createTestApp, TestApp } from '../helpers/test-app';
import { createPortal, emitSubscriptionEvent } from './helpers';

/**
 * A workflow step that issues a code passes the subscription's expiry from the event that started
 * its run. The run may act long after that event (a retry after the panel was down, a queue
 * backlog): by then the subscription has moved on, and the code must follow where it is now.
 */
describe('a code issued late by a workflow', () => {
  let hub: TestApp;
  let actions: AccessCodeActions;
  let portalId: string;

  beforeAll(async () => {
    hub = await createTestApp({ env: { HUB_CODE_LOGIN_FAILURE_FLOOR_MS: '0' } });
    actions = hub.app.get(AccessCodeActions);
    portalId = (await createPortal(hub, 'Late portal', 'http://late.example.com')).id;
  });
  afterAll(() => hub?.close());

  const day = 86_400_000;
  const login = (code: string) => request(hub.app.getHttpServer()).post('/codes/login').send({ code });

  it('does not outlive a subscription that expired before the step ran', async () => {
    const subscriptionId = randomUUID();
    const paidUntil = new Date(Date.now() + 30 * day).toISOString();
    await emitSubscriptionEvent(hub, 'subscription.activated', { id: subscriptionId, status: 'active', expiresAt: paidUntil });
    const ended = new Date(Date.now() - day).toISOString();
    await emitSubscriptionEvent(hub, 'subscription.expired', { id: subscriptionId, status: 'grace', expiresAt: ended });
    // The step of the run started by `subscription.activated` runs only now, with that event's expiry.
    const issued = await actions.create({ portalId, username: 'late_line', password: 'late-secret', subscriptionId, subscriptionExpiresAt: paidUntil }, { idempotencyKey: `late:${subscriptionId}` });
    expect(issued).toMatchObject({ state: 'expired', effectiveExpiresAt: ended });
    const code = (await hub.http.get(`/access-codes/${String(issued.accessCodeId)}`).expect(200)).body;
    expect(code).toMatchObject({ subscriptionExpiresAt: ended, effectiveExpiresAt: ended, state: 'expired' });
    await login(String(issued.code)).expect(401);
  });

  it('takes the renewed expiry when the subscription was renewed before the step ran', async () => {
    const subscriptionId = randomUUID();
    const first = new Date(Date.now() + 2 * day).toISOString();
    const renewed = new Date(Date.now() + 32 * day).toISOString();
    await emitSubscriptionEvent(hub, 'subscription.activated', { id: subscriptionId, status: 'active', expiresAt: first });
    await emitSubscriptionEvent(hub, 'subscription.renewed', { id: subscriptionId, status: 'active', expiresAt: renewed });
    const issued = await actions.create({ portalId, username: 'renewed_line', password: 'renewed-secret', subscriptionId, subscriptionExpiresAt: first }, { idempotencyKey: `late:${subscriptionId}` });
    expect(issued).toMatchObject({ state: 'active', effectiveExpiresAt: renewed });
  });

  it('still takes the given expiry when the hub has heard nothing of the subscription', async () => {
    const subscriptionId = randomUUID();
    const given = new Date(Date.now() + 10 * day).toISOString();
    const issued = await actions.create({ portalId, username: 'unknown_line', password: 'unknown-secret', subscriptionId, subscriptionExpiresAt: given }, { idempotencyKey: `late:${subscriptionId}` });
    expect(issued).toMatchObject({ state: 'active', effectiveExpiresAt: given });
  });
});
