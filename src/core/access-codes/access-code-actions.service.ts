import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { Emit, EventsService } from '../events/events.service';
import { AccessCode, ExpiryMode } from './access-code.entity';
import { accessCodePayload, accessCodeSubject } from './access-code-events';
import { AccessCodeOperation } from './access-code-operation.entity';
import { planExpiry, portalOrFail, validCode } from './access-code-rules';
import { effectiveExpiry, stateOf } from './access-code-state';
import { AccessCodesService, NewAccessCode } from './access-codes.service';

export interface ActionOptions {
  /** Stable across retries of the same step (the workflow engine uses run id + step id). */
  idempotencyKey: string;
  /** Validate and report what would happen, without writing. */
  dryRun?: boolean;
}

/** Which codes an action targets: one by id or by code, or every code linked to a subscription. */
export interface CodeTarget {
  accessCodeId?: string;
  code?: string;
  subscriptionId?: string;
}

export interface SetExpiryInput extends CodeTarget {
  expiryMode?: ExpiryMode;
  expiresAt?: string | Date | null;
}

export interface ActionResult extends Record<string, unknown> {
  /** True when the key had been used before and this is the recorded result. */
  replayed: boolean;
  dryRun: boolean;
}

type Operation = 'accessCode.create' | 'accessCode.deactivate' | 'accessCode.setExpiry';

/**
 * The operations behind the workflow actions `accessCode.create`, `accessCode.deactivate` and
 * `accessCode.setExpiry`. Each is idempotent by key: the first run records its result in the
 * same transaction as its effect, and a repeated delivery gets that result back without acting
 * again. Results never contain the Xtream credentials.
 */
@Injectable()
export class AccessCodeActions {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly codes: AccessCodesService,
  ) {}

  create(input: NewAccessCode, options: ActionOptions): Promise<ActionResult> {
    return this.once('accessCode.create', options, async (em, emit, dryRun) => {
      if (dryRun) {
        if (input.code !== undefined) validCode(input.code);
        await portalOrFail(em, input.portalId);
        const plan = planExpiry(undefined, input.expiryMode, input.expiresAt);
        return { wouldCreate: true, code: input.code !== undefined ? validCode(input.code) : null, expiryMode: plan.expiryMode };
      }
      const code = await this.codes.createIn(em, emit, input);
      return { accessCodeId: code.id, code: code.code, portalId: code.portal.id, portalUrl: code.portal.url, status: code.status, state: stateOf(code), effectiveExpiresAt: code.effectiveExpiresAt?.toISOString() ?? null };
    });
  }

  deactivate(target: CodeTarget, options: ActionOptions): Promise<ActionResult> {
    return this.once('accessCode.deactivate', options, async (em, emit, dryRun) => {
      const codes = await this.targets(em, target);
      const changed = codes.filter((code) => code.status !== 'inactive');
      if (!dryRun) {
        for (const code of changed) {
          code.status = 'inactive';
          await this.audit.record({ action: 'access_code.deactivate', target: { type: 'access_code', id: code.id }, details: { code: code.code, via: 'workflow' } }, em);
          emit({ type: 'access_code.updated', payload: accessCodePayload(code, { changes: ['status'] }), subject: accessCodeSubject(code) });
        }
      }
      return { accessCodeIds: codes.map((code) => code.id), changed: changed.length };
    });
  }

  setExpiry(input: SetExpiryInput, options: ActionOptions): Promise<ActionResult> {
    return this.once('accessCode.setExpiry', options, async (em, emit, dryRun) => {
      if (input.expiryMode === undefined && (input.expiresAt === undefined || input.expiresAt === null)) {
        throw new UnprocessableError('EXPIRY_REQUIRED', 'accessCode.setExpiry needs expiryMode and/or expiresAt', [{ field: 'expiryMode', message: 'expiryMode or expiresAt is required', code: 'EXPIRY_REQUIRED' }]);
      }
      const plan = planExpiry(undefined, input.expiryMode, input.expiresAt);
      const codes = await this.targets(em, input);
      let changed = 0;
      for (const code of codes) {
        if (code.expiryMode === plan.expiryMode && (code.expiresAt?.getTime() ?? null) === (plan.expiresAt?.getTime() ?? null)) continue;
        changed += 1;
        if (dryRun) continue;
        code.expiryMode = plan.expiryMode;
        code.expiresAt = plan.expiresAt;
        code.effectiveExpiresAt = effectiveExpiry(code);
        await this.audit.record({ action: 'access_code.set_expiry', target: { type: 'access_code', id: code.id }, details: { code: code.code, expiryMode: plan.expiryMode, via: 'workflow' } }, em);
        emit({ type: 'access_code.updated', payload: accessCodePayload(code, { changes: ['expiryMode', 'expiresAt'] }), subject: accessCodeSubject(code) });
      }
      return { accessCodeIds: codes.map((code) => code.id), changed, expiryMode: plan.expiryMode, expiresAt: plan.expiresAt?.toISOString() ?? null };
    });
  }

  private async targets(em: EntityManager, target: CodeTarget): Promise<AccessCode[]> {
    const given = [target.accessCodeId, target.code, target.subscriptionId].filter((value) => value !== undefined && value !== null);
    if (given.length !== 1) {
      throw new UnprocessableError('CODE_TARGET_REQUIRED', 'Name exactly one of accessCodeId, code or subscriptionId', [{ field: 'accessCodeId', message: 'exactly one of accessCodeId, code, subscriptionId', code: 'CODE_TARGET_REQUIRED' }]);
    }
    if (target.subscriptionId) return em.find(AccessCode, { subscriptionId: target.subscriptionId, pending: false }, { populate: ['portal'], orderBy: { id: 'asc' } });
    const where = target.accessCodeId ? { id: target.accessCodeId } : { code: validCode(target.code) };
    const code = await em.findOne(AccessCode, { ...where, pending: false }, { populate: ['portal'] });
    if (!code) throw new NotFoundError('Access code', target.accessCodeId ?? String(target.code));
    return [code];
  }

  /** Runs `work` once per idempotency key; the recorded result commits with the effect. */
  private async once(operation: Operation, options: ActionOptions, work: (em: EntityManager, emit: Emit, dryRun: boolean) => Promise<Record<string, unknown>>): Promise<ActionResult> {
    if (!options.idempotencyKey || options.idempotencyKey.length > 255) {
      throw new UnprocessableError('IDEMPOTENCY_KEY_REQUIRED', 'Workflow operations need an idempotency key of 1 to 255 characters');
    }
    if (options.dryRun) return { ...(await work(this.em.fork(), () => undefined as never, true)), replayed: false, dryRun: true };
    const recorded = await this.recorded(operation, options.idempotencyKey);
    if (recorded) return recorded;
    try {
      return await this.events.transaction(async (em, emit) => {
        const result = await work(em, emit, false);
        em.persist(em.create(AccessCodeOperation, { key: options.idempotencyKey, operation, result }));
        return { ...result, replayed: false, dryRun: false };
      });
    } catch (error) {
      // A concurrent delivery of the same step won: return what it recorded.
      if (error instanceof UniqueConstraintViolationException) {
        const again = await this.recorded(operation, options.idempotencyKey);
        if (again) return again;
      }
      throw error;
    }
  }

  private async recorded(operation: Operation, key: string): Promise<ActionResult | undefined> {
    const row = await this.em.fork().findOne(AccessCodeOperation, { key });
    if (!row) return undefined;
    if (row.operation !== operation) throw new ConflictError('IDEMPOTENCY_KEY_REUSED', `The idempotency key was used for ${row.operation}, not ${operation}`);
    return { ...row.result, replayed: true, dryRun: false };
  }
}
