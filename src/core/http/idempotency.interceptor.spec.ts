import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { defer, lastValueFrom } from 'rxjs';
import { HubError } from '../common/errors';
import { SecretBox } from '../crypto/secret-box';
import { BoundSqliteDriver } from '../database/sqlite-bound-connection';
import type { HubScheduler } from '../scheduler/scheduler.service';
import { IdempotencyPlan, idempotencyPlanOf, NO_IDEMPOTENCY_PLAN } from './idempotency-plan';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IdempotencyInterceptor, STALE_ATTEMPT_MS } from './idempotency.interceptor';

type Handler = (plan: IdempotencyPlan) => Promise<unknown>;

describe('IdempotencyInterceptor', () => {
  let orm: MikroORM;
  let interceptor: IdempotencyInterceptor;
  let purge: () => Promise<void>;
  const secrets = new SecretBox(randomBytes(32));

  beforeAll(async () => {
    orm = await MikroORM.init({ driver: BoundSqliteDriver, dbName: ':memory:', entities: [IdempotencyRecord], allowGlobalContext: true } as never);
    await orm.schema.create();
    const scheduler = { every: (_name: string, _ms: number, run: () => Promise<void>) => (purge = run) } as unknown as HubScheduler;
    interceptor = new IdempotencyInterceptor(orm, secrets, scheduler);
  });
  afterAll(() => orm.close());

  /** One POST through the interceptor; the handler gets the request's plan as a controller would. */
  const post = async (key: string | undefined, body: unknown, handler: Handler) => {
    const req = { method: 'POST', path: '/things', headers: key === undefined ? {} : { 'idempotency-key': key }, body, apiKeyId: 'k1' } as unknown as Request;
    const headers: Record<string, string> = {};
    const res = {
      statusCode: 200,
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      type() {
        return this;
      },
      setHeader(name: string, value: string) {
        headers[name.toLowerCase()] = value;
      },
    };
    const context = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ExecutionContext;
    const next: CallHandler = { handle: () => defer(() => handler(idempotencyPlanOf(req))) };
    try {
      const result = await lastValueFrom(interceptor.intercept(context, next), { defaultValue: undefined });
      return { ok: true as const, result, status: res.statusCode, replayed: headers['idempotent-replayed'] === 'true' };
    } catch (error) {
      return { ok: false as const, error: error as HubError };
    }
  };
  const serverError = () => new HubError(504, 'TIMEOUT', 'Panel operation failed', 'the panel did not answer');

  it('gives a retry after a 5xx the plan of the first attempt, then replays the success', async () => {
    let computed = 0;
    const handler = (fail: boolean): Handler => async (plan) => {
      const planned = await plan.once(async () => ({ expiresAt: new Date(Date.UTC(2030, 0, 1) + computed++ * 86_400_000).toISOString() }));
      if (fail) throw serverError();
      return planned;
    };
    const first = await post('plan-1', { days: 30 }, handler(true));
    expect(first).toMatchObject({ ok: false, error: { status: 504 } });
    const retry = await post('plan-1', { days: 30 }, handler(false));
    expect(retry).toMatchObject({ ok: true, result: { expiresAt: '2030-01-01T00:00:00.000Z' }, replayed: false });
    expect(computed).toBe(1);
    const replay = await post('plan-1', { days: 30 }, handler(false));
    expect(replay).toMatchObject({ ok: true, result: { expiresAt: '2030-01-01T00:00:00.000Z' }, replayed: true });
    expect(computed).toBe(1);
  });

  it('stores the plan before the handler acts on it, sealed', async () => {
    let seen: IdempotencyRecord | null = null;
    await post('plan-2', { days: 1 }, async (plan) => {
      await plan.once(async () => ({ expiresAt: '2031-02-03T04:05:06.000Z' }));
      seen = await orm.em.fork().findOne(IdempotencyRecord, { state: 'in_progress' });
      throw serverError();
    });
    expect(seen).toMatchObject({ state: 'in_progress', planSealed: expect.stringMatching(/^v1\./) });
    const rows = await orm.em.getConnection().execute('select * from hub_idempotency_record');
    expect(JSON.stringify(rows)).not.toContain('2031-02-03');
    expect(rows.find((row: { state: string; plan_sealed: string | null }) => row.state === 'retryable' && row.plan_sealed)).toBeDefined();
  });

  it('lets a retry run again after a 5xx that stored no plan', async () => {
    let runs = 0;
    expect(await post('plain-1', { a: 1 }, async () => ((runs += 1), Promise.reject(serverError())))).toMatchObject({ ok: false });
    expect(await post('plain-1', { a: 1 }, async () => ((runs += 1), { made: runs }))).toMatchObject({ ok: true, result: { made: 2 }, replayed: false });
    expect(runs).toBe(2);
  });

  it('refuses the key with another body (422), also while the record is retryable, and keeps the plan for the right body', async () => {
    await post('body-1', { days: 30 }, async (plan) => (await plan.once(async () => 'planned-A'), Promise.reject(serverError())));
    const other = await post('body-1', { days: 31 }, async () => 'never');
    expect(other).toMatchObject({ ok: false, error: { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await post('body-1', { days: 30 }, (plan) => plan.once(async () => 'planned-B'))).toMatchObject({ ok: true, result: 'planned-A' });
  });

  it('answers 409 to a retry while an attempt runs, and lets exactly one of two concurrent retries take a retryable record', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = post('race-1', { n: 1 }, async () => (await gate, Promise.reject(serverError())));
    await waitUntil(async () => (await orm.em.fork().count(IdempotencyRecord, { state: 'in_progress' })) > 0);
    expect(await post('race-1', { n: 1 }, async () => 'never')).toMatchObject({ ok: false, error: { status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' } });
    release();
    expect(await running).toMatchObject({ ok: false, error: { status: 504 } });

    let runs = 0;
    let open!: () => void;
    const slow = new Promise<void>((resolve) => (open = resolve));
    const handler: Handler = async () => {
      runs += 1;
      await slow;
      return { ran: runs };
    };
    const both = Promise.all([post('race-1', { n: 1 }, handler), post('race-1', { n: 1 }, handler)]);
    await waitUntil(() => runs > 0);
    open();
    const outcomes = await both;
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ error: { status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' } });
  });

  it('lets a retry take over an attempt that died with its process, once it is older than the takeover window', async () => {
    await post('dead-1', { days: 7 }, async (plan) => (await plan.once(async () => 'planned-dead'), Promise.reject(serverError())));
    // A retry claimed the record, planned nothing new, and its process died: the record stays in_progress.
    const dying = async (minutesAgo: number) => orm.em.fork().nativeUpdate(IdempotencyRecord, { state: 'retryable' }, { state: 'in_progress', claimedAt: new Date(Date.now() - minutesAgo * 60_000) });
    await dying(1);
    expect(await post('dead-1', { days: 7 }, async () => 'never')).toMatchObject({ ok: false, error: { status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' } });
    await orm.em.fork().nativeUpdate(IdempotencyRecord, { state: 'in_progress' }, { claimedAt: new Date(Date.now() - (STALE_ATTEMPT_MS + 60_000)) });
    expect(await post('dead-1', { days: 7 }, (plan) => plan.once(async () => 'planned-again'))).toMatchObject({ ok: true, result: 'planned-dead', replayed: false });
    // A record written before claimedAt existed counts from its creation.
    await post('dead-2', {}, async () => Promise.reject(serverError()));
    await orm.em.fork().nativeUpdate(IdempotencyRecord, { state: 'retryable' }, { state: 'in_progress', claimedAt: null, createdAt: new Date(Date.now() - (STALE_ATTEMPT_MS + 60_000)) });
    expect(await post('dead-2', {}, async () => 'ran')).toMatchObject({ ok: true, result: 'ran' });
  });

  it('stores a 4xx as the outcome: the retry replays it without running', async () => {
    let runs = 0;
    const refuse: Handler = async () => ((runs += 1), Promise.reject(new HubError(422, 'NOPE', 'Unprocessable content', 'no')));
    expect(await post('refused-1', {}, refuse)).toMatchObject({ ok: false, error: { status: 422 } });
    expect(await post('refused-1', {}, refuse)).toMatchObject({ ok: true, status: 422, replayed: true, result: { code: 'NOPE' } });
    expect(runs).toBe(1);
  });

  it('plans once per request, and without a key only computes', async () => {
    const twice = await post('twice-1', {}, async (plan) => {
      await plan.once(async () => 1);
      return plan.once(async () => 2);
    });
    expect(twice).toMatchObject({ ok: false, error: { message: expect.stringContaining('once per request') } });
    expect(await post(undefined, {}, async (plan) => ({ key: plan.key ?? null, value: await plan.once(async () => 'fresh') }))).toMatchObject({ ok: true, result: { key: null, value: 'fresh' } });
    expect(NO_IDEMPOTENCY_PLAN.key).toBeUndefined();
  });

  it('purges old records in every state, retryable ones with their plans', async () => {
    await post('old-1', {}, async (plan) => (await plan.once(async () => 'p'), Promise.reject(serverError())));
    await orm.em.fork().nativeUpdate(IdempotencyRecord, {}, { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) });
    await post('new-1', {}, async () => 'fresh');
    await purge();
    const left = await orm.em.fork().find(IdempotencyRecord, {});
    expect(left).toHaveLength(1);
    expect(left[0].state).toBe('done');
  });
});

async function waitUntil(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}
