import type { PanelLine, PluginManifest } from '../plugins/sdk';
import type { SubscriptionStatus } from '../subscriptions/subscription-state';
import type { DriftKind } from './drift-finding.entity';

export interface Drift {
  kind: DriftKind;
  hub: unknown;
  panel: unknown;
  repaired?: boolean;
}

/** What the hub intends for the line (read from the subscription). */
export interface LineIntent {
  status: SubscriptionStatus;
  expiresAt: Date | null;
  packageExternalId: string;
  maxConnections: number;
}

/** What the panel's plugin says about itself that changes what "in sync" means. */
export interface PanelTraits {
  /** The panel sets expiry from the package (whole package periods): a line may run longer than the subscription. */
  expiryFromPackage: boolean;
  /** The panel cuts the line off at its expiry itself. */
  expiryEnforcedByPanel: boolean;
  canDisable: boolean;
  /**
   * `createLine` itself finds the line an earlier attempt with the same idempotency key created
   * (and refuses a same-named line it did not create), so the hub need not look it up first.
   */
  createFindsExisting: boolean;
}

/** Statuses in which the hub expects the line to be enabled on the panel. */
export const ENABLED_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(['active', 'grace']);
/** Statuses in which the hub expects a line to exist on the panel at all. */
export const LINE_EXPECTED_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(['active', 'grace', 'suspended', 'expired']);
/** Statuses with no settled intent: a workflow is provisioning, or a human reviews the subscription. */
const UNSETTLED: ReadonlySet<SubscriptionStatus> = new Set(['pending', 'provisioning', 'failed']);

export const EXPIRY_TOLERANCE_MS = 60_000;

export function panelTraits(manifest: Pick<PluginManifest, 'capabilities' | 'notes'>): PanelTraits {
  return {
    expiryFromPackage: manifest.notes?.expiryFromPackage === true,
    expiryEnforcedByPanel: manifest.notes?.expiryEnforcedByPanel === true,
    canDisable: manifest.capabilities.includes('disableLine'),
    createFindsExisting: manifest.notes?.createFindsExisting === true,
  };
}

/**
 * Where the panel's line differs from the hub's intent. Package-priced panels extend by whole
 * packages, so their line is in sync when it runs at least as long as the subscription; a panel
 * that cannot disable lines but enforces expiry itself is in sync for an expired subscription
 * whatever its enabled flag says (the expiry workflow relies on the panel there).
 */
export function compareLine(intent: LineIntent, line: PanelLine | null, traits: PanelTraits, lineId: string | null): Drift[] {
  if (!line) return LINE_EXPECTED_STATUSES.has(intent.status) ? [{ kind: 'line_missing', hub: lineId, panel: null }] : [];
  const drift: Drift[] = [];
  const hubExpiry = intent.expiresAt?.getTime() ?? null;
  const panelExpiry = line.expiresAt ? Date.parse(line.expiresAt) : null;
  if (!expiryInSync(hubExpiry, panelExpiry, traits)) drift.push({ kind: 'expiry_differs', hub: intent.expiresAt?.toISOString() ?? null, panel: line.expiresAt });
  const shouldBeEnabled = ENABLED_STATUSES.has(intent.status);
  const leftToPanel = !shouldBeEnabled && intent.status === 'expired' && !traits.canDisable && traits.expiryEnforcedByPanel;
  if (line.enabled !== shouldBeEnabled && !UNSETTLED.has(intent.status) && !leftToPanel) drift.push({ kind: 'enabled_differs', hub: shouldBeEnabled, panel: line.enabled });
  if (line.packageId && line.packageId !== intent.packageExternalId) drift.push({ kind: 'package_differs', hub: intent.packageExternalId, panel: line.packageId });
  if (line.maxConnections !== intent.maxConnections) drift.push({ kind: 'connections_differs', hub: intent.maxConnections, panel: line.maxConnections });
  return drift;
}

function expiryInSync(hub: number | null, panel: number | null, traits: PanelTraits): boolean {
  if (hub === panel) return true;
  // Package-priced: never-expiring or later than the hub's expiry is fine (the customer got at least what was paid for).
  if (traits.expiryFromPackage && hub !== null && (panel === null || panel >= hub - EXPIRY_TOLERANCE_MS)) return true;
  return hub !== null && panel !== null && Math.abs(hub - panel) <= EXPIRY_TOLERANCE_MS;
}
