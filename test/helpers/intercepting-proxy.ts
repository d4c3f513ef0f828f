import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with one call: pass it on; answer an nginx 502 instead of forwarding it
 * (`fail-before`) or after the panel carried it out (`fail-after`: the answer is lost, the worst
 * case for an idempotent create); or forward it and never answer (`hold`: the panel made the
 * change, the caller never hears back — the window a crash test kills a worker in).
 */
export type ProxyDecision = 'pass' | 'fail-before' | 'fail-after' | 'hold';

const BAD_GATEWAY = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/**
 * A transparent HTTP proxy in front of a simulator that lets a test fail or hold exactly the
 * calls it picks (e.g. the Nth create of a batch). `decide` is asked once per call.
 */
export class InterceptingProxy {
  decide: (url: string, body: string) => ProxyDecision = () => 'pass';
  /** Calls answered with a 502. */
  failed = 0;
  /** Calls whose effect happened upstream and whose answer is being held. */
  held = 0;
  private readonly heldResponses = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    private readonly upstream: string,
  ) {}

  static async start(upstream: string): Promise<InterceptingProxy> {
    const ref: { proxy?: InterceptingProxy } = {};
    const server = createServer((req, res) => void (ref.proxy as InterceptingProxy).forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ref.proxy = new InterceptingProxy(server, upstream);
    return ref.proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const decision = this.decide(req.url ?? '', body.toString('utf8'));
    if (decision === 'fail-before') return this.badGateway(res);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(key)) headers[key] = value;
    const answer = await fetch(`${this.upstream}${req.url}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body });
    const text = Buffer.from(await answer.arrayBuffer());
    if (decision === 'fail-after') return this.badGateway(res);
    if (decision === 'hold') {
      this.held += 1;
      this.heldResponses.add(res);
      return;
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(text);
  }

  private badGateway(res: ServerResponse): void {
    this.failed += 1;
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(BAD_GATEWAY);
  }

  async close(): Promise<void> {
    for (const res of this.heldResponses) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
