import { AsyncLocalStorage } from 'node:async_hooks';
import { newId } from '../database/ids';

export interface Actor {
  type: 'api_key' | 'system' | 'anonymous';
  id: string;
}

export interface HubContext {
  correlationId: string;
  actor: Actor;
  ip?: string;
}

const storage = new AsyncLocalStorage<HubContext>();

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system' };

/**
 * Carries the correlation id and the acting principal through a request, a job and everything they
 * call, so logs, audit entries, events and jobs can be tied together without passing them by hand.
 */
export const hubContext = {
  run<T>(context: HubContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): HubContext | undefined {
    return storage.getStore();
  },
  correlationId(): string {
    return storage.getStore()?.correlationId ?? newId();
  },
  actor(): Actor {
    return storage.getStore()?.actor ?? SYSTEM_ACTOR;
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};

const CORRELATION_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Accepts a caller's correlation id only when it is a sane token; otherwise a new one is made.
 * New ones are time-ordered (UUIDv7): the audit, event and run tables index correlation ids, and
 * ordered keys append to those indexes instead of touching a random page on every insert.
 */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && CORRELATION_ID.test(value) ? value : newId();
}
