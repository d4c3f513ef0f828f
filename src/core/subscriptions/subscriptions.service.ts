import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/errors';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { hubContext } from '../context/request-context';
import { SecretBox } from '../crypto/secret-box';
import { loadManaged, saveManaged } from '../database/managed-rows';
import { Emit, EventsService } from '../events/events.service';
import { Panel } from '../panels/panel.entity';
import { Product } from '../products/product.entity';
import { DurationSpec, durationOf, renewedExpiry, subscriptionEventPayload } from './subscription-payload';
import { assertTransition, SubscriptionStatus } from './subscription-state';
import { SUBSCRIPTION_PANEL_CHANGED } from './subscription-events';
import { Subscription } from './subscription.entity';

/** The subscription has no line yet: it cannot be made active other than by the line's creation. */
export class SubscriptionNotProvisionedError extends ConflictError {
  constructor(subscriptionId: string, status: SubscriptionStatus) {
    super('SUBSCRIPTION_NOT_PROVISIONED', `Subscription ${subscriptionId} (${status}) has no line yet: it becomes active when its line is created`, { subscriptionId, subscriptionStatus: status });
  }
}

/** The unit of work a change joins: the caller's transaction and its event emitter. */
export interface Unit {
  em: EntityManager;
  emit: Emit;
}

export interface ChangeContext {
  reason: string;
  runId?: string;
}

export interface LineCredentials {
  lineId: string;
  username: string;
  password?: string | null;
  expiresAt: string | Date | null;
}

export interface SubscriptionFilter {
  status?: SubscriptionStatus;
  customerId?: string;
  productId?: string;
  panelId?: string;
  cursor?: string;
}

/**
 * Subscription lifecycle operations. Each one checks the state machine, records history and an
 * audit entry, and emits its event in the caller's unit of work, so that a workflow step and its
 * effect on the subscription commit together (exactly once). Repeating an operation that already
 * took effect is a no-op, which keeps at-least-once deliveries harmless.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
  ) {}

  /**
   * With its product loaded, unless `product: false` (then `product` is a reference: its id only).
   * With `lock`, read for a change in the transaction of `em` (see `forChange`).
   */
  async get(id: string, em: EntityManager = this.em, options: { product?: boolean; lock?: boolean } = {}): Promise<Subscription> {
    const subscription = await loadManaged<Subscription>(em, Subscription, id, { lock: options.lock, populate: options.product === false ? [] : ['product'] });
    if (!subscription) throw new NotFoundError('Subscription', id);
    return subscription;
  }

  /**
   * The subscription to change in the transaction of `em`: read afresh the first time in it and,
   * on PostgreSQL, locked until it ends. A change made meanwhile elsewhere (through the API, by
   * another run, between two steps of this one) is seen and never overwritten with stale values;
   * two changes of one subscription take turns.
   */
  private forChange(id: string, em: EntityManager, options: { product?: boolean } = {}): Promise<Subscription> {
    return this.get(id, em, { ...options, lock: true });
  }

  async list(filter: SubscriptionFilter, limit: number): Promise<Page<Subscription>> {
    const where: FilterQuery<Subscription> = { status: filter.status, customer: filter.customerId, product: filter.productId, panel: filter.panelId };
    const before = decodeCursor(filter.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(Subscription, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  /** Decrypted line password, for actions that need it (never for the API). */
  async password(subscription: Subscription, em: EntityManager = this.em): Promise<string | null> {
    await em.populate(subscription, ['passwordSealed'] as never);
    return subscription.passwordSealed ? this.secrets.decrypt(subscription.passwordSealed) : null;
  }

  async hasPassword(subscription: Subscription): Promise<boolean> {
    await this.em.populate(subscription, ['passwordSealed'] as never);
    return Boolean(subscription.passwordSealed);
  }

  /** Runs `work` in its own transaction (for API calls); workflow actions pass their own unit. */
  inTransaction<T>(work: (unit: Unit) => Promise<T>): Promise<T> {
    return this.events.transaction((em, emit) => work({ em, emit }));
  }

  async startProvisioning(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    // With the product joined in: the line step that follows in the same unit of work plans from it.
    const subscription = await this.forChange(id, unit.em);
    if (subscription.status === 'provisioning' || subscription.status === 'active') return subscription;
    await this.move(unit, subscription, 'provisioning', change, null);
    return subscription;
  }

  async activate(unit: Unit, id: string, line: LineCredentials, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em, { product: false });
    if (subscription.status === 'active' && subscription.lineId === line.lineId) return subscription;
    subscription.lineId = line.lineId;
    subscription.username = line.username;
    if (line.password) subscription.passwordSealed = this.secrets.encrypt(line.password);
    subscription.expiresAt = line.expiresAt === null ? null : new Date(line.expiresAt);
    subscription.lineDeletedAt = null;
    const lineColumns = ['lineId', 'username', 'expiresAt', 'lineDeletedAt', ...(line.password ? (['passwordSealed'] as const) : [])] as const;
    if (subscription.status === 'cancelled') {
      // Cancelled (a refund, a chargeback) while its line was being created: the line is recorded,
      // so the hub knows it, and announced, so it is disabled (the built-in `cancel-line` takes
      // this event too); the subscription stays cancelled.
      await saveManaged(unit.em, subscription, [...lineColumns]);
      await this.audit.record({ action: 'subscription.line_recorded', target: { type: 'subscription', id: subscription.id }, details: { status: subscription.status, lineId: line.lineId, reason: change.reason, runId: change.runId } }, unit.em);
      this.announce(unit, subscription, 'subscription.line_recorded', subscription.status, change);
      return subscription;
    }
    await this.move(unit, subscription, 'active', change, 'subscription.activated', { also: lineColumns });
    return subscription;
  }

  /** Renewal: extends from the current expiry when it is still ahead, else from now. */
  async extend(unit: Unit, id: string, extension: { duration?: DurationSpec; expiresAt?: string }, change: ChangeContext): Promise<{ subscription: Subscription; previousExpiresAt: Date | null; previousStatus: SubscriptionStatus }> {
    const subscription = await this.forChange(id, unit.em);
    const previousExpiresAt = subscription.expiresAt ?? null;
    const previousStatus = subscription.status;
    const duration = extension.duration ?? durationOf(subscription.product);
    subscription.expiresAt = extension.expiresAt ? new Date(extension.expiresAt) : renewedExpiry(previousExpiresAt, duration);
    subscription.expiringNotifiedFor = null;
    if (subscription.status !== 'active') assertTransition(subscription.status, 'active', subscription.id);
    await this.move(unit, subscription, 'active', change, 'subscription.renewed', { allowSame: true, previousExpiresAt, also: ['expiresAt', 'expiringNotifiedFor'] });
    return { subscription, previousExpiresAt, previousStatus };
  }

  async enterGrace(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    if (subscription.status === 'grace') return subscription;
    // Entering grace is the moment the subscription's paid period ends: announced as `subscription.expired`.
    await this.move(unit, subscription, 'grace', change, 'subscription.expired');
    return subscription;
  }

  async expire(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    return this.simple(unit, id, 'expired', 'subscription.expired', change);
  }

  async suspend(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    return this.simple(unit, id, 'suspended', 'subscription.suspended', change);
  }

  async reactivate(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    return this.simple(unit, id, 'active', 'subscription.reactivated', change);
  }

  async cancel(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    return this.simple(unit, id, 'cancelled', 'subscription.cancelled', change);
  }

  async flagForReview(unit: Unit, id: string, details: Record<string, unknown>, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    if (subscription.status === 'failed' || subscription.status === 'cancelled') return subscription;
    subscription.statusBeforeReview = subscription.status;
    subscription.reviewReason = { ...details, runId: change.runId ?? null, at: new Date().toISOString() };
    await this.move(unit, subscription, 'failed', change, null, { also: ['statusBeforeReview', 'reviewReason'] });
    return subscription;
  }

  /** After a failed run was retried successfully: back to where the subscription was before review. */
  async clearReview(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    if (subscription.status !== 'failed') return subscription;
    const back = subscription.statusBeforeReview ?? 'pending';
    subscription.reviewReason = null;
    subscription.statusBeforeReview = null;
    await this.move(unit, subscription, back, change, null, { also: ['statusBeforeReview', 'reviewReason'] });
    return subscription;
  }

  async changePackage(unit: Unit, id: string, productId: string, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    const product = await unit.em.findOne(Product, { id: productId });
    if (!product) throw new NotFoundError('Product', productId);
    // The line stays on the subscription's panel: the product's package there (its fallback panel's own package id
    // when the subscription followed its line to the fallback panel); a product not sold on that panel has none.
    let packageExternalId: string;
    if (product.panel.id === subscription.panel.id) packageExternalId = product.packageExternalId;
    else if (product.fallbackPanel?.id === subscription.panel.id && product.fallbackPackageExternalId) packageExternalId = product.fallbackPackageExternalId;
    else throw new ConflictError('UPGRADE_PANEL_MISMATCH', `Product ${productId} has no package on panel ${subscription.panel.id}, where the line of subscription ${id} is`, { subscriptionId: id, productId, panelId: subscription.panel.id });
    const before = { productId: subscription.product.id, packageId: subscription.packageExternalId, maxConnections: subscription.maxConnections };
    subscription.product = product;
    subscription.packageExternalId = packageExternalId;
    subscription.maxConnections = product.maxConnections;
    await this.audit.record({ action: 'subscription.change_package', target: { type: 'subscription', id }, details: { before, productId, reason: change.reason, runId: change.runId } }, unit.em);
    return subscription;
  }

  /**
   * The line was created again on the panel (drift repair of a missing line): the subscription
   * points at the new line. Refuses when the subscription no longer points at the line that was
   * found missing (something else replaced it meanwhile).
   */
  async replaceLine(unit: Unit, id: string, replace: { expectedLineId: string; lineId: string; username: string; password?: string | null }, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    if (subscription.lineId === replace.lineId) return subscription;
    if (subscription.lineId !== replace.expectedLineId) throw new ConflictError('LINE_CHANGED', `Subscription ${id} now points at line ${subscription.lineId ?? '(none)'}, not ${replace.expectedLineId}`);
    const before = subscription.lineId;
    subscription.lineId = replace.lineId;
    subscription.username = replace.username;
    if (replace.password) subscription.passwordSealed = this.secrets.encrypt(replace.password);
    subscription.lineDeletedAt = null;
    this.note(subscription, `${change.reason} (line ${before} → ${replace.lineId})`, change);
    await this.audit.record({ action: 'subscription.line_replaced', target: { type: 'subscription', id }, details: { before, lineId: replace.lineId, reason: change.reason, runId: change.runId } }, unit.em);
    return subscription;
  }

  /**
   * The subscription follows its line to another panel (fallback provisioning): recorded in the
   * history and the audit log, and announced as `subscription.panel_changed`.
   */
  async moveToPanel(unit: Unit, id: string, target: { panelId: string; packageExternalId: string }, change: ChangeContext & { details?: Record<string, unknown> }): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    if (subscription.panel.id === target.panelId && subscription.packageExternalId === target.packageExternalId) return subscription;
    const panel = await unit.em.findOne(Panel, { id: target.panelId });
    if (!panel) throw new NotFoundError('Panel', target.panelId);
    const before = { panelId: subscription.panel.id, packageExternalId: subscription.packageExternalId };
    subscription.panel = panel;
    subscription.packageExternalId = target.packageExternalId;
    this.note(subscription, `${change.reason} (panel ${before.panelId} → ${target.panelId})`, change);
    await this.audit.record({ action: 'subscription.panel_changed', target: { type: 'subscription', id }, details: { before, after: target, reason: change.reason, runId: change.runId, ...change.details } }, unit.em);
    unit.emit({ type: SUBSCRIPTION_PANEL_CHANGED, payload: subscriptionEventPayload(subscription, { previousPanelId: before.panelId, previousPackageExternalId: before.packageExternalId, reason: change.reason, ...(change.runId ? { runId: change.runId } : {}), ...change.details }), subject: { type: 'subscription', id } });
    return subscription;
  }

  async markLineDeleted(unit: Unit, id: string, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    if (subscription.lineDeletedAt) return subscription;
    subscription.lineDeletedAt = new Date();
    await this.audit.record({ action: 'subscription.line_deleted', target: { type: 'subscription', id }, details: { lineId: subscription.lineId, reason: change.reason, runId: change.runId } }, unit.em);
    return subscription;
  }

  /** A history entry for a change that keeps the status (line or panel changes). */
  private note(subscription: Subscription, reason: string, change: ChangeContext): void {
    subscription.history = [
      ...subscription.history.slice(-49),
      { at: new Date().toISOString(), from: subscription.status, to: subscription.status, reason, ...(change.runId ? { runId: change.runId } : {}), correlationId: hubContext.correlationId() },
    ];
  }

  private async simple(unit: Unit, id: string, to: SubscriptionStatus, event: string, change: ChangeContext): Promise<Subscription> {
    const subscription = await this.forChange(id, unit.em);
    if (subscription.status === to) return subscription;
    await this.move(unit, subscription, to, change, event);
    return subscription;
  }

  /**
   * Moves the subscription to `to` and records it (history, audit, the event), writing the status,
   * the history and the properties the caller changed (`also`) at once (`saveManaged`).
   */
  private async move(unit: Unit, subscription: Subscription, to: SubscriptionStatus, change: ChangeContext, event: string | null, options: { allowSame?: boolean; previousExpiresAt?: Date | null; also?: ReadonlyArray<keyof Subscription & string> } = {}): Promise<void> {
    const { previousExpiresAt } = options;
    const from = subscription.status;
    if (!(options.allowSame && from === to)) assertTransition(from, to, subscription.id);
    // Only `activate` (which records the line first) makes a subscription without a line active: a
    // reactivation or renewal of one still being provisioned (or whose provisioning failed) would
    // show a customer as active who has nothing to watch, and make the provisioning run's own
    // activation fail (active → active is no transition), stranding the line it created.
    if (to === 'active' && !subscription.lineId) throw new SubscriptionNotProvisionedError(subscription.id, from);
    subscription.status = to;
    const changed: Array<keyof Subscription & string> = ['status', 'history', ...(options.also ?? [])];
    if (from === 'failed' && to !== 'failed') {
      subscription.reviewReason = null;
      subscription.statusBeforeReview = null;
      changed.push('reviewReason', 'statusBeforeReview');
    }
    subscription.history = [
      ...subscription.history.slice(-49),
      { at: new Date().toISOString(), from, to, reason: change.reason, ...(change.runId ? { runId: change.runId } : {}), correlationId: hubContext.correlationId() },
    ];
    await saveManaged(unit.em, subscription, changed);
    await this.audit.record({ action: `subscription.${to === from ? 'renew' : to}`, target: { type: 'subscription', id: subscription.id }, details: { from, to, reason: change.reason, runId: change.runId } }, unit.em);
    if (event) this.announce(unit, subscription, event, from, change, previousExpiresAt !== undefined ? { previousExpiresAt: previousExpiresAt?.toISOString() ?? null } : {});
  }

  /** Emits a subscription event: the subscription as it now is, the status it had, and why. */
  private announce(unit: Unit, subscription: Subscription, type: string, previousStatus: SubscriptionStatus, change: ChangeContext, more: Record<string, unknown> = {}): void {
    const extra = { previousStatus, reason: change.reason, ...(change.runId ? { runId: change.runId } : {}), ...more };
    unit.emit({ type, payload: subscriptionEventPayload(subscription, extra), subject: { type: 'subscription', id: subscription.id } });
  }
}
