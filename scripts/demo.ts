/**
 * `npm run demo`: the hub in embedded mode with a simulated XUI.one panel already configured and
 * its packages synced, so a newcomer can create a line through the API in a minute without a real
 * panel. Data lives in a fresh temporary directory unless HUB_DATA_DIR is set. Ctrl+C stops both.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { createHttpApp, listen } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config/hub-config';
import { XuiAdminSimulator } from '../src/plugins/panels/xui-admin/xui-admin.simulator';

async function main(): Promise<void> {
  const sim = await XuiAdminSimulator.start({ timeZone: 'UTC' });
  const adminKey = process.env.HUB_ADMIN_API_KEY ?? `hub_demo_${randomBytes(18).toString('hex')}`;
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    PORT: '3000',
    HOST: '127.0.0.1',
    ...process.env,
    HUB_DATA_DIR: process.env.HUB_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'iptv-hub-demo-')),
    HUB_ADMIN_API_KEY: adminKey,
  });
  const app = await createHttpApp(AppModule.forRoot(config), config);
  const url = (await listen(app, config)).replace('[::1]', '127.0.0.1');
  // Configured through the API itself, as an operator would.
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const panel = (await call('POST', '/panels', { name: 'Demo XUI.one (simulated)', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials })) as { id: string };
  const sync = (await call('POST', `/panels/${panel.id}/sync`)) as { total: number };
  const packages = sim.packages().map((pkg) => `    ${pkg.id}  ${pkg.package_name}`).join('\n');
  process.stdout.write(`
IPTV Hub demo is running.

  API            ${url}   (docs: ${url}/docs)
  Admin API key  ${adminKey}
  Panel          ${panel.id}  → simulated XUI.one at ${sim.url} (${sync.total} packages synced)

Packages on the simulated panel:
${packages}

Try it (copy and paste):

  export HUB=${url} KEY=${adminKey} PANEL=${panel.id}
  curl -s -X POST $HUB/panels/$PANEL/test -H "authorization: Bearer $KEY"
  curl -s $HUB/panels/$PANEL/packages -H "authorization: Bearer $KEY"
  curl -s -X POST $HUB/panels/$PANEL/lines -H "authorization: Bearer $KEY" -H 'content-type: application/json' \\
       -H 'Idempotency-Key: demo-line-1' -d '{"packageId":"1","durationDays":30,"maxConnections":1}'
  curl -s "$HUB/panels/$PANEL/lines/1" -H "authorization: Bearer $KEY"
  curl -s -X POST $HUB/panels/$PANEL/lines/1/extend -H "authorization: Bearer $KEY" -H 'content-type: application/json' -d '{"days":30}'
  curl -s "$HUB/audit?action=panel.call&limit=5" -H "authorization: Bearer $KEY"

Press Ctrl+C to stop.
`);
  const stop = async () => {
    await app.close();
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
