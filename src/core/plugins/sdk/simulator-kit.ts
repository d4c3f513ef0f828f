import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * Building blocks for panel simulators: an in-memory HTTP server on 127.0.0.1:0 with the fault
 * knobs every simulator shares (latency, error rate, timeouts, 5xx, rate limiting). What a fault
 * looks like on the wire (an nginx 503 page, `{"result":false,"0":"KEY WRONG"}`…) is the
 * simulator's own business; the kit only decides when a fault happens.
 */
export interface SimulatorFaults {
  /** Added to every answer. */
  latencyMs: number;
  /** Share of calls answered with a server error (0..1). */
  errorRate: number;
  /** Share of calls never answered (the client times out) (0..1). */
  timeoutRate: number;
  /** The next N calls get a server error / are never answered, whatever the rates. */
  failNext: number;
  hangNext: number;
  /**
   * Whether a server error or a hang happens before the operation or after it took effect (the
   * worst case for a client: the change is made but the answer is lost). `random` picks per call.
   */
  faultPhase: 'before' | 'after' | 'random';
  /** Calls per second accepted before the simulator answers "rate limited" (null = no limit). */
  rateLimitPerSecond: number | null;
  /** Every credential is rejected (as if the key was rotated on the panel). */
  wrongKey: boolean;
  /** The caller's address is not on the panel's allow-list. */
  ipNotAllowed: boolean;
  /**
   * The panel's licence allows this many lines (null = no limit): a create beyond it gets the
   * panel's "max users reached" answer (the hub reads it as MAX_USERS_REACHED). Simulators that
   * model a licence honour it; the wire answer is theirs.
   */
  maxLines: number | null;
}

export const NO_FAULTS: SimulatorFaults = {
  latencyMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  failNext: 0,
  hangNext: 0,
  faultPhase: 'before',
  rateLimitPerSecond: null,
  wrongKey: false,
  ipNotAllowed: false,
  maxLines: null,
};

export interface SimRequest {
  method: string;
  /** Path without the query string, e.g. `/api.php`. */
  path: string;
  query: URLSearchParams;
  /** Form body fields (application/x-www-form-urlencoded only; other bodies are ignored, as PHP does). */
  form: URLSearchParams;
  headers: IncomingMessage['headers'];
  remoteAddress: string;
  rawBody: string;
}

export interface SimResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface SimulatorServerOptions {
  handle(request: SimRequest): SimResponse | Promise<SimResponse>;
  /** The panel's answer to an injected server error (default: a bare 500). */
  serverError?(): SimResponse;
  /** The panel's answer when rate limited (default: 429). */
  rateLimited?(): SimResponse;
  /** Calls that bypass fault injection (e.g. a simulator's own inspection endpoints). */
  bypassFaults?(request: SimRequest): boolean;
  port?: number;
  /** Serve HTTPS with this key and certificate (PEM), e.g. a self-signed one. */
  tls?: { key: string; cert: string };
}

export interface SimulatorStats {
  calls: number;
  served: number;
  injectedErrors: number;
  injectedHangs: number;
  rateLimited: number;
  /** Calls being handled now, and the most ever handled at once. */
  inFlight: number;
  peakInFlight: number;
}

export class SimulatorServer {
  faults: SimulatorFaults = { ...NO_FAULTS };
  readonly stats: SimulatorStats = { calls: 0, served: 0, injectedErrors: 0, injectedHangs: 0, rateLimited: 0, inFlight: 0, peakInFlight: 0 };
  /** Set to an array to record the arrival time (ms) of every call subject to faults. */
  arrivals?: number[];
  private readonly windowCalls: number[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    private readonly options: SimulatorServerOptions,
    readonly url: string,
  ) {}

  static async start(options: SimulatorServerOptions): Promise<SimulatorServer> {
    const ref: { instance?: SimulatorServer } = {};
    const listener = (req: IncomingMessage, res: ServerResponse) => void ref.instance?.serve(req, res);
    const server: Server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    ref.instance = new SimulatorServer(server, options, `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`);
    return ref.instance;
  }

  setFaults(faults: Partial<SimulatorFaults>): void {
    this.faults = { ...this.faults, ...faults };
  }

  resetFaults(): void {
    this.faults = { ...NO_FAULTS };
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    const bypass = this.options.bypassFaults?.(request) ?? false;
    if (bypass) return this.send(res, await this.options.handle(request));
    this.stats.calls += 1;
    this.arrivals?.push(Date.now());
    this.stats.inFlight += 1;
    this.stats.peakInFlight = Math.max(this.stats.peakInFlight, this.stats.inFlight);
    res.once('close', () => (this.stats.inFlight -= 1));
    const faults = this.faults;
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (this.overRateLimit()) {
      this.stats.rateLimited += 1;
      return this.send(res, this.options.rateLimited?.() ?? { status: 429, body: 'Too Many Requests' });
    }
    const fault = this.pickFault();
    const after = faults.faultPhase === 'after' || (faults.faultPhase === 'random' && Math.random() < 0.5);
    if (fault && !after) return this.inject(fault, res);
    const response = await this.options.handle(request);
    if (fault) return this.inject(fault, res);
    this.stats.served += 1;
    this.send(res, response);
  }

  private pickFault(): 'error' | 'hang' | undefined {
    const faults = this.faults;
    if (faults.hangNext > 0) {
      faults.hangNext -= 1;
      return 'hang';
    }
    if (faults.failNext > 0) {
      faults.failNext -= 1;
      return 'error';
    }
    const roll = Math.random();
    if (roll < faults.timeoutRate) return 'hang';
    if (roll < faults.timeoutRate + faults.errorRate) return 'error';
    return undefined;
  }

  private inject(fault: 'error' | 'hang', res: ServerResponse): void {
    if (fault === 'error') {
      this.stats.injectedErrors += 1;
      return this.send(res, this.options.serverError?.() ?? { status: 500, body: 'Internal Server Error' });
    }
    // Never answered: the client's timeout fires. The socket is destroyed on close().
    this.stats.injectedHangs += 1;
    this.hanging.add(res);
    res.once('close', () => this.hanging.delete(res));
  }

  private overRateLimit(): boolean {
    const limit = this.faults.rateLimitPerSecond;
    if (limit === null) return false;
    const now = Date.now();
    while (this.windowCalls.length > 0 && this.windowCalls[0] <= now - 1000) this.windowCalls.shift();
    if (this.windowCalls.length >= limit) return true;
    this.windowCalls.push(now);
    return false;
  }

  private send(res: ServerResponse, response: SimResponse): void {
    if (res.destroyed) return;
    const contentType = response.headers?.['content-type'] ?? (response.body.startsWith('<') ? 'text/html' : 'application/json');
    res.writeHead(response.status, { 'content-type': contentType, ...response.headers, 'content-length': Buffer.byteLength(response.body) });
    res.end(response.body);
  }
}

async function readRequest(req: IncomingMessage): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://simulator');
  const isForm = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
  return {
    method: req.method ?? 'GET',
    path: decodeURIComponent(url.pathname),
    query: url.searchParams,
    form: new URLSearchParams(isForm ? rawBody : ''),
    headers: req.headers,
    remoteAddress: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
    rawBody,
  };
}

/** PHP's `$_REQUEST`-style merge of query and form fields (form wins), values trimmed. */
export function mergedParams(request: SimRequest): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const source of [request.query, request.form]) {
    const fromSource = new Map<string, string[]>();
    for (const [key, value] of source) fromSource.set(key, [...(fromSource.get(key) ?? []), value.trim()]);
    for (const [key, values] of fromSource) merged.set(key, values);
  }
  return merged;
}

/** The nginx-style HTML error page panels behind nginx answer with (403, 404, 503…). */
export function nginxPage(status: number): SimResponse {
  const titles: Record<number, string> = { 403: '403 Forbidden', 404: '404 Not Found', 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable' };
  const title = titles[status] ?? `${status} Error`;
  return { status, headers: { 'content-type': 'text/html' }, body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n` };
}

/** A settable clock for simulators (expiry logic compares against "now"). */
export class SimulatorClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}

/**
 * What every panel simulator exposes around its `SimulatorServer`: the base URL to configure, the
 * fault knobs and `close()`. Simulators extend it and add their protocol and state.
 */
export abstract class SimulatedPanel {
  protected constructor(protected readonly server: SimulatorServer) {}

  /** The panel's base URL as an operator configures it (scheme, host, port). */
  get url(): string {
    return this.server.url;
  }

  get faults(): SimulatorFaults {
    return this.server.faults;
  }

  setFaults(faults: Partial<SimulatorFaults>): void {
    this.server.setFaults(faults);
  }

  resetFaults(): void {
    this.server.resetFaults();
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
