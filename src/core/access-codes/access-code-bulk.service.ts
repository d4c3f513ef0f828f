import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UnprocessableError } from '../common/errors';
import { Emit, EventsService } from '../events/events.service';
import { Portal } from '../portals/portal.entity';
import { AccessCodeBulkDto, AccessCodeBulkResultDto, BULK_MAX_MATCHES, BulkAction, BulkItemResultDto } from './access-code-bulk.dto';
import { AccessCode } from './access-code.entity';
import { accessCodePayload, accessCodeSubject } from './access-code-events';
import { filterWhere, hasCriteria } from './access-code-query';
import { ExpiryPlan, planExpiry, portalOrFail } from './access-code-rules';
import { effectiveExpiry } from './access-code-state';

const CHUNK = 200;

/** Applies the action to one code and names the fields it changed. */
type Change = (code: AccessCode, em: EntityManager) => string[];

/**
 * Bulk activate / deactivate / delete / set expiry / move, by ids or by filter. Work goes in
 * chunks of one transaction each; every code gets its own result, audit entry and event.
 */
@Injectable()
export class AccessCodeBulkService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  async run(input: AccessCodeBulkDto): Promise<AccessCodeBulkResultDto> {
    const ids = await this.targets(input);
    const change = await this.changeFor(input);
    const results: BulkItemResultDto[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      results.push(...(await this.events.transaction((em, emit) => this.applyChunk(em, emit, input.action, chunk, change))));
    }
    const count = (outcome: BulkItemResultDto['outcome']) => results.filter((result) => result.outcome === outcome).length;
    return { action: input.action, matched: ids.length, summary: { updated: count('updated'), unchanged: count('unchanged'), deleted: count('deleted'), notFound: count('not_found') }, results };
  }

  private async targets(input: AccessCodeBulkDto): Promise<string[]> {
    if ((input.ids === undefined) === (input.filter === undefined)) {
      throw new UnprocessableError('BULK_TARGET_REQUIRED', 'Give either ids or filter (not both)', [{ field: input.ids ? 'filter' : 'ids', message: 'exactly one of ids and filter', code: 'BULK_TARGET_REQUIRED' }]);
    }
    if (input.ids) return [...new Set(input.ids.map((id) => id.toLowerCase()))];
    const filter = input.filter!;
    if (!hasCriteria(filter)) throw new UnprocessableError('BULK_FILTER_EMPTY', 'A bulk filter needs at least one criterion', [{ field: 'filter', message: 'at least one criterion', code: 'BULK_FILTER_EMPTY' }]);
    const rows = await this.em.find(AccessCode, filterWhere(this.em, filter), { fields: ['id'], orderBy: { id: 'asc' }, limit: BULK_MAX_MATCHES + 1 });
    if (rows.length > BULK_MAX_MATCHES) {
      throw new UnprocessableError('BULK_TOO_LARGE', `The filter matches more than ${BULK_MAX_MATCHES} codes; narrow it and repeat`, [{ field: 'filter', message: `matches more than ${BULK_MAX_MATCHES} codes`, code: 'BULK_TOO_LARGE' }]);
    }
    this.em.clear();
    return rows.map((row) => row.id);
  }

  private async changeFor(input: AccessCodeBulkDto): Promise<Change> {
    const field = (name: string, message: string) => new UnprocessableError('BULK_ARGUMENT_REQUIRED', message, [{ field: name, message, code: 'BULK_ARGUMENT_REQUIRED' }]);
    switch (input.action) {
      case 'activate':
      case 'deactivate': {
        const status = input.action === 'activate' ? 'active' : 'inactive';
        return (code) => {
          if (code.status === status) return [];
          code.status = status;
          return ['status'];
        };
      }
      case 'setExpiry': {
        if (input.expiryMode === undefined && input.expiresAt === undefined) throw field('expiryMode', 'setExpiry needs expiryMode and/or expiresAt');
        // Validated once up front so a bad argument fails the request, not each code.
        planExpiry(undefined, input.expiryMode, input.expiresAt);
        return (code) => applyExpiry(code, planExpiry({ expiryMode: code.expiryMode, expiresAt: code.expiresAt ?? null }, input.expiryMode, input.expiresAt));
      }
      case 'move': {
        if (!input.portalId) throw field('portalId', 'move needs portalId');
        const portalId = (await portalOrFail(this.em, input.portalId)).id;
        return (code, em) => {
          if (code.portal.id === portalId) return [];
          code.portal = em.getReference(Portal, portalId);
          return ['portalId'];
        };
      }
      case 'delete':
        return () => [];
    }
  }

  private async applyChunk(em: EntityManager, emit: Emit, action: BulkAction, ids: string[], change: Change): Promise<BulkItemResultDto[]> {
    const codes = await em.find(AccessCode, { id: { $in: ids }, pending: false }, { populate: ['portal'] });
    const byId = new Map(codes.map((code) => [code.id, code]));
    const results: BulkItemResultDto[] = [];
    for (const id of ids) {
      const code = byId.get(id);
      if (!code) {
        results.push({ id, code: null, outcome: 'not_found' });
        continue;
      }
      if (action === 'delete') {
        em.remove(code);
        await this.audit.record({ action: 'access_code.delete', target: { type: 'access_code', id }, details: { code: code.code, bulk: true } }, em);
        emit({ type: 'access_code.deleted', payload: accessCodePayload(code), subject: accessCodeSubject(code) });
        results.push({ id, code: code.code, outcome: 'deleted' });
        continue;
      }
      const fields = change(code, em);
      await this.audit.record({ action: `access_code.${action === 'setExpiry' ? 'set_expiry' : action}`, target: { type: 'access_code', id }, details: { code: code.code, bulk: true, fields } }, em);
      if (fields.length > 0) emit({ type: 'access_code.updated', payload: accessCodePayload(code, { changes: fields }), subject: accessCodeSubject(code) });
      results.push({ id, code: code.code, outcome: fields.length > 0 ? 'updated' : 'unchanged' });
    }
    return results;
  }
}

function applyExpiry(code: AccessCode, plan: ExpiryPlan): string[] {
  const fields: string[] = [];
  if (code.expiryMode !== plan.expiryMode) fields.push('expiryMode');
  if ((code.expiresAt?.getTime() ?? null) !== (plan.expiresAt?.getTime() ?? null)) fields.push('expiresAt');
  code.expiryMode = plan.expiryMode;
  code.expiresAt = plan.expiresAt;
  code.effectiveExpiresAt = effectiveExpiry(code);
  return fields;
}
