import { createTestPanelClient, PanelClient, pluginFailureOf } from '../../../core/plugins/sdk';
import { xuiResellerPlugin } from './xui-reseller.plugin';
import { XuiResellerSimulator } from './xui-reseller.simulator';

describe('XUI.one reseller API', () => {
  let sim: XuiResellerSimulator;
  let client: PanelClient;
  const create = (key: string, packageId = '1', extra: Record<string, unknown> = {}) => client.createLine!({ packageId, expiresAt: null, maxConnections: 1, idempotencyKey: key, ...extra });

  beforeEach(async () => {
    sim = await XuiResellerSimulator.start({ credits: 12, trialsAllowed: 1, overrides: { 2: 8 } });
    client = createTestPanelClient(xuiResellerPlugin, sim.credentials, { baseUrl: sim.url }).client;
  });
  afterEach(() => sim.close());

  it("lists only the reseller group's packages, with the reseller's override price", async () => {
    const packages = await client.listPackages!();
    expect(packages.map((pkg) => pkg.externalId)).toEqual(['1', '2', '4']);
    expect(packages.find((pkg) => pkg.externalId === '2')).toMatchObject({ creditCost: 8, durationDays: 365, maxConnections: 2 });
  });

  it('creates by package: expiry from the package duration, credits debited, once per idempotency key', async () => {
    const before = Date.now();
    const line = await create('r-1', '2');
    expect(sim.account.credits).toBe(4);
    const expiry = Date.parse(line.expiresAt as string);
    expect(new Date(expiry).getUTCFullYear()).toBe(new Date(before).getUTCFullYear() + 1);
    expect(line).toMatchObject({ maxConnections: 2, packageId: '2', bouquetIds: ['1', '2', '3'] });
    expect((await create('r-1', '2')).externalId).toBe(line.externalId);
    expect(sim.account.credits).toBe(4);
    expect(sim.ledger).toEqual([{ lineId: Number(line.externalId), amount: -8, action: 'create' }]);
  });

  it('maps INSUFFICIENT_CREDITS, NO_TRIALS and the INVALID_TYPE answer for an unknown package', async () => {
    await create('c-1', '2');
    expect(await pluginFailureOf(create('c-2', '2'))).toMatchObject({ code: 'INSUFFICIENT_CREDITS', retryable: false });
    await create('t-1', '1', { isTrial: true });
    expect(await pluginFailureOf(create('t-2', '1', { isTrial: true }))).toMatchObject({ code: 'NO_TRIALS_LEFT' });
    expect(await pluginFailureOf(create('p-1', '999'))).toMatchObject({ code: 'PACKAGE_NOT_FOUND', providerMessage: 'STATUS_INVALID_TYPE' });
    expect(await pluginFailureOf(create('p-2', '3'))).toMatchObject({ code: 'PACKAGE_NOT_FOUND', providerMessage: 'STATUS_INVALID_PACKAGE' });
  });

  it('extends from the current expiry while the line runs, repeating the package only as needed (retry-safe)', async () => {
    const line = await create('e-1', '1');
    const start = Date.parse(line.expiresAt as string);
    const wanted = new Date(start + 40 * 86_400_000).toISOString();
    const extended = await client.extendLine!({ line, expiresAt: wanted });
    const months = (date: number) => new Date(date).getUTCFullYear() * 12 + new Date(date).getUTCMonth();
    expect(months(Date.parse(extended.expiresAt as string)) - months(start)).toBe(2);
    expect(sim.ledger.filter((entry) => entry.action === 'extend')).toHaveLength(2);
    await client.extendLine!({ line, expiresAt: wanted });
    expect(sim.ledger.filter((entry) => entry.action === 'extend')).toHaveLength(2);
  });

  it('refuses a password change the panel ignores (no allow_change_password)', async () => {
    sim.account.permissions.allow_change_password = false;
    const line = await create('pw-1', '1');
    expect(await pluginFailureOf(client.updateLine!({ line, password: 'another-pass' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(sim.line(line.externalId)?.password).toBe(line.password);
  });
});
