import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { SecretBox } from '../crypto/secret-box';
import { Emit, EventsService } from '../events/events.service';
import type { Page } from '../common/pagination';
import { CODE_DEFAULT_LENGTH, CODE_MAX_LENGTH, CODE_MIN_LENGTH, codeSpace } from './code-format';
import { allocateCodes, NEARLY_EXHAUSTED } from './code-generator';
import { AccessCodeQueryDto, CodeCapacityDto, UpdateAccessCodeDto } from './access-code.dto';
import { AccessCode, AccessCodeStatus, ExpiryMode } from './access-code.entity';
import { accessCodePayload, accessCodeSubject } from './access-code-events';
import { afterCursor, cursorOf, filterWhere, orderBy, sortingOf } from './access-code-query';
import { databaseCodeStore, knownSubscriptionExpiry, lockSubscriptionProjection, planExpiry, portalOrFail, validCode } from './access-code-rules';
import { effectiveExpiry } from './access-code-state';

export interface NewAccessCode {
  code?: string;
  length?: number;
  portalId: string;
  username: string;
  password: string;
  status?: AccessCodeStatus;
  notes?: string | null;
  subscriptionId?: string | null;
  /** Known expiry of the linked subscription (a workflow passes the one of its event). */
  subscriptionExpiresAt?: Date | string | null;
  expiryMode?: ExpiryMode;
  expiresAt?: Date | string | null;
}

export interface RevealedCode {
  id: string;
  code: string;
  portalUrl: string;
  username: string;
  password: string;
}

const GENERATION_ATTEMPTS = 3;

@Injectable()
export class AccessCodesService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
  ) {}

  async create(input: NewAccessCode): Promise<AccessCode> {
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.events.transaction(async (em, emit) => (await this.createIn(em, emit, input)).id);
        return this.get(id);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        // A generated code raced with another writer: draw again. A chosen code is simply taken.
        if (input.code === undefined && attempt < GENERATION_ATTEMPTS) continue;
        const chosen = input.code?.trim().toUpperCase();
        if (chosen) throw new ConflictError('ACCESS_CODE_TAKEN', `The code ${chosen} is already in use`, { takenCode: chosen });
        throw new ConflictError('ACCESS_CODE_RACE', 'Generated codes kept colliding with concurrent writers; retry the request');
      }
    }
  }

  /** Creates a code inside the caller's transaction (also used by the workflow actions). */
  async createIn(em: EntityManager, emit: Emit, input: NewAccessCode): Promise<AccessCode> {
    const custom = input.code !== undefined ? validCode(input.code) : undefined;
    const portal = await portalOrFail(em, input.portalId);
    const expiry = planExpiry(undefined, input.expiryMode, input.expiresAt);
    const subscriptionId = input.subscriptionId ?? null;
    const subscriptionExpiresAt = subscriptionId ? await linkedExpiry(em, subscriptionId, input.subscriptionExpiresAt) : null;
    let code = custom;
    if (code !== undefined) {
      if ((await databaseCodeStore(em).taken([code])).size > 0) throw new ConflictError('ACCESS_CODE_TAKEN', `The code ${code} is already in use`, { takenCode: code });
    } else {
      [code] = await allocateCodes(databaseCodeStore(em), input.length ?? CODE_DEFAULT_LENGTH, 1);
    }
    const row = em.create(AccessCode, {
      code,
      portal,
      username: input.username,
      passwordSealed: this.secrets.encrypt(input.password),
      status: input.status ?? 'active',
      notes: input.notes ?? null,
      subscriptionId,
      subscriptionExpiresAt,
      ...expiry,
      effectiveExpiresAt: effectiveExpiry({ ...expiry, subscriptionId, subscriptionExpiresAt }),
    });
    em.persist(row);
    await this.audit.record(
      { action: 'access_code.create', target: { type: 'access_code', id: row.id }, details: { code, portalId: portal.id, generated: custom === undefined, expiryMode: row.expiryMode, subscriptionId } },
      em,
    );
    emit({ type: 'access_code.created', payload: accessCodePayload(row), subject: accessCodeSubject(row) });
    return row;
  }

  async get(id: string, em: EntityManager = this.em): Promise<AccessCode> {
    const code = await em.findOne(AccessCode, { id, pending: false }, { populate: ['portal'] });
    if (!code) throw new NotFoundError('Access code', id);
    return code;
  }

  async list(query: AccessCodeQueryDto, limit: number): Promise<Page<AccessCode>> {
    const sorting = sortingOf(query.sort, query.order);
    const where = filterWhere(this.em, query);
    const after = afterCursor(query.cursor, sorting);
    const rows = await this.em.find(AccessCode, after ? { $and: [where, after] } : where, { orderBy: orderBy(sorting), limit: limit + 1, populate: ['portal'] });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit && items.length > 0 ? cursorOf(items[items.length - 1], sorting) : null };
  }

  async update(id: string, input: UpdateAccessCodeDto): Promise<AccessCode> {
    await this.events.transaction(async (em, emit) => {
      const code = await this.get(id, em);
      if (input.code !== undefined && input.code.trim().replace(/[a-z]/g, (ch) => ch.toUpperCase()) !== code.code) {
        throw new UnprocessableError('CODE_IMMUTABLE', `An access code never changes (this one is ${code.code}); create a new code and delete this one instead`, [
          { field: 'code', message: 'the code cannot be changed', code: 'CODE_IMMUTABLE' },
        ]);
      }
      const changed: string[] = [];
      const set = <K extends keyof AccessCode>(field: K, value: AccessCode[K], label: string = field as string) => {
        const before = code[field];
        const same = before instanceof Date && value instanceof Date ? before.getTime() === value.getTime() : before === value;
        if (same) return;
        code[field] = value;
        changed.push(label);
      };
      if (input.portalId !== undefined && input.portalId !== code.portal.id) set('portal', await portalOrFail(em, input.portalId), 'portalId');
      if (input.username !== undefined) set('username', input.username);
      if (input.password !== undefined) {
        code.passwordSealed = this.secrets.encrypt(input.password);
        changed.push('password');
      }
      if (input.status !== undefined) set('status', input.status);
      if (input.notes !== undefined) set('notes', input.notes);
      if (input.subscriptionId !== undefined) {
        set('subscriptionId', input.subscriptionId);
        set('subscriptionExpiresAt', await knownSubscriptionExpiry(em, input.subscriptionId), 'subscriptionExpiresAt');
      }
      if (input.expiryMode !== undefined || input.expiresAt !== undefined) {
        const plan = planExpiry({ expiryMode: code.expiryMode, expiresAt: code.expiresAt ?? null }, input.expiryMode, input.expiresAt);
        set('expiryMode', plan.expiryMode);
        set('expiresAt', plan.expiresAt);
      }
      set('effectiveExpiresAt', effectiveExpiry(code), 'effectiveExpiresAt');
      await this.audit.record({ action: 'access_code.update', target: { type: 'access_code', id }, details: { code: code.code, fields: changed } }, em);
      if (changed.length > 0) emit({ type: 'access_code.updated', payload: accessCodePayload(code, { changes: changed }), subject: accessCodeSubject(code) });
    });
    this.em.clear();
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.events.transaction(async (em, emit) => {
      const code = await this.get(id, em);
      em.remove(code);
      await this.audit.record({ action: 'access_code.delete', target: { type: 'access_code', id }, details: { code: code.code } }, em);
      emit({ type: 'access_code.deleted', payload: accessCodePayload(code), subject: accessCodeSubject(code) });
    });
  }

  /** The credentials, for an operator who explicitly asks; the reveal is audited (never the values). */
  async reveal(id: string): Promise<RevealedCode> {
    const code = await this.em.findOne(AccessCode, { id, pending: false }, { populate: ['portal', 'passwordSealed'] });
    if (!code) throw new NotFoundError('Access code', id);
    await this.audit.record({ action: 'access_code.reveal', target: { type: 'access_code', id }, details: { code: code.code } });
    return { id: code.id, code: code.code, portalUrl: code.portal.url, username: code.username, password: this.secrets.decrypt(code.passwordSealed) };
  }

  async capacity(): Promise<CodeCapacityDto[]> {
    const store = databaseCodeStore(this.em);
    const out: CodeCapacityDto[] = [];
    for (let length = CODE_MIN_LENGTH; length <= CODE_MAX_LENGTH; length++) {
      const used = await store.countOfLength(length);
      const space = codeSpace(length);
      out.push({ length, space, used, free: space - used, fillRatio: Math.round((used / space) * 1e6) / 1e6, exhausted: used >= NEARLY_EXHAUSTED * space });
    }
    return out;
  }
}

/**
 * The expiry a newly linked code starts from. The projection follows every subscription event in
 * the transaction that emits it, so once it has taken one it is the latest word; an expiry given
 * by the caller (a workflow passes the one of the event that started its run, which may be long
 * past: a retried step, a queue backlog) only stands in while the hub has heard nothing of the
 * subscription. The projection row is locked either way, so an event applied meanwhile waits for
 * this code and then moves it too.
 */
async function linkedExpiry(em: EntityManager, subscriptionId: string, given: Date | string | null | undefined): Promise<Date | null> {
  const projection = await lockSubscriptionProjection(em, subscriptionId);
  if (projection.lastEventId !== '' || given === undefined || given === null) return projection.expiresAt ?? null;
  return new Date(given);
}
