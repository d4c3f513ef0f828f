import { randomUUID } from 'node:crypto';
import { SubscriptionFollower } from '../../src/core/access-codes/subscription-follower.service';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';
import { audit, createCode, createPortal, emitSubscriptionEvent, events } from './helpers';

describe('portals and access codes', () => {
  let hub: TestApp;
  let portal: { id: string; name: string; url: string };

  beforeAll(async () => {
    hub = await createTestApp();
    portal = await createPortal(hub);
  });
  afterAll(() => hub?.close());

  describe('portals', () => {
    it('creates, lists, updates and deletes a portal', async () => {
      const created = await createPortal(hub, 'Backup', 'https://backup.example.com');
      expect(created).toMatchObject({ name: 'Backup', url: 'https://backup.example.com', codeCount: 0 });
      const bad = await hub.http.post('/portals').send({ name: 'X', url: 'not a url' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
      const updated = await hub.http.patch(`/portals/${created.id}`).send({ notes: 'spare' }).expect(200);
      expect(updated.body.notes).toBe('spare');
      const list = await hub.http.get('/portals').query({ search: 'backup' }).expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([created.id]);
      await hub.http.delete(`/portals/${created.id}`).expect(204);
      await hub.http.get(`/portals/${created.id}`).expect(404);
    });

    it('refuses to delete a portal in use, naming how many codes use it, until they move', async () => {
      const doomed = await createPortal(hub, 'Doomed', 'http://doomed.example.com');
      const a = await createCode(hub, { portalId: doomed.id });
      await createCode(hub, { portalId: doomed.id });
      const refused = await hub.http.delete(`/portals/${doomed.id}`).expect(409);
      expect(refused.body).toMatchObject({ code: 'PORTAL_IN_USE', codeCount: 2 });
      expect(refused.body.detail).toContain('2 access codes');
      expect((await hub.http.get(`/portals/${doomed.id}`).expect(200)).body.codeCount).toBe(2);
      const moved = await hub.http.post('/access-codes/bulk').send({ action: 'move', filter: { portalId: doomed.id }, portalId: portal.id }).expect(200);
      expect(moved.body.summary).toEqual({ updated: 2, unchanged: 0, deleted: 0, notFound: 0 });
      expect((await hub.http.get(`/access-codes/${a.id}`).expect(200)).body.portalId).toBe(portal.id);
      await hub.http.delete(`/portals/${doomed.id}`).expect(204);
    });
  });

  describe('format, uniqueness and immutability', () => {
    it('accepts lowercase input with spaces and stores it upper-case', async () => {
      const code = await createCode(hub, { code: '  k7m2xq ', portalId: portal.id });
      expect(code).toMatchObject({ code: 'K7M2XQ', portalId: portal.id, portalName: 'Main portal', status: 'active', state: 'active', expiryMode: 'default', effectiveExpiresAt: null });
      expect(JSON.stringify(code)).not.toContain('Pa55-word!');
    });

    it.each([
      ['AB0CD', 'CODE_DIGIT_ZERO'],
      ['ABOCD', 'CODE_LETTER_O'],
      ['abocd', 'CODE_LETTER_O'],
      ['ABC', 'CODE_LENGTH'],
      ['ABCDEFG', 'CODE_LENGTH'],
      ['AB-CD', 'CODE_CHARACTER'],
    ])('rejects %s with 422 naming the rule %s', async (input, rule) => {
      const res = await hub.http.post('/access-codes').send({ code: input, portalId: portal.id, username: 'u', password: 'p' }).expect(422);
      expect(res.body).toMatchObject({ code: 'INVALID_CODE_FORMAT' });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code', code: rule })]);
    });

    it('answers 409 to a duplicate, 422 to a change of the code, and frees a deleted code for reuse', async () => {
      const first = await createCode(hub, { code: 'DUP4', portalId: portal.id });
      const dup = await hub.http.post('/access-codes').send({ code: 'dup4', portalId: portal.id, username: 'u', password: 'p' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'ACCESS_CODE_TAKEN', status: 409 });
      const change = await hub.http.patch(`/access-codes/${first.id}`).send({ code: 'DUP5' }).expect(422);
      expect(change.body.code).toBe('CODE_IMMUTABLE');
      // Sending the same code back (any case) is not a change.
      await hub.http.patch(`/access-codes/${first.id}`).send({ code: 'dup4', notes: 'same code' }).expect(200);
      await hub.http.delete(`/access-codes/${first.id}`).expect(204);
      await hub.http.get(`/access-codes/${first.id}`).expect(404);
      const reused = await createCode(hub, { code: 'DUP4', portalId: portal.id });
      expect(reused.id).not.toBe(first.id);
      // Exact types: the events list's `prefix.*` filter does not match underscores on SQLite.
      const kinds: string[] = [];
      for (const type of ['access_code.created', 'access_code.updated', 'access_code.deleted']) kinds.push(...(await events(hub, type, first.id)).map((event) => event.type));
      expect(kinds).toEqual(['access_code.created', 'access_code.updated', 'access_code.deleted']);
    });

    it('generates collision-free codes of the configured length', async () => {
      const generated = await Promise.all([4, 5, 6, undefined].map((length) => createCode(hub, { portalId: portal.id, ...(length ? { length } : {}) })));
      expect(generated.map((code) => code.code.length)).toEqual([4, 5, 6, 6]);
      for (const code of generated) expect(code.code).toMatch(/^[A-NP-Z1-9]+$/);
      const many = await Promise.all(Array.from({ length: 30 }, () => createCode(hub, { portalId: portal.id, length: 4 })));
      expect(new Set(many.map((code) => code.code)).size).toBe(30);
      const capacity = await hub.http.get('/access-codes/capacity').expect(200);
      expect(capacity.body.lengths[0]).toMatchObject({ length: 4, space: 34 ** 4, exhausted: false });
      expect(capacity.body.lengths[0].used).toBeGreaterThanOrEqual(31);
    });

    it('keeps the password encrypted: reveal returns it and is audited without it', async () => {
      const code = await createCode(hub, { portalId: portal.id, password: 'Reveal-Me-42' });
      const revealed = await hub.http.post(`/access-codes/${code.id}/reveal`).expect(200);
      expect(revealed.body).toEqual({ id: code.id, code: code.code, portalUrl: portal.url, username: 'line_user', password: 'Reveal-Me-42' });
      const entries = await audit(hub, { targetId: code.id });
      expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['access_code.create', 'access_code.reveal']));
      expect(JSON.stringify(entries)).not.toContain('Reveal-Me-42');
      const created = await events(hub, 'access_code.created', code.id);
      expect(created[0].payload.accessCode).toMatchObject({ id: code.id, code: code.code, portalId: portal.id });
      expect(JSON.stringify(created)).not.toContain('Reveal-Me-42');
      expect(JSON.stringify(created)).not.toContain('line_user');
      const readOnly = await hub.http.post('/api-keys').send({ name: 'viewer', scopes: ['read-only'] }).expect(201);
      await hub.http.post(`/access-codes/${code.id}/reveal`).set('authorization', `Bearer ${readOnly.body.key}`).expect(403);
    });
  });

  describe('expiry', () => {
    it('lifetime never expires; a past date is expired; date mode needs a date', async () => {
      const lifetime = await createCode(hub, { portalId: portal.id, expiryMode: 'lifetime' });
      expect(lifetime).toMatchObject({ state: 'lifetime', effectiveExpiresAt: null });
      const past = await createCode(hub, { portalId: portal.id, expiresAt: '2020-01-01T00:00:00Z' });
      expect(past).toMatchObject({ expiryMode: 'date', state: 'expired', effectiveExpiresAt: '2020-01-01T00:00:00.000Z' });
      const missing = await hub.http.post('/access-codes').send({ portalId: portal.id, username: 'u', password: 'p', expiryMode: 'date' }).expect(422);
      expect(missing.body.code).toBe('EXPIRES_AT_REQUIRED');
      const conflict = await hub.http.post('/access-codes').send({ portalId: portal.id, username: 'u', password: 'p', expiryMode: 'lifetime', expiresAt: '2030-01-01T00:00:00Z' }).expect(422);
      expect(conflict.body.code).toBe('EXPIRY_CONFLICT');
      // Setting lifetime on the expired code revives it; the lifetime code stays lifetime whatever subscription says.
      const revived = await hub.http.patch(`/access-codes/${past.id}`).send({ expiryMode: 'lifetime' }).expect(200);
      expect(revived.body).toMatchObject({ state: 'lifetime', expiresAt: null, effectiveExpiresAt: null });
      const inactive = await hub.http.patch(`/access-codes/${lifetime.id}`).send({ status: 'inactive' }).expect(200);
      expect(inactive.body.state).toBe('inactive');
    });

    it('default expiry follows the linked subscription when it is renewed, and only while linked', async () => {
      const subscriptionId = randomUUID();
      const first = new Date(Date.now() + 86_400_000).toISOString();
      await emitSubscriptionEvent(hub, 'subscription.activated', { id: subscriptionId, expiresAt: first });
      const code = await createCode(hub, { portalId: portal.id, subscriptionId });
      // The expiry was already known from the earlier event.
      const known = await waitFor(async () => {
        const res = await hub.http.get(`/access-codes/${code.id}`).expect(200);
        return res.body.effectiveExpiresAt ? res.body : undefined;
      });
      expect(known).toMatchObject({ expiryMode: 'default', subscriptionExpiresAt: first, effectiveExpiresAt: first, state: 'active' });
      const lifetime = await createCode(hub, { portalId: portal.id, subscriptionId, expiryMode: 'lifetime' });

      const renewed = new Date(Date.now() + 31 * 86_400_000).toISOString();
      await emitSubscriptionEvent(hub, 'subscription.renewed', { id: subscriptionId, expiresAt: renewed });
      await waitFor(async () => (await hub.http.get(`/access-codes/${code.id}`)).body.effectiveExpiresAt === renewed, { message: 'code to follow the renewal' });
      const expired = new Date(Date.now() - 1000).toISOString();
      await emitSubscriptionEvent(hub, 'subscription.expired', { id: subscriptionId, status: 'expired', expiresAt: expired });
      const after = await waitFor(async () => {
        const res = await hub.http.get(`/access-codes/${code.id}`);
        return res.body.state === 'expired' ? res.body : undefined;
      });
      expect(after.effectiveExpiresAt).toBe(expired);
      expect((await hub.http.get(`/access-codes/${lifetime.id}`)).body).toMatchObject({ state: 'lifetime', effectiveExpiresAt: null, subscriptionExpiresAt: expired });
      const updates = await events(hub, 'access_code.updated', code.id);
      expect(updates.some((event) => event.payload.cause === 'subscription.renewed')).toBe(true);

      const unlinked = await hub.http.patch(`/access-codes/${code.id}`).send({ subscriptionId: null }).expect(200);
      expect(unlinked.body).toMatchObject({ subscriptionId: null, effectiveExpiresAt: null, state: 'active' });
    });

    it('ignores a subscription event older than the one already applied', async () => {
      const subscriptionId = randomUUID();
      const code = await createCode(hub, { portalId: portal.id, subscriptionId });
      const later = new Date(Date.now() + 10 * 86_400_000).toISOString();
      await emitSubscriptionEvent(hub, 'subscription.renewed', { id: subscriptionId, expiresAt: later });
      await waitFor(async () => (await hub.http.get(`/access-codes/${code.id}`)).body.effectiveExpiresAt === later);
      // Redeliver an old event directly to the follower: it must not roll the expiry back.
      await hub.app.get(SubscriptionFollower).apply({ id: '00000000-0000-7000-8000-000000000000', type: 'subscription.activated', occurredAt: new Date(0).toISOString(), correlationId: 'old', subject: null, payload: { subscription: { id: subscriptionId, expiresAt: new Date().toISOString() } } });
      expect((await hub.http.get(`/access-codes/${code.id}`)).body.effectiveExpiresAt).toBe(later);
    });
  });

  describe('search, filters, sorting and pagination', () => {
    let searchPortal: { id: string };
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      searchPortal = await createPortal(hub, 'Search portal', 'http://search.example.com');
      const make = async (key: string, body: Record<string, unknown>) => (ids[key] = (await createCode(hub, { portalId: searchPortal.id, ...body })).id);
      await make('alpha', { code: 'SRCH1', username: 'alice_line', notes: 'VIP customer' });
      await make('beta', { code: 'SRCH2', username: 'bob_line', status: 'inactive' });
      await make('gamma', { code: 'SRCH3', username: 'carol', expiresAt: '2021-06-01T00:00:00Z' });
      await make('delta', { code: 'SRCH4', username: 'dave', expiryMode: 'lifetime', notes: 'vip too' });
      await make('eps', { code: 'SRCH5', username: 'erin', expiresAt: '2099-01-01T00:00:00Z' });
    });

    const query = async (q: Record<string, unknown>) => (await hub.http.get('/access-codes').query({ portalId: searchPortal.id, ...q }).expect(200)).body;
    const codes = (page: { items: Array<{ code: string }> }) => page.items.map((item) => item.code);

    it('searches code, username and notes case-insensitively', async () => {
      expect(codes(await query({ search: 'vip' })).sort()).toEqual(['SRCH1', 'SRCH4']);
      expect(codes(await query({ search: 'BOB' }))).toEqual(['SRCH2']);
      expect(codes(await query({ search: 'srch3' }))).toEqual(['SRCH3']);
    });

    it('filters by status, state, expired and expiry mode', async () => {
      expect(codes(await query({ status: 'inactive' }))).toEqual(['SRCH2']);
      expect(codes(await query({ expired: 'true' }))).toEqual(['SRCH3']);
      expect(codes(await query({ expired: false })).sort()).toEqual(['SRCH1', 'SRCH2', 'SRCH4', 'SRCH5']);
      expect(codes(await query({ state: 'lifetime' }))).toEqual(['SRCH4']);
      expect(codes(await query({ state: 'active' })).sort()).toEqual(['SRCH1', 'SRCH5']);
      expect(codes(await query({ state: 'expired' }))).toEqual(['SRCH3']);
      expect(codes(await query({ expiryMode: 'date' })).sort()).toEqual(['SRCH3', 'SRCH5']);
      await hub.http.get('/access-codes').query({ state: 'zombie' }).expect(400);
    });

    it('sorts and pages with cursors, nulls last', async () => {
      expect(codes(await query({ sort: 'code', order: 'asc' }))).toEqual(['SRCH1', 'SRCH2', 'SRCH3', 'SRCH4', 'SRCH5']);
      const collected: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await query({ sort: 'expiresAt', order: 'asc', limit: 2, ...(cursor ? { cursor } : {}) });
        collected.push(...codes(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(collected.slice(0, 2)).toEqual(['SRCH3', 'SRCH5']);
      expect(collected.slice(2).sort()).toEqual(['SRCH1', 'SRCH2', 'SRCH4']);
      expect(collected).toHaveLength(5);
      const desc: string[] = [];
      cursor = undefined;
      do {
        const page = await query({ sort: 'code', order: 'desc', limit: 2, ...(cursor ? { cursor } : {}) });
        desc.push(...codes(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(desc).toEqual(['SRCH5', 'SRCH4', 'SRCH3', 'SRCH2', 'SRCH1']);
      const first = await query({ sort: 'code', limit: 2 });
      const wrong = await hub.http.get('/access-codes').query({ sort: 'createdAt', cursor: first.nextCursor }).expect(400);
      expect(wrong.body.errors[0]).toMatchObject({ field: 'cursor', code: 'INVALID_CURSOR' });
    });
  });

  describe('bulk actions', () => {
    it('deactivates, activates, sets expiry and deletes by ids or filter with a result and an audit entry per code', async () => {
      const bulkPortal = await createPortal(hub, 'Bulk portal', 'http://bulk.example.com');
      const made = await Promise.all(Array.from({ length: 5 }, () => createCode(hub, { portalId: bulkPortal.id, notes: 'bulk' })));
      const ids = made.map((code) => code.id);
      const missing = randomUUID();
      const off = await hub.http.post('/access-codes/bulk').send({ action: 'deactivate', ids: [...ids.slice(0, 3), missing] }).expect(200);
      expect(off.body.summary).toEqual({ updated: 3, unchanged: 0, deleted: 0, notFound: 1 });
      expect(off.body.results).toContainEqual({ id: missing, code: null, outcome: 'not_found' });
      const again = await hub.http.post('/access-codes/bulk').send({ action: 'deactivate', filter: { portalId: bulkPortal.id } }).expect(200);
      expect(again.body.summary).toMatchObject({ updated: 2, unchanged: 3 });
      const on = await hub.http.post('/access-codes/bulk').send({ action: 'activate', filter: { portalId: bulkPortal.id, status: 'inactive' } }).expect(200);
      expect(on.body.matched).toBe(5);
      const expiry = await hub.http.post('/access-codes/bulk').send({ action: 'setExpiry', ids, expiresAt: '2031-01-01T00:00:00Z' }).expect(200);
      expect(expiry.body.summary.updated).toBe(5);
      expect((await hub.http.get(`/access-codes/${ids[0]}`)).body).toMatchObject({ expiryMode: 'date', effectiveExpiresAt: '2031-01-01T00:00:00.000Z' });
      const perCode = await audit(hub, { action: 'access_code.set_expiry' });
      expect(perCode.filter((entry) => ids.includes(entry.targetId))).toHaveLength(5);
      const empty = await hub.http.post('/access-codes/bulk').send({ action: 'delete', filter: {} }).expect(422);
      expect(empty.body.code).toBe('BULK_FILTER_EMPTY');
      const both = await hub.http.post('/access-codes/bulk').send({ action: 'delete', ids, filter: { portalId: bulkPortal.id } }).expect(422);
      expect(both.body.code).toBe('BULK_TARGET_REQUIRED');
      const removed = await hub.http.post('/access-codes/bulk').send({ action: 'delete', filter: { portalId: bulkPortal.id } }).expect(200);
      expect(removed.body.summary.deleted).toBe(5);
      const deletedEvents = await events(hub, 'access_code.deleted');
      expect(deletedEvents.filter((event) => ids.includes(event.payload.accessCode.id))).toHaveLength(5);
      await hub.http.delete(`/portals/${bulkPortal.id}`).expect(204);
    });
  });
});
