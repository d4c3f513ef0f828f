import { EntityManager, FilterQuery, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/errors';
import { containsText } from '../common/filters';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { CreatePortalDto, PortalQueryDto, UpdatePortalDto } from './portal.dto';
import { Portal } from './portal.entity';

@Injectable()
export class PortalsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreatePortalDto): Promise<Portal> {
    const portal = this.em.create(Portal, { name: input.name, url: input.url, notes: input.notes ?? null });
    this.em.persist(portal);
    await this.audit.record({ action: 'portal.create', target: { type: 'portal', id: portal.id }, details: { name: portal.name, url: portal.url } }, this.em);
    await this.em.flush();
    return portal;
  }

  async list(query: PortalQueryDto, limit: number): Promise<Page<Portal>> {
    const where: FilterQuery<Portal> = {};
    const and: FilterQuery<Portal>[] = [];
    if (query.search) and.push({ $or: [{ name: containsText(this.em, query.search) }, { url: containsText(this.em, query.search) }] });
    const before = decodeCursor(query.cursor);
    if (before) and.push({ id: { $lt: before } });
    if (and.length > 0) Object.assign(where, { $and: and });
    const rows = await this.em.find(Portal, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  async get(id: string): Promise<Portal> {
    const portal = await this.em.findOne(Portal, { id });
    if (!portal) throw new NotFoundError('Portal', id);
    return portal;
  }

  /** Codes per portal (pending import rows included: they will belong to it). */
  async codeCounts(ids: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(ids.map((id) => [id, 0]));
    if (ids.length === 0) return counts;
    const rows = await this.em
      .getConnection()
      .execute<{ portal_id: string; n: number | string }[]>(`select portal_id, count(*) as n from hub_access_code where portal_id in (${ids.map(() => '?').join(', ')}) group by portal_id`, ids);
    for (const row of rows) counts.set(row.portal_id, Number(row.n));
    return counts;
  }

  async update(id: string, input: UpdatePortalDto): Promise<Portal> {
    const portal = await this.get(id);
    this.em.assign(portal, input);
    await this.audit.record({ action: 'portal.update', target: { type: 'portal', id }, details: { fields: Object.keys(input) } }, this.em);
    await this.em.flush();
    return portal;
  }

  /** A portal that codes still resolve to stays: the operator moves or deletes those codes first. */
  async remove(id: string): Promise<void> {
    const portal = await this.get(id);
    const inUse = (await this.codeCounts([id])).get(id) ?? 0;
    if (inUse > 0) {
      throw new ConflictError('PORTAL_IN_USE', `${inUse} access code${inUse === 1 ? '' : 's'} use${inUse === 1 ? 's' : ''} this portal; move them to another portal or delete them first (POST /access-codes/bulk)`, { portalId: id, codeCount: inUse });
    }
    this.em.remove(portal);
    await this.audit.record({ action: 'portal.delete', target: { type: 'portal', id }, details: { name: portal.name } }, this.em);
    try {
      await this.em.flush();
    } catch (error) {
      // A code created between the count and the delete: the foreign key refuses, say it the same way.
      if (error instanceof ForeignKeyConstraintViolationException) throw new ConflictError('PORTAL_IN_USE', 'Access codes use this portal; move them to another portal or delete them first', { portalId: id });
      throw error;
    }
  }
}
