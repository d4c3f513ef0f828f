import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A transparent HTTP proxy in front of a panel simulator that can swallow the answer of matching
 * calls after the panel has carried them out: the panel made the change, the hub never hears back.
 * That is the window the crash test kills the worker in.
 */
export class HoldingProxy {
  holdWhen: ((url: string, body: string) => boolean) | null = null;
  /** Calls whose effect happened upstream and whose answer is being held. */
  held = 0;
  private readonly sockets = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    private readonly upstream: string,
  ) {}

  static async start(upstream: string): Promise<HoldingProxy> {
    const ref: { proxy?: HoldingProxy } = {};
    const server = createServer((req, res) => void (ref.proxy as HoldingProxy).forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ref.proxy = new HoldingProxy(server, upstream);
    return ref.proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(key)) headers[key] = value;
    const answer = await fetch(`${this.upstream}${req.url}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body });
    const text = Buffer.from(await answer.arrayBuffer());
    if (this.holdWhen?.(req.url ?? '', body.toString('utf8'))) {
      this.held += 1;
      this.sockets.add(res);
      return;
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(text);
  }

  async close(): Promise<void> {
    for (const res of this.sockets) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
