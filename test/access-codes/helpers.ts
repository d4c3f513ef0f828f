import { EventsService } from '../../src/core/events/events.service';
import type { TestApp } from '../helpers/test-app';

export async function createPortal(hub: TestApp, name = 'Main portal', url = 'http://line.example.com:8080'): Promise<{ id: string; name: string; url: string }> {
  const res = await hub.http.post('/portals').send({ name, url }).expect(201);
  return res.body;
}

export async function createCode(hub: TestApp, body: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await hub.http.post('/access-codes').send({ username: 'line_user', password: 'Pa55-word!', ...body });
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Records a subscription event as the subscriptions module does (payload convention `{ subscription }`). */
export async function emitSubscriptionEvent(hub: TestApp, type: string, subscription: { id: string; status?: string; expiresAt: string | null }): Promise<void> {
  await hub.app.get(EventsService).transaction(async (_em, emit) => {
    emit({
      type,
      subject: { type: 'subscription', id: subscription.id },
      payload: { subscription: { customerId: 'c', productId: 'p', panelId: 'x', status: 'active', ...subscription } },
    });
  });
}

export async function events(hub: TestApp, type: string, subjectId?: string): Promise<Array<{ type: string; payload: Record<string, any> }>> {
  const res = await hub.http.get('/events').query({ type, ...(subjectId ? { subjectId } : {}), limit: 200 }).expect(200);
  return res.body.items;
}

export async function audit(hub: TestApp, query: Record<string, string>): Promise<Array<Record<string, any>>> {
  const res = await hub.http.get('/audit').query({ limit: 200, ...query }).expect(200);
  return res.body.items;
}
