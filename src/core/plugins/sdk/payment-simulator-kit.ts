/**
 * Building blocks for payment provider simulators: an outbox that delivers signed webhooks the
 * way providers do — at least once, retried on non-2xx answers on the provider's schedule — and
 * that tests can bend: duplicates, held back and released out of order, or late.
 */

import { withTimeoutSignal } from './timeout-signal';

/** One signed HTTP request as the provider sends it. */
export interface SignedWebhook {
  headers: Record<string, string>;
  body: string;
  /** Where this one goes, for providers that take a callback URL per payment (else the outbox's target). */
  url?: string;
}

export interface WebhookDeliveryRecord {
  /** Sequence number of the webhook (not of the attempt). */
  seq: number;
  attempt: number;
  url: string;
  status: number | null;
  error?: string;
  body: string;
  at: Date;
}

export interface WebhookOutboxOptions {
  /** Waits before each retry, in ms (the provider's schedule; tests shrink it). */
  retryDelaysMs?: number[];
  /** Per-attempt request timeout. */
  timeoutMs?: number;
}

interface Pending {
  seq: number;
  /** Signs at send time: providers with a timestamp under the signature re-sign every attempt. */
  build: (attempt: number) => SignedWebhook;
}

export class WebhookOutbox {
  /** Where webhooks go (the hub's `/hooks/payments/{provider}/{accountId}`); null = nowhere (dropped). */
  targetUrl: string | null = null;
  /** Extra copies of every webhook (a provider's duplicate delivery). */
  duplicates = 0;
  /** When set, webhooks wait in order until `release()`. */
  holding = false;
  /** Added before the first attempt of every webhook. */
  delayMs = 0;
  retryDelaysMs: number[];
  readonly timeoutMs: number;
  readonly deliveries: WebhookDeliveryRecord[] = [];
  private readonly held: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private seq = 0;
  private closed = false;

  constructor(options: WebhookOutboxOptions = {}) {
    this.retryDelaysMs = options.retryDelaysMs ?? [50, 100, 200];
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** Queues one webhook (plus `duplicates` copies); returns its sequence number. */
  send(build: (attempt: number) => SignedWebhook): number {
    const pending: Pending = { seq: (this.seq += 1), build };
    for (let copy = 0; copy <= this.duplicates; copy += 1) {
      if (this.holding) this.held.push(pending);
      else this.track(this.deliver(pending));
    }
    return pending.seq;
  }

  /** Sends what is held, in order or reversed (out-of-order delivery). */
  release(options: { reverse?: boolean } = {}): void {
    this.holding = false;
    const batch = this.held.splice(0);
    if (options.reverse) batch.reverse();
    // One after the other, so the order on the wire is the order asked for.
    this.track(batch.reduce((chain, pending) => chain.then(() => this.attempt(pending, 1, true)), Promise.resolve()));
  }

  /** Resolves once nothing is in flight (retries included). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Deliveries answered 2xx. */
  acknowledged(): WebhookDeliveryRecord[] {
    return this.deliveries.filter((record) => record.status !== null && record.status >= 200 && record.status < 300);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.held.length = 0;
    await this.idle();
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async deliver(pending: Pending): Promise<void> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    await this.attempt(pending, 1, false);
  }

  private async attempt(pending: Pending, attempt: number, sequential: boolean): Promise<void> {
    if (this.closed) return;
    const webhook = pending.build(attempt);
    const url = webhook.url ?? this.targetUrl;
    if (!url) return;
    const record: WebhookDeliveryRecord = { seq: pending.seq, attempt, url, status: null, body: webhook.body, at: new Date() };
    this.deliveries.push(record);
    try {
      await withTimeoutSignal(this.timeoutMs, async (signal) => {
        const response = await fetch(url, { method: 'POST', headers: webhook.headers, body: webhook.body, signal, redirect: 'manual' });
        record.status = response.status;
        await response.arrayBuffer();
      });
    } catch (error) {
      record.error = (error as Error).message;
    }
    const ok = record.status !== null && record.status >= 200 && record.status < 300;
    const wait = this.retryDelaysMs[attempt - 1];
    if (ok || wait === undefined || this.closed) return;
    const retry = sleep(wait).then(() => this.attempt(pending, attempt + 1, false));
    // A retry of an ordered batch must not hold the rest of the batch back (providers retry out of band).
    if (sequential) this.track(retry);
    else await retry;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
