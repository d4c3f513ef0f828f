import { EntityManager, FilterQuery, MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { Emit, EventsService } from '../events/events.service';
import type { Drift } from './drift-compare';
import { DRIFT_DETECTED, DRIFT_RESOLVED, driftPayload, driftSubject } from './drift-events';
import { DriftFinding, DriftKind, DriftStatus } from './drift-finding.entity';

export interface DriftFilter {
  status?: DriftStatus;
  kind?: DriftKind;
  panelId?: string;
  subscriptionId?: string;
  cursor?: string;
}

/** The subscription a reconcile looked at, as it was then. */
export interface ReconciledSubscription {
  id: string;
  panelId: string;
  lineId: string | null;
}

export function openKey(subscriptionId: string, kind: DriftKind): string {
  return `${subscriptionId}:${kind}`;
}

/**
 * Stored drift: each reconcile's result becomes findings. A kind seen again updates its open
 * finding; a new kind opens one (`drift.detected`); an open finding the reconcile no longer sees
 * is resolved (`drift.resolved`). An unreachable panel says nothing about the line, so it
 * leaves the other open findings as they are.
 */
@Injectable()
export class DriftFindingsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  async record(subscription: ReconciledSubscription, drift: Drift[]): Promise<Map<DriftKind, DriftFinding>> {
    try {
      return await this.events.transaction((em, emit) => this.apply(em, emit, subscription, drift));
    } catch (error) {
      // Another reconcile of the same subscription opened the same finding first: apply on top of it.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return this.events.transaction((em, emit) => this.apply(em, emit, subscription, drift));
    }
  }

  async get(id: string, em: EntityManager = this.orm.em.fork()): Promise<DriftFinding> {
    const finding = await em.findOne(DriftFinding, { id });
    if (!finding) throw new NotFoundError('Drift finding', id);
    return finding;
  }

  async list(filter: DriftFilter, limit: number): Promise<Page<DriftFinding>> {
    const where: FilterQuery<DriftFinding> = { status: filter.status, kind: filter.kind, panelId: filter.panelId, subscription: filter.subscriptionId };
    const before = decodeCursor(filter.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.orm.em.fork().find(DriftFinding, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  private async apply(em: EntityManager, emit: Emit, subscription: ReconciledSubscription, drift: Drift[]): Promise<Map<DriftKind, DriftFinding>> {
    const now = new Date();
    const open = await em.find(DriftFinding, { subscription: subscription.id, status: 'open' });
    const byKind = new Map<DriftKind, DriftFinding>();
    for (const item of drift) {
      let finding = open.find((row) => row.kind === item.kind);
      if (finding) {
        finding.hubValue = item.hub ?? null;
        finding.panelValue = item.panel ?? null;
        finding.lineId = subscription.lineId;
        finding.panelId = subscription.panelId;
        finding.lastSeenAt = now;
        finding.seenCount += 1;
      } else {
        finding = em.create(DriftFinding, {
          subscription: subscription.id,
          panelId: subscription.panelId,
          kind: item.kind,
          status: 'open',
          openKey: openKey(subscription.id, item.kind),
          hubValue: item.hub ?? null,
          panelValue: item.panel ?? null,
          lineId: subscription.lineId,
          firstSeenAt: now,
          lastSeenAt: now,
        });
        await this.audit.record({ action: 'drift.detected', outcome: 'failure', target: { type: 'subscription', id: subscription.id }, details: { findingId: finding.id, kind: item.kind, hub: item.hub ?? null, panel: item.panel ?? null, lineId: subscription.lineId } }, em);
        emit({ type: DRIFT_DETECTED, payload: driftPayload(finding), subject: driftSubject(finding) });
      }
      byKind.set(item.kind, finding);
    }
    const lineUnknown = drift.some((item) => item.kind === 'panel_unreachable');
    for (const finding of open) {
      if (byKind.has(finding.kind) || (lineUnknown && finding.kind !== 'panel_unreachable')) continue;
      finding.status = 'resolved';
      finding.openKey = null;
      finding.resolvedAt = now;
      finding.repairClaimedUntil = null;
      await this.audit.record({ action: 'drift.resolved', target: { type: 'subscription', id: subscription.id }, details: { findingId: finding.id, kind: finding.kind } }, em);
      emit({ type: DRIFT_RESOLVED, payload: driftPayload(finding), subject: driftSubject(finding) });
    }
    return byKind;
  }
}
