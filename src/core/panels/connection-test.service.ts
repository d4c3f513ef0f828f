import { lookup } from 'node:dns/promises';
import { isIP, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Injectable } from '@nestjs/common';
import { classifyNetworkError, ConnectionStage, ConnectionTestResult, ERROR_CODES, isPluginError, PluginError } from '../plugins/sdk';
import { PanelClientsService } from './panel-clients.service';
import { PanelHealthService } from './panel-health.service';

export interface PanelTestReport extends ConnectionTestResult {
  panelId: string;
  /** The local address the hub connected from (what the panel's allow-list sees, without NAT). */
  hubAddress: string | null;
  /** Whether the test went through a self-signed certificate accepted by explicit choice. */
  selfSignedAccepted: boolean;
  testedAt: string;
}

const STAGE_OF_CODE: Partial<Record<string, ConnectionStage>> = {
  IP_NOT_ALLOWED: 'ip_allow_list',
  AUTH_FAILED: 'authentication',
  TOKEN_EXPIRED: 'authentication',
  FORBIDDEN: 'permissions',
  NOT_SUPPORTED: 'permissions',
  DNS_FAILED: 'dns',
  CONNECTION_REFUSED: 'tcp',
  TLS_ERROR: 'tls',
};

/**
 * `POST /panels/{id}/test`: walks the path to the panel one stage at a time — DNS, TCP connect,
 * TLS, HTTP — then lets the plugin check authentication, the IP allow-list and permissions. The
 * first failing stage is reported with its actionable fix; the IP allow-list fix names the
 * address the hub connected from.
 */
@Injectable()
export class ConnectionTestService {
  constructor(
    private readonly clients: PanelClientsService,
    private readonly health: PanelHealthService,
  ) {}

  async test(panelId: string): Promise<PanelTestReport> {
    const { panel, client, manifest } = await this.clients.forPanel(panelId);
    const http = await this.clients.httpFor(panelId);
    const report: PanelTestReport = { panelId, ok: false, stages: [], warnings: [], hubAddress: null, selfSignedAccepted: false, testedAt: new Date().toISOString() };
    const stage = async (name: ConnectionStage, run: () => Promise<string>): Promise<boolean> => {
      const started = Date.now();
      try {
        const detail = await run();
        report.stages.push({ stage: name, ok: true, durationMs: Date.now() - started, detail });
        return true;
      } catch (error) {
        const failure = isPluginError(error) ? error : classifyNetworkError(error, { timeoutMs: panel.options.timeoutMs });
        report.stages.push({ stage: name, ok: false, durationMs: Date.now() - started, detail: failure.message, hint: this.hint(failure, report.hubAddress) });
        report.failedStage = name;
        return false;
      }
    };
    const finish = async () => {
      report.ok = report.failedStage === undefined;
      const failed = report.stages.find((entry) => !entry.ok);
      await this.health.report(panelId, report.ok ? { status: 'healthy', detail: 'Connection test passed' } : { status: 'down', detail: `${failed?.stage} failed: ${failed?.detail}`, hint: failed?.hint });
      return report;
    };

    if (panel.baseUrl) {
      const url = new URL(panel.baseUrl);
      const secure = url.protocol === 'https:';
      const port = Number(url.port || (secure ? 443 : 80));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const timeoutMs = panel.options.timeoutMs;
      let address = host;
      if (!(await stage('dns', async () => {
        if (isIP(host)) return `${host} is an IP address (no lookup needed)`;
        const addresses = await withTimeout(lookup(host, { all: true }), timeoutMs, 'DNS lookup');
        address = addresses[0].address;
        return `${host} resolves to ${addresses.map((entry) => entry.address).join(', ')}`;
      }))) return finish();
      if (!(await stage('tcp', async () => {
        report.hubAddress = await tcpConnect(address, port, timeoutMs);
        return `Connected to ${address}:${port} from ${report.hubAddress}`;
      }))) return finish();
      if (secure) {
        if (!(await stage('tls', () => this.tls(host, address, port, panel.options.tls, timeoutMs, report)))) return finish();
      } else {
        report.warnings?.push('The panel is reached over plain HTTP: its credentials travel unencrypted. Prefer an https:// base URL.');
      }
      if (!(await stage('http', async () => {
        const response = await http.request({ method: 'GET', url: '', retry: false, operation: 'testConnection.http', classify: (res) => (res.status >= 500 && res.status !== 503 ? new PluginError('PANEL_UNAVAILABLE', `The panel's web server answered HTTP ${res.status}`, { httpStatus: res.status }) : undefined) });
        return `The web server answers (HTTP ${response.status})`;
      }))) return finish();
    }

    if (client.testConnection && manifest.capabilities.includes('testConnection')) {
      try {
        const result = await client.testConnection();
        for (const entry of result.stages) {
          const hint = !entry.ok && entry.stage === 'ip_allow_list' ? this.hint(new PluginError('IP_NOT_ALLOWED', entry.detail), report.hubAddress) : entry.hint;
          report.stages.push({ ...entry, hint });
        }
        report.warnings?.push(...(result.warnings ?? []));
        if (!result.ok) report.failedStage = result.failedStage ?? result.stages.find((entry) => !entry.ok)?.stage;
      } catch (error) {
        const failure = isPluginError(error) ? error : classifyNetworkError(error);
        const name = STAGE_OF_CODE[failure.code] ?? 'http';
        report.stages.push({ stage: name, ok: false, detail: failure.message, hint: this.hint(failure, report.hubAddress) });
        report.failedStage = name;
      }
    }
    return finish();
  }

  private hint(error: PluginError, hubAddress: string | null): string {
    if (error.code !== 'IP_NOT_ALLOWED') return error.hint;
    const address = hubAddress ?? 'unknown';
    return `Add the hub's address to the panel's API allow-list: the hub connected from ${address} (if a NAT or proxy sits between the hub and the panel, allow its public address instead).`;
  }

  private tls(servername: string, address: string, port: number, options: { caCert?: string; allowSelfSigned?: boolean } | undefined, timeoutMs: number, report: PanelTestReport): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = tlsConnect({ host: address, port, servername: isIP(servername) ? undefined : servername, ca: options?.caCert, rejectUnauthorized: false, timeout: timeoutMs });
      const fail = (error: Error) => {
        socket.destroy();
        reject(new PluginError('TLS_ERROR', `TLS handshake failed: ${error.message}`, { cause: error }));
      };
      socket.once('error', fail);
      socket.once('timeout', () => fail(Object.assign(new Error('TLS handshake timed out'), { code: 'ETIMEDOUT' })));
      socket.once('secureConnect', () => {
        const authorized = socket.authorized;
        const reason = socket.authorizationError ? String(socket.authorizationError) : undefined;
        const protocol = socket.getProtocol();
        socket.end();
        if (authorized) return resolve(`Certificate trusted${options?.caCert ? ' (custom CA)' : ''}, ${protocol}`);
        if (options?.allowSelfSigned) {
          report.selfSignedAccepted = true;
          report.warnings?.push(`The panel's certificate is not trusted (${reason}); it is accepted only because this panel is configured to allow a self-signed certificate.`);
          return resolve(`Certificate not trusted (${reason}) but accepted by explicit choice (allowSelfSigned), ${protocol}`);
        }
        reject(new PluginError('TLS_ERROR', `The panel's certificate is not trusted: ${reason}`, { hint: ERROR_CODES.TLS_ERROR.hint }));
      });
    });
  }
}

function tcpConnect(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      const local = (socket.localAddress ?? '').replace(/^::ffff:/, '');
      socket.destroy();
      resolve(local);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error(`TCP connect to ${host}:${port} timed out`), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    socket.connect(port, host);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { code: 'ETIMEDOUT' })), ms)))]).finally(() => clearTimeout(timer));
}
