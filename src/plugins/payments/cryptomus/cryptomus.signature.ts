import { createHash } from 'node:crypto';

/**
 * PHP's `json_encode($data, JSON_UNESCAPED_UNICODE)` as Cryptomus computes it (payments.md B.5):
 * like JSON.stringify, but `/` is escaped as `\/`. Key order is the order on the wire, which
 * JSON.parse keeps for the non-numeric keys Cryptomus uses.
 */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, '\\/');
}

/** md5(base64(json) + apiKey): the `sign` of webhooks and the `sign` header of API requests. */
export function cryptomusSign(json: string, apiKey: string): string {
  return createHash('md5').update(Buffer.from(json, 'utf8').toString('base64') + apiKey).digest('hex');
}

/** The signature of a webhook body: everything but `sign`, re-encoded the PHP way. */
export function cryptomusWebhookSign(body: Record<string, unknown>, apiKey: string): string {
  const { sign: _sign, ...rest } = body;
  return cryptomusSign(phpJsonEncode(rest), apiKey);
}
