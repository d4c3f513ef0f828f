import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { selfSignedCertificate } from '../helpers/self-signed';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';

interface Stage {
  stage: string;
  ok: boolean;
  detail: string;
  hint?: string;
}

describe('POST /panels/{id}/test reports the failing stage with its fix', () => {
  let hub: TestApp;
  let sim: XuiAdminSimulator;
  const tlsMaterial = selfSignedCertificate();

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start();
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await hub?.close();
    await sim?.close();
  });
  afterEach(() => {
    sim.resetFaults();
    sim.deniedActions.clear();
  });

  async function panel(baseUrl: string, options: Record<string, unknown> = {}, credentials: Record<string, unknown> = sim.credentials): Promise<string> {
    const created = await hub.http.post('/panels').send({ name: `P ${Math.random()}`, type: 'xui-admin', baseUrl, credentials, options: { timeoutMs: 1000, retry: { attempts: 1, baseDelayMs: 50 }, ...options } }).expect(201);
    return created.body.id;
  }

  async function test(id: string): Promise<{ ok: boolean; failedStage?: string; stages: Stage[]; warnings: string[]; selfSignedAccepted: boolean; hubAddress: string | null }> {
    return (await hub.http.post(`/panels/${id}/test`).expect(200)).body;
  }

  const failed = (report: { stages: Stage[] }) => report.stages.find((stage) => !stage.ok) as Stage;

  it('DNS: the host does not resolve', async () => {
    const report = await test(await panel('http://panel.does-not-exist.invalid:8080'));
    expect(report).toMatchObject({ ok: false, failedStage: 'dns' });
    expect(failed(report).hint).toMatch(/host name does not resolve/);
  });

  it('TCP: nothing listens on the port', async () => {
    const closed = await XuiAdminSimulator.start();
    const url = closed.url;
    await closed.close();
    const report = await test(await panel(url));
    expect(report).toMatchObject({ ok: false, failedStage: 'tcp' });
    expect(failed(report).hint).toMatch(/check the base URL, the port/);
  });

  it('TLS: an https URL on a plain HTTP port, and an untrusted certificate', async () => {
    const plain = await test(await panel(sim.url.replace('http:', 'https:')));
    expect(plain).toMatchObject({ ok: false, failedStage: 'tls' });
    const secure = await XuiAdminSimulator.start({ tls: tlsMaterial, accessCode: sim.accessCode, apiKey: sim.apiKey });
    try {
      const untrusted = await test(await panel(secure.url));
      expect(untrusted).toMatchObject({ ok: false, failedStage: 'tls', selfSignedAccepted: false });
      expect(failed(untrusted).hint).toMatch(/CA|self-signed/);
      const accepted = await test(await panel(secure.url, { tls: { allowSelfSigned: true } }));
      expect(accepted).toMatchObject({ ok: true, selfSignedAccepted: true });
      expect(accepted.warnings.join(' ')).toMatch(/accepted only because this panel is configured to allow a self-signed certificate/);
      const withCa = await test(await panel(secure.url, { tls: { caCert: tlsMaterial.cert } }));
      expect(withCa).toMatchObject({ ok: true, selfSignedAccepted: false });
      expect(withCa.stages.find((stage) => stage.stage === 'tls')?.detail).toMatch(/trusted \(custom CA\)/);
    } finally {
      await secure.close();
    }
  });

  it('HTTP: the web server does not answer in time', async () => {
    const id = await panel(sim.url);
    sim.setFaults({ hangNext: 1 });
    const report = await test(id);
    expect(report).toMatchObject({ ok: false, failedStage: 'http' });
    expect(failed(report).hint).toMatch(/did not answer in time/);
  });

  it("IP allow-list: the hint names the address the hub connected from", async () => {
    const id = await panel(sim.url);
    sim.setFaults({ ipNotAllowed: true });
    const report = await test(id);
    expect(report).toMatchObject({ ok: false, failedStage: 'ip_allow_list', hubAddress: '127.0.0.1' });
    expect(failed(report).hint).toContain('the hub connected from 127.0.0.1');
  });

  it('authentication: a wrong API key, and an unknown access code', async () => {
    const wrongKey = await test(await panel(sim.url, {}, { ...sim.credentials, apiKey: 'NOT-THE-KEY' }));
    expect(wrongKey).toMatchObject({ ok: false, failedStage: 'authentication' });
    expect(failed(wrongKey).hint).toMatch(/credentials or API key/);
    const wrongCode = await test(await panel(sim.url, {}, { ...sim.credentials, accessCode: 'nope' }));
    expect(wrongCode).toMatchObject({ ok: false, failedStage: 'authentication' });
    expect(failed(wrongCode).hint).toMatch(/access code/);
  });

  it('permissions: the API account may not read packages; the panel goes down then healthy with panel.health_changed events', async () => {
    const id = await panel(sim.url);
    expect((await test(id)).ok).toBe(true);
    sim.deniedActions.add('get_packages');
    const report = await test(id);
    expect(report).toMatchObject({ ok: false, failedStage: 'permissions' });
    expect(failed(report).hint).toMatch(/permissions/);
    expect((await hub.http.get(`/panels/${id}`).expect(200)).body).toMatchObject({ status: 'down', lastHealth: { status: 'down' } });
    sim.deniedActions.clear();
    expect((await test(id)).ok).toBe(true);
    const events = await waitFor(async () => {
      const page = await hub.http.get('/events').query({ type: 'panel.health_changed', limit: 100 }).expect(200);
      const mine = page.body.items.filter((event: { subject?: { id: string } }) => event.subject?.id === id);
      return mine.length >= 3 ? mine : undefined;
    });
    expect(events.map((event: { payload: { to: string } }) => event.payload.to).reverse()).toEqual(['healthy', 'down', 'healthy']);
  });
});
