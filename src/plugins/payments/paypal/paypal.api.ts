import { PaymentPluginContext, paymentHttpError, PluginError, PluginHttpResponse } from '../../../core/plugins/sdk';

export interface PayPalApiConfig {
  clientId: string;
  clientSecret: string;
  apiBaseUrl?: string;
}

/** PayPal REST calls with an OAuth2 client-credentials token, cached until shortly before it expires. */
export class PayPalApi {
  readonly base: string;
  private token?: { value: string; expiresAt: number };

  constructor(
    private readonly config: PayPalApiConfig,
    private readonly ctx: PaymentPluginContext,
  ) {
    this.base = (config.apiBaseUrl ?? 'https://api-m.paypal.com').replace(/\/$/, '');
  }

  async call<T>(method: 'GET' | 'POST', path: string, operation: string, options: { json?: unknown; requestId?: string; accept?: (response: PluginHttpResponse) => boolean } = {}): Promise<T> {
    const token = await this.accessToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, prefer: 'return=representation' };
    // PayPal-Request-Id makes a POST idempotent: PayPal answers a repeat with the first result.
    if (options.requestId) headers['paypal-request-id'] = options.requestId;
    const response = await this.ctx.http.request({
      method,
      url: `${this.base}${path}`,
      json: options.json ?? (method === 'POST' ? {} : undefined),
      headers,
      operation,
      retry: method === 'GET' || options.requestId !== undefined,
      secrets: [this.config.clientSecret, token],
      classify: (res) => (options.accept?.(res) ? undefined : this.error(res)),
    });
    return response.json<T>();
  }

  async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.ctx.clock.now().getTime()) return this.token.value;
    const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString('base64');
    const response = await this.ctx.http.request({
      method: 'POST',
      url: `${this.base}/v1/oauth2/token`,
      form: { grant_type: 'client_credentials' },
      headers: { authorization: `Basic ${basic}` },
      operation: 'oauth2.token',
      retry: true,
      secrets: [this.config.clientSecret, basic],
      classify: (res) => this.error(res),
    });
    const body = response.json<{ access_token: string; expires_in: number }>();
    this.token = { value: body.access_token, expiresAt: this.ctx.clock.now().getTime() + Math.max(0, body.expires_in - 60) * 1000 };
    return body.access_token;
  }

  private error(res: PluginHttpResponse): PluginError | undefined {
    const error = paymentHttpError('PayPal', res, (body) => {
      const parsed = body as { message?: string; error_description?: string; name?: string; details?: { issue?: string }[] };
      return [parsed?.name, parsed?.details?.[0]?.issue, parsed?.message ?? parsed?.error_description].filter(Boolean).join(': ') || undefined;
    });
    if (error && res.status === 401) this.token = undefined;
    return error;
  }
}
