import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, HubError, UnprocessableError } from '../common/errors';
import { forChange } from '../database/row-lock';
import { EventsService } from '../events/events.service';
import { PanelClientsService, ReadyPanelClient } from '../panels/panel-clients.service';
import { panelCall } from '../panels/panel-errors';
import type { LineRef, PanelCapability, PanelLine } from '../plugins/sdk';
import { Subscription } from '../subscriptions/subscription.entity';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { ENABLED_STATUSES } from './drift-compare';
import { DRIFT_REPAIRED, driftPayload, driftSubject } from './drift-events';
import { DriftFinding } from './drift-finding.entity';
import { DriftFindingsService } from './drift-findings.service';
import { SubscriptionActivity } from './subscription-activity';

export interface RepairRequest {
  reason: string;
  /** Done by the scheduled reconcile (HUB_DRIFT_AUTO_REPAIR) rather than an operator. */
  auto?: boolean;
}

/** How long a repair may hold its finding while it talks to the panel. */
const CLAIM_MS = 120_000;
/** A recreated line is needed only while the subscription should play. */
const RECREATE_STATUSES: ReadonlySet<string> = new Set(['active', 'grace']);

interface PanelFix {
  action: PanelCapability;
  run(client: ReadyPanelClient['client'], ref: LineRef): Promise<PanelLine | null>;
}

/**
 * Sets the panel back to the hub's intent for one finding. Guards, in order: the finding is open;
 * no workflow run is busy with the subscription's line (`SubscriptionActivity`); one repair per
 * finding at a time (a claim on the row); the subscription still holds the intent the finding
 * recorded — checked before the panel call and again, with the row locked, in the transaction
 * that records the repair. Any mismatch answers 409 and the operator reconciles again.
 */
@Injectable()
export class DriftRepairService {
  private readonly logger = new Logger('DriftRepair');

  constructor(
    private readonly orm: MikroORM,
    private readonly panels: PanelClientsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly findings: DriftFindingsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly activity: SubscriptionActivity,
  ) {}

  async repair(findingId: string, request: RepairRequest): Promise<DriftFinding> {
    const em = this.orm.em.fork();
    const finding = await this.findings.get(findingId, em);
    if (finding.status !== 'open') throw new ConflictError('DRIFT_NOT_OPEN', `Drift finding ${findingId} is ${finding.status}`, { hint: 'Only open findings can be repaired; reconcile the subscription to see its current drift.' });
    const subscription = await this.subscriptions.get(finding.subscription.id, em);
    const busy = await this.activity.busyWith(subscription.id);
    if (busy.length > 0) throw new ConflictError('SUBSCRIPTION_BUSY', `A workflow run is changing subscription ${subscription.id} (${busy.join(', ')})`, { runIds: busy, hint: 'Let the run finish (GET /runs?subscriptionId=…), then reconcile and repair again.' });
    assertIntentUnchanged(finding, subscription);
    const ready = await this.panels.forPanel(finding.panelId);
    const fix = this.fixFor(finding, subscription, ready, await this.subscriptions.password(subscription, em));
    await this.claim(finding);
    let result: PanelLine | null;
    try {
      result = await panelCall(finding.panelId, () => fix.run(ready.client, lineRef(subscription, null)));
    } catch (error) {
      await this.release(finding.id);
      await this.audit.record({ action: 'drift.repair', outcome: 'failure', target: { type: 'subscription', id: subscription.id }, details: { findingId, kind: finding.kind, reason: request.reason, auto: request.auto ?? false, code: (error as HubError).code ?? null, error: (error as Error).message } });
      throw error;
    }
    return this.record(finding.id, request, fix.action, result);
  }

  /** The panel operation that repairs the finding, or a 422 naming what is missing. */
  private fixFor(finding: DriftFinding, subscription: Subscription, ready: ReadyPanelClient, password: string | null): PanelFix {
    const needs = (capability: PanelCapability, what: string): void => {
      if (!ready.manifest.capabilities.includes(capability) || typeof ready.client[capability] !== 'function') {
        throw new UnprocessableError('REPAIR_NOT_SUPPORTED', `The ${ready.manifest.name} plugin cannot ${what} (no ${capability})`, [], { capability, kind: finding.kind, hint: `Fix the line on the panel by hand, then reconcile the subscription: the finding resolves when the panel is in sync.` });
      }
    };
    const ref = lineRef(subscription, password);
    switch (finding.kind) {
      case 'line_missing': {
        if (!RECREATE_STATUSES.has(subscription.status)) throw new UnprocessableError('REPAIR_NOT_SUPPORTED', `Subscription ${subscription.id} is ${subscription.status}: its line is not recreated`, [], { kind: finding.kind, hint: 'Renew or reactivate the subscription to provision a line again.' });
        needs('createLine', 'create lines');
        return { action: 'createLine', run: (client) => this.recreate(client, finding, subscription, password) };
      }
      case 'expiry_differs':
        needs('extendLine', 'set a line\'s expiry');
        if (!subscription.expiresAt) throw new UnprocessableError('REPAIR_NOT_SUPPORTED', 'The subscription never expires: the panel\'s expiry cannot be cleared through extendLine', [], { kind: finding.kind, hint: 'Remove the expiry of the line on the panel by hand.' });
        return { action: 'extendLine', run: (client) => (client.extendLine as NonNullable<typeof client.extendLine>)({ line: ref, expiresAt: (subscription.expiresAt as Date).toISOString() }) };
      case 'enabled_differs': {
        const enable = ENABLED_STATUSES.has(subscription.status);
        needs(enable ? 'enableLine' : 'disableLine', enable ? 'enable lines' : 'disable lines');
        return { action: enable ? 'enableLine' : 'disableLine', run: (client) => (enable ? client.enableLine : client.disableLine)!.call(client, ref) };
      }
      case 'package_differs':
        needs('updateLine', 'change a line\'s package');
        return { action: 'updateLine', run: (client) => client.updateLine!({ line: ref, packageId: subscription.packageExternalId }) };
      case 'connections_differs':
        needs('updateLine', 'change a line\'s connections');
        return { action: 'updateLine', run: (client) => client.updateLine!({ line: ref, maxConnections: subscription.maxConnections }) };
      default:
        throw new UnprocessableError('REPAIR_NOT_SUPPORTED', 'An unreachable panel cannot be repaired from the hub', [], { kind: finding.kind, hint: 'Check the panel\'s health and connection test; the finding resolves at the next reconcile that reaches the panel.' });
    }
  }

  /** The line again, with the hub's intent: adopted when one with the username exists (an earlier attempt). */
  private async recreate(client: ReadyPanelClient['client'], finding: DriftFinding, subscription: Subscription, password: string | null): Promise<PanelLine> {
    const username = subscription.username ?? undefined;
    if (username && client.findLineByUsername) {
      const found = await client.findLineByUsername(username);
      if (found) return found;
    }
    return (client.createLine as NonNullable<typeof client.createLine>)({
      username,
      ...(password ? { password } : {}),
      packageId: subscription.packageExternalId,
      expiresAt: subscription.expiresAt?.toISOString() ?? null,
      maxConnections: subscription.maxConnections,
      notes: `iptv-hub drift repair ${finding.id}`,
      // Stable per finding: a repeated repair finds the line the first one created.
      idempotencyKey: `drift-repair:${finding.id}`,
    });
  }

  private async claim(finding: DriftFinding): Promise<void> {
    const now = new Date();
    const claimed = await this.orm.em.fork().nativeUpdate(
      DriftFinding,
      { id: finding.id, status: 'open', $or: [{ repairClaimedUntil: null }, { repairClaimedUntil: { $lt: now } }] },
      { repairClaimedUntil: new Date(now.getTime() + CLAIM_MS) },
    );
    if (claimed === 0) throw new ConflictError('REPAIR_IN_PROGRESS', `Drift finding ${finding.id} is being repaired, or was closed meanwhile`, { hint: 'Wait for the other repair to finish, then read the finding again.' });
  }

  private async release(findingId: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(DriftFinding, { id: findingId }, { repairClaimedUntil: null }).catch((error: unknown) => this.logger.warn(`Releasing the repair claim of ${findingId} failed: ${(error as Error).message}`));
  }

  private async record(findingId: string, request: RepairRequest, action: PanelCapability, line: PanelLine | null): Promise<DriftFinding> {
    try {
      return await this.events.transaction(async (em, emit) => {
        const finding = await em.findOneOrFail(DriftFinding, { id: findingId });
        const subscription = await em.findOneOrFail(Subscription, { id: finding.subscription.id }, forChange(em));
        // The panel call is done; whether the hub still wants what it did decides if it counts.
        assertIntentUnchanged(finding, subscription);
        const newLineId = finding.kind === 'line_missing' && line ? line.externalId : null;
        if (newLineId) {
          // The panel chose the password only when the hub had none to give it: keep what it chose.
          const password = (await this.subscriptions.password(subscription, em)) ? null : (line?.password ?? null);
          await this.subscriptions.replaceLine({ em, emit }, subscription.id, { expectedLineId: finding.lineId ?? '', lineId: newLineId, username: line?.username || subscription.username || '', password }, { reason: `drift repair: ${request.reason}` });
        }
        const now = new Date();
        finding.status = 'repaired';
        finding.openKey = null;
        finding.repairedAt = now;
        finding.repairClaimedUntil = null;
        finding.repair = { at: now.toISOString(), reason: request.reason, auto: request.auto ?? false, action, result: { lineId: line?.externalId ?? finding.lineId ?? null, newLineId, expiresAt: line?.expiresAt ?? null, enabled: line?.enabled ?? null, packageId: line?.packageId ?? null, maxConnections: line?.maxConnections ?? null } };
        await this.audit.record({ action: 'drift.repair', target: { type: 'subscription', id: subscription.id }, details: { findingId, kind: finding.kind, reason: request.reason, auto: request.auto ?? false, action, newLineId } }, em);
        emit({ type: DRIFT_REPAIRED, payload: driftPayload(finding, { reason: request.reason, auto: request.auto ?? false, action, newLineId }), subject: driftSubject(finding) });
        return finding;
      });
    } catch (error) {
      await this.release(findingId);
      throw error;
    }
  }
}

function lineRef(subscription: Subscription, password: string | null): LineRef {
  return { externalId: subscription.lineId ?? '', username: subscription.username ?? '', ...(password ? { password } : {}) };
}

/** The finding was seen against an intent; repairing towards a different one would undo someone's change. */
function assertIntentUnchanged(finding: DriftFinding, subscription: Subscription): void {
  const stale = (what: string) =>
    new ConflictError('DRIFT_STALE', `Subscription ${subscription.id} changed since the drift was seen (${what})`, { findingId: finding.id, hint: 'Reconcile the subscription again (POST /subscriptions/{id}/reconcile) and repair the finding it reports.' });
  if (subscription.panel.id !== finding.panelId) throw stale('panel');
  if ((subscription.lineId ?? null) !== (finding.lineId ?? null) || subscription.lineDeletedAt) throw stale('line');
  switch (finding.kind) {
    case 'expiry_differs':
      if ((subscription.expiresAt?.toISOString() ?? null) !== finding.hubValue) throw stale('expiry');
      break;
    case 'enabled_differs':
      if (ENABLED_STATUSES.has(subscription.status) !== finding.hubValue) throw stale('status');
      break;
    case 'package_differs':
      if (subscription.packageExternalId !== finding.hubValue) throw stale('package');
      break;
    case 'connections_differs':
      if (subscription.maxConnections !== finding.hubValue) throw stale('connections');
      break;
    case 'line_missing':
      if (!RECREATE_STATUSES.has(subscription.status)) throw stale('status');
      break;
    default:
      break;
  }
}
