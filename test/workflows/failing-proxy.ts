import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one call: pass it on, or answer 502 before or after the panel carried it out. */
export type ProxyDecision = 'pass' | 'fail-before' | 'fail-after';

/**
 * A transparent HTTP proxy in front of a panel simulator that answers chosen calls with an nginx
 * 502, either instead of forwarding them or after the panel made the change (the answer is lost:
 * the worst case for an idempotent create). Lets a test fail exactly the Nth create of a batch.
 */
export class FailingProxy {
  decide: (url: string, body: string) => ProxyDecision = () => 'pass';
  failed = 0;

  private constructor(
    private readonly server: Server,
    private readonly upstream: string,
  ) {}

  static async start(upstream: string): Promise<FailingProxy> {
    const ref: { proxy?: FailingProxy } = {};
    const server = createServer((req, res) => void (ref.proxy as FailingProxy).forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ref.proxy = new FailingProxy(server, upstream);
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
    const badGateway = () => {
      this.failed += 1;
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>');
    };
    if (decision === 'fail-before') return badGateway();
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(key)) headers[key] = value;
    const answer = await fetch(`${this.upstream}${req.url}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body });
    const text = Buffer.from(await answer.arrayBuffer());
    if (decision === 'fail-after') return badGateway();
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(text);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
