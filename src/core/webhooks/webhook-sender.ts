import { Agent, request } from 'undici';
import { withTimeoutSignal } from '../plugins/sdk';
import { SsrfGuard, SsrfRefusal } from './ssrf-guard';

export interface AttemptOutcome {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  success: boolean;
  /** A parsed `Retry-After`, in ms. */
  retryAfterMs?: number;
  error?: string;
  responseExcerpt?: string;
}

const EXCERPT_BYTES = 1024;
/** Read at most this much of a response so a keep-alive socket can be reused; beyond it, drop the socket. */
const DRAIN_BYTES = 64 * 1024;
const USER_AGENT = 'iptv-hub-webhooks/1';

/**
 * Sends one attempt. Redirects are not followed (a 3xx is a failure, per Standard Webhooks), the
 * whole attempt is bounded by the timeout, and every connection goes through the SSRF guard's
 * lookup so it reaches only vetted addresses.
 */
export class WebhookSender {
  private readonly agent: Agent;

  constructor(
    private readonly guard: SsrfGuard,
    private readonly timeoutMs: number,
  ) {
    this.agent = new Agent({
      connect: { lookup: guard.lookup as never, timeout: Math.min(timeoutMs, 10_000) },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      keepAliveTimeout: 4_000,
    });
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<AttemptOutcome> {
    const startedAt = new Date();
    const elapsed = () => Date.now() - startedAt.getTime();
    try {
      // IP literals never reach the lookup hook, and a refusal here gives the clearest message.
      await this.guard.vetUrl(url);
      const { response, responseExcerpt } = await withTimeoutSignal(this.timeoutMs, async (signal) => {
        const answer = await request(url, { method: 'POST', dispatcher: this.agent, headers: { ...headers, 'content-type': 'application/json', 'user-agent': USER_AGENT }, body, signal });
        return { response: answer, responseExcerpt: await readExcerpt(answer.body) };
      });
      const statusCode = response.statusCode;
      return {
        startedAt,
        durationMs: elapsed(),
        statusCode,
        success: statusCode >= 200 && statusCode < 300,
        retryAfterMs: parseRetryAfter(response.headers['retry-after']),
        responseExcerpt,
        error: statusCode >= 300 && statusCode < 400 ? 'Redirects are not followed (3xx counts as a failure)' : undefined,
      };
    } catch (error) {
      return { startedAt, durationMs: elapsed(), statusCode: null, success: false, error: describe(error, this.timeoutMs) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy?: () => void }): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    if (total < EXCERPT_BYTES) chunks.push(chunk);
    total += chunk.length;
    if (total > DRAIN_BYTES) break;
  }
  return storable(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'));
}

/**
 * Text as PostgreSQL can store it: its text types refuse NUL, which binary answers (a gzip body,
 * an image) are full of, and a refused attempt log would leave the delivery unrecorded after it
 * was sent (resent by the sweeper, never marked delivered).
 */
export function storable(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

/** `Retry-After` as seconds or an HTTP date. */
export function parseRetryAfter(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof SsrfRefusal) return `${error.code}: ${error.message}`;
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') {
    return `Timed out after ${timeoutMs} ms`;
  }
  const cause = err.cause instanceof SsrfRefusal ? err.cause : undefined;
  if (cause) return `${cause.code}: ${cause.message}`;
  const code = err.code ?? err.cause?.code;
  return storable(`${code ? `${code}: ` : ''}${err.message ?? err.cause?.message ?? String(error)}`.slice(0, 500));
}
