import { classifyNetworkError, errorForStatus } from './classify';
import { PluginError } from './errors';
import { withTimeoutSignal } from './timeout-signal';
import type { PluginHttpClient, PluginHttpRequest, PluginHttpResponse } from './runtime';
import { isSecretName } from './secret-names';
import { encodeForm, scrubSecrets, tryParseJson } from './wire';

export interface BasicHttpCall {
  method: string;
  /** Secrets removed. */
  url: string;
  status: number | null;
  code: string | null;
  operation: string;
}

export interface BasicHttpClientOptions {
  baseUrl?: string;
  timeoutMs?: number;
  /** Values never to be shown in the recorded calls or errors. */
  secrets?: string[];
  onCall?(call: BasicHttpCall): void;
}

/**
 * A minimal `ctx.http` for plugin authors' tests and the conformance kit: one attempt per call (no
 * retries, so the kit sees each error's classification), the same request shape, response
 * classification and network error codes as the hub's client, and secret-free call records.
 */
export function createBasicHttpClient(options: BasicHttpClientOptions = {}): PluginHttpClient {
  return {
    async request(req: PluginHttpRequest): Promise<PluginHttpResponse> {
      const secrets = [...(options.secrets ?? []), ...(req.secrets ?? [])];
      let url = /^https?:\/\//i.test(req.url) ? req.url : `${(options.baseUrl ?? '').replace(/\/?$/, '/')}${req.url.replace(/^\//, '')}`;
      const query = req.query ? encodeForm(req.query) : '';
      if (query) url += `${url.includes('?') ? '&' : '?'}${query}`;
      const headers: Record<string, string> = { ...req.headers };
      let body: string | undefined;
      if (req.form) {
        body = encodeForm(req.form);
        headers['content-type'] = 'application/x-www-form-urlencoded';
      } else if (req.json !== undefined) {
        body = JSON.stringify(req.json);
        headers['content-type'] = 'application/json';
      }
      const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? 15_000;
      const record = (status: number | null, code: string | null) =>
        options.onCall?.({ method: req.method, url: scrubSecrets(redactParams(url), secrets), status, code, operation: req.operation ?? 'call' });
      let response: PluginHttpResponse;
      try {
        // Like the hub's client (undici.request): redirects are answers the plugin reads (session logins), never followed.
        const { res, text } = await withTimeoutSignal(timeoutMs, async (signal) => {
          const answer = await fetch(url, { method: req.method, headers, body, redirect: 'manual', signal });
          return { res: answer, text: await answer.text() };
        });
        const responseHeaders: Record<string, string> = {};
        res.headers.forEach((value, name) => (responseHeaders[name] = value));
        // fetch yields each Set-Cookie separately; join them as the hub's client does.
        if (res.headers.getSetCookie().length > 0) responseHeaders['set-cookie'] = res.headers.getSetCookie().join(', ');
        response = {
          status: res.status,
          headers: responseHeaders,
          body: text,
          json<T>(): T {
            const parsed = tryParseJson(text);
            if (parsed === undefined) throw new PluginError('UNKNOWN', `The panel answered HTTP ${res.status} with a body that is not JSON`, { httpStatus: res.status });
            return parsed as T;
          },
        };
      } catch (error) {
        const failure = classifyNetworkError(error, { timeoutMs });
        record(null, failure.code);
        throw failure;
      }
      const failure = req.classify ? req.classify(response) : errorForStatus(response.status);
      record(response.status, failure?.code ?? null);
      if (failure) throw failure;
      return response;
    },
  };
}

function redactParams(url: string): string {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) if (isSecretName(key)) parsed.searchParams.set(key, '[redacted]');
    return parsed.toString();
  } catch {
    return url;
  }
}
