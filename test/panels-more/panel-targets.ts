import { MinistraSimulator } from '../../src/plugins/panels/ministra/ministra.simulator';
import { NxtSimulator } from '../../src/plugins/panels/nxt/nxt.simulator';
import { OneStreamSimulator } from '../../src/plugins/panels/onestream/onestream.simulator';

/** What the panels-more suites need of each panel: how to configure it in the hub, and its line as the simulator holds it. */
export interface SimLineState {
  expiresAtMs: number | null;
  enabled: boolean;
  packageId: string;
}

export interface PanelTarget {
  type: 'ministra' | 'onestream' | 'nxt';
  panel: { type: string; baseUrl?: string; credentials: Record<string, unknown> };
  product: { packageExternalId: string; durationUnit: 'days' | 'months'; durationValue: number };
  /** The panel keeps expiries at this precision. */
  precisionMs: number;
  /** Whether the panel sets the expiry from the package (the line may run longer than the subscription). */
  expiryFromPackage: boolean;
  line(username: string): SimLineState | undefined;
  /** Deletes the line directly on the panel (drift). */
  removeLine(username: string): void;
  /** Changes the line's expiry directly on the panel (drift). */
  setLineExpiry(username: string, at: Date): void;
  /** Disables the line directly on the panel (drift). */
  disableOnPanel(username: string): void;
  close(): Promise<void>;
}

export async function ministraTarget(): Promise<PanelTarget & { sim: MinistraSimulator }> {
  const sim = await MinistraSimulator.start();
  return {
    sim,
    type: 'ministra',
    panel: { type: 'ministra', baseUrl: sim.url, credentials: { login: sim.options.authLogin, password: sim.options.authPassword } },
    product: { packageExternalId: 'premium', durationUnit: 'days', durationValue: 30 },
    precisionMs: 1000,
    expiryFromPackage: false,
    line(username) {
      const row = sim.account(username);
      if (!row) return undefined;
      return { expiresAtMs: row.end_date.startsWith('0000') ? null : Date.parse(`${row.end_date.replace(' ', 'T')}Z`), enabled: row.status === 0, packageId: sim.tariffs.find((tariff) => tariff.id === row.tariff_plan_id)?.external_id ?? 'basic' };
    },
    removeLine: (username) => sim.remove(username),
    setLineExpiry: (username, at) => sim.edit(username, (row) => (row.end_date = at.toISOString().slice(0, 19).replace('T', ' '))),
    disableOnPanel: (username) => sim.edit(username, (row) => (row.status = 1)),
    close: () => sim.close(),
  };
}

export async function oneStreamTarget(): Promise<PanelTarget & { sim: OneStreamSimulator }> {
  const sim = await OneStreamSimulator.start({ credits: 1000 });
  return {
    sim,
    type: 'onestream',
    // A cloud panel: no base URL, the API origin is part of the credentials.
    panel: { type: 'onestream', credentials: { apiKey: sim.apiKey, apiToken: sim.apiToken, apiUrl: sim.url } },
    product: { packageExternalId: '108', durationUnit: 'months', durationValue: 1 },
    precisionMs: 1000,
    expiryFromPackage: true,
    line(username) {
      const row = sim.line(username);
      return row ? { expiresAtMs: row.expire_at === null ? null : row.expire_at * 1000, enabled: row.is_enabled, packageId: String(row.package_id) } : undefined;
    },
    removeLine: (username) => sim.remove(username),
    setLineExpiry: (username, at) => sim.edit(username, (row) => (row.expire_at = Math.floor(at.getTime() / 1000))),
    disableOnPanel: (username) => sim.edit(username, (row) => (row.is_enabled = false)),
    close: () => sim.close(),
  };
}

export async function nxtTarget(): Promise<PanelTarget & { sim: NxtSimulator }> {
  const sim = await NxtSimulator.start({ credits: 1000 });
  return {
    sim,
    type: 'nxt',
    panel: { type: 'nxt', baseUrl: sim.url, credentials: { username: sim.options.username, password: sim.options.password, minLoginIntervalMs: 0 } },
    product: { packageExternalId: '11', durationUnit: 'months', durationValue: 1 },
    precisionMs: 60_000,
    expiryFromPackage: true,
    line(username) {
      const row = sim.line(username);
      return row ? { expiresAtMs: row.expiresAt === null ? null : row.expiresAt * 1000, enabled: row.enabled, packageId: String(row.packageId) } : undefined;
    },
    removeLine: (username) => sim.remove(username),
    setLineExpiry: (username, at) => sim.edit(username, (row) => (row.expiresAt = Math.floor(at.getTime() / 1000))),
    disableOnPanel: (username) => sim.edit(username, (row) => (row.enabled = false)),
    close: () => sim.close(),
  };
}

export const TARGETS = { ministra: ministraTarget, onestream: oneStreamTarget, nxt: nxtTarget };
