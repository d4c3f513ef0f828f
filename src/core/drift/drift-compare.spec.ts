import type { PanelLine } from '../plugins/sdk';
import { compareLine, LineIntent, panelTraits, PanelTraits } from './drift-compare';

const expiry = new Date('2026-06-01T00:00:00.000Z');
const intent = (patch: Partial<LineIntent> = {}): LineIntent => ({ status: 'active', expiresAt: expiry, packageExternalId: '2', maxConnections: 1, ...patch });
const line = (patch: Partial<PanelLine> = {}): PanelLine => ({ externalId: '7', username: 'u', expiresAt: expiry.toISOString(), maxConnections: 1, enabled: true, packageId: '2', ...patch });
const exact: PanelTraits = { expiryFromPackage: false, expiryEnforcedByPanel: false, canDisable: true, createFindsExisting: false };
const packaged: PanelTraits = { expiryFromPackage: true, expiryEnforcedByPanel: false, canDisable: true, createFindsExisting: false };
const at = (offsetMs: number) => new Date(expiry.getTime() + offsetMs).toISOString();

describe('compareLine', () => {
  it('is in sync when the line matches, within a minute of expiry', () => {
    expect(compareLine(intent(), line({ expiresAt: at(59_000) }), exact, '7')).toEqual([]);
  });

  it('reports every difference with what the hub and the panel hold', () => {
    const drift = compareLine(intent(), line({ expiresAt: at(-86_400_000), enabled: false, packageId: '3', maxConnections: 2 }), exact, '7');
    expect(drift).toEqual([
      { kind: 'expiry_differs', hub: expiry.toISOString(), panel: at(-86_400_000) },
      { kind: 'enabled_differs', hub: true, panel: false },
      { kind: 'package_differs', hub: '2', panel: '3' },
      { kind: 'connections_differs', hub: 1, panel: 2 },
    ]);
  });

  it('on exact-expiry panels a line running longer than the subscription is drift too', () => {
    expect(compareLine(intent(), line({ expiresAt: at(3 * 86_400_000) }), exact, '7').map((item) => item.kind)).toEqual(['expiry_differs']);
    expect(compareLine(intent(), line({ expiresAt: null }), exact, '7').map((item) => item.kind)).toEqual(['expiry_differs']);
  });

  it('on package-priced panels the line is in sync when it runs at least as long as the subscription', () => {
    expect(compareLine(intent(), line({ expiresAt: at(3 * 86_400_000) }), packaged, '7')).toEqual([]);
    expect(compareLine(intent(), line({ expiresAt: null }), packaged, '7')).toEqual([]);
    expect(compareLine(intent(), line({ expiresAt: at(-30_000) }), packaged, '7')).toEqual([]);
    expect(compareLine(intent(), line({ expiresAt: at(-2 * 86_400_000) }), packaged, '7').map((item) => item.kind)).toEqual(['expiry_differs']);
  });

  it('a missing line is drift only while the hub expects one', () => {
    expect(compareLine(intent(), null, exact, '7')).toEqual([{ kind: 'line_missing', hub: '7', panel: null }]);
    expect(compareLine(intent({ status: 'suspended' }), null, exact, '7').map((item) => item.kind)).toEqual(['line_missing']);
    expect(compareLine(intent({ status: 'cancelled' }), null, exact, '7')).toEqual([]);
    expect(compareLine(intent({ status: 'failed' }), null, exact, '7')).toEqual([]);
  });

  it('expects the line disabled once the subscription lapsed, but not while it is unsettled', () => {
    expect(compareLine(intent({ status: 'expired' }), line(), exact, '7')).toEqual([{ kind: 'enabled_differs', hub: false, panel: true }]);
    expect(compareLine(intent({ status: 'grace' }), line(), exact, '7')).toEqual([]);
    expect(compareLine(intent({ status: 'provisioning' }), line({ enabled: false }), exact, '7')).toEqual([]);
  });

  it('leaves an expired line to a panel that enforces expiry and cannot disable (NXT), but not a suspended one', () => {
    const nxt = panelTraits({ capabilities: ['getLine', 'extendLine'], notes: { expiryFromPackage: true, expiryEnforcedByPanel: true, createFindsExisting: true } });
    expect(nxt).toEqual({ expiryFromPackage: true, expiryEnforcedByPanel: true, canDisable: false, createFindsExisting: true });
    expect(compareLine(intent({ status: 'expired' }), line(), nxt, '7')).toEqual([]);
    expect(compareLine(intent({ status: 'suspended' }), line(), nxt, '7')).toEqual([{ kind: 'enabled_differs', hub: false, panel: true }]);
    const noEnforcement = panelTraits({ capabilities: ['getLine'], notes: {} });
    expect(compareLine(intent({ status: 'expired' }), line(), noEnforcement, '7')).toEqual([{ kind: 'enabled_differs', hub: false, panel: true }]);
  });
});
