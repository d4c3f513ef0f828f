import { randomUUID } from 'node:crypto';
import { AccessCodeActions } from '../../src/core/access-codes/access-code-actions.service';
import { createTestApp, TestApp } from '../helpers/test-app';
import { createPortal, events } from './helpers';

describe('access code operations for workflow actions', () => {
  let hub: TestApp;
  let actions: AccessCodeActions;
  let portalId: string;

  beforeAll(async () => {
    hub = await createTestApp();
    actions = hub.app.get(AccessCodeActions);
    portalId = (await createPortal(hub, 'Workflow portal', 'http://wf.example.com')).id;
  });
  afterAll(() => hub?.close());

  it('accessCode.create is idempotent by key, also under concurrent deliveries', async () => {
    const subscriptionId = randomUUID();
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const input = { portalId, username: 'wf_line', password: 'wf-secret', subscriptionId, subscriptionExpiresAt: expiresAt };
    const results = await Promise.all(Array.from({ length: 5 }, () => actions.create(input, { idempotencyKey: 'run-1:issue-code' })));
    const ids = new Set(results.map((result) => result.accessCodeId));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(results[0]).toMatchObject({ portalUrl: 'http://wf.example.com', state: 'active', effectiveExpiresAt: expiresAt });
    expect(JSON.stringify(results)).not.toContain('wf-secret');
    const again = await actions.create(input, { idempotencyKey: 'run-1:issue-code' });
    expect(again).toMatchObject({ replayed: true, accessCodeId: [...ids][0] });
    const linked = (await hub.http.get('/access-codes').query({ subscriptionId }).expect(200)).body.items;
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ expiryMode: 'default', subscriptionExpiresAt: expiresAt });
    expect(await events(hub, 'access_code.created', linked[0].id)).toHaveLength(1);
    await expect(actions.deactivate({ subscriptionId }, { idempotencyKey: 'run-1:issue-code' })).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('accessCode.deactivate and accessCode.setExpiry act once per key on a code, a code string or a subscription', async () => {
    const subscriptionId = randomUUID();
    const a = await actions.create({ portalId, username: 'a', password: 'p', subscriptionId }, { idempotencyKey: 'run-2:a' });
    await actions.create({ portalId, username: 'b', password: 'p', subscriptionId }, { idempotencyKey: 'run-2:b' });
    const off = await actions.deactivate({ subscriptionId }, { idempotencyKey: 'run-2:off' });
    expect(off).toMatchObject({ changed: 2, replayed: false });
    expect((off.accessCodeIds as string[]).length).toBe(2);
    // Re-activated by an operator in between: a redelivery of the same step must not undo that.
    await hub.http.patch(`/access-codes/${a.accessCodeId}`).send({ status: 'active' }).expect(200);
    expect(await actions.deactivate({ subscriptionId }, { idempotencyKey: 'run-2:off' })).toMatchObject({ replayed: true, changed: 2 });
    expect((await hub.http.get(`/access-codes/${a.accessCodeId}`)).body.status).toBe('active');

    const set = await actions.setExpiry({ code: String(a.code).toLowerCase(), expiresAt: '2035-01-01T00:00:00Z' }, { idempotencyKey: 'run-2:expiry' });
    expect(set).toMatchObject({ changed: 1, expiryMode: 'date', expiresAt: '2035-01-01T00:00:00.000Z' });
    expect((await hub.http.get(`/access-codes/${a.accessCodeId}`)).body.effectiveExpiresAt).toBe('2035-01-01T00:00:00.000Z');
    const lifetime = await actions.setExpiry({ accessCodeId: String(a.accessCodeId), expiryMode: 'lifetime' }, { idempotencyKey: 'run-2:lifetime' });
    expect(lifetime).toMatchObject({ changed: 1, expiryMode: 'lifetime' });
    await expect(actions.setExpiry({ accessCodeId: String(a.accessCodeId) }, { idempotencyKey: 'run-2:none' })).rejects.toMatchObject({ status: 422, code: 'EXPIRY_REQUIRED' });
    await expect(actions.deactivate({ code: 'ZZZZZ9' }, { idempotencyKey: 'run-2:missing' })).rejects.toMatchObject({ status: 404 });
    await expect(actions.deactivate({ code: 'A', subscriptionId }, { idempotencyKey: 'run-2:both' })).rejects.toMatchObject({ status: 422, code: 'CODE_TARGET_REQUIRED' });
  });

  it('a dry run validates and reports without writing', async () => {
    const before = (await hub.http.get('/access-codes').query({ portalId }).expect(200)).body.items.length;
    const dry = await actions.create({ portalId, code: 'dry7k', username: 'x', password: 'y' }, { idempotencyKey: 'run-3:dry', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, wouldCreate: true, code: 'DRY7K' });
    await expect(actions.create({ portalId, code: 'DRY0K', username: 'x', password: 'y' }, { idempotencyKey: 'run-3:dry-bad', dryRun: true })).rejects.toMatchObject({ code: 'INVALID_CODE_FORMAT' });
    expect((await hub.http.get('/access-codes').query({ portalId }).expect(200)).body.items.length).toBe(before);
    // The key of a dry run stays free for the real run.
    expect(await actions.create({ portalId, code: 'DRY7K', username: 'x', password: 'y' }, { idempotencyKey: 'run-3:dry' })).toMatchObject({ replayed: false, code: 'DRY7K' });
  });
});
