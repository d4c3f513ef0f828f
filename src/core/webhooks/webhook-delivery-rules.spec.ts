import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { SecretBox } from '../crypto/secret-box';
import { filterAccepts } from './event-filter';
import { nextRetryDelay, retryWindowMs } from './retry-policy';
import { parseDurationList, readWebhookConfig } from './webhook-config';
import { buildPayload, credentialsAllowed } from './webhook-payload';
import { parseRetryAfter } from './webhook-sender';
import { messageId, newWebhookSecret, signDelivery } from './webhook-signer';

describe('webhook delivery rules', () => {
  it('parses the retry schedule; the default spans more than a day', () => {
    expect(parseDurationList('100ms,5s,5m,2h,1d')).toEqual([100, 5000, 300_000, 7_200_000, 86_400_000]);
    expect(parseDurationList('5s,soon')).toBeUndefined();
    const config = readWebhookConfig({}, [], true);
    expect(retryWindowMs(config.retryScheduleMs)).toBeGreaterThan(24 * 3600_000);
    const problems: string[] = [];
    readWebhookConfig({ HUB_WEBHOOK_RETRY_SCHEDULE: '1s,1m', HUB_WEBHOOK_ALLOWED_NETWORKS: 'loopback,intranet' }, problems, true);
    expect(problems).toEqual([expect.stringContaining('at least 24 hours'), expect.stringContaining('"intranet"')]);
  });

  it('follows the schedule with jitter, honours a longer Retry-After, and stops when it is exhausted', () => {
    const schedule = [1000, 60_000];
    expect(nextRetryDelay(schedule, 1, undefined, () => 0)).toBe(900);
    expect(nextRetryDelay(schedule, 1, undefined, () => 1)).toBe(1100);
    expect(nextRetryDelay(schedule, 2, 5000, () => 0.5)).toBe(60_000);
    expect(nextRetryDelay(schedule, 1, 30_000, () => 0.5)).toBe(30_000);
    expect(nextRetryDelay(schedule, 3)).toBeUndefined();
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(58_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('matches exact types, prefixes, * and the @alerts preset (with its payload condition)', () => {
    expect(filterAccepts(['subscription.*'], 'subscription.renewed', {})).toBe(true);
    expect(filterAccepts(['subscription.*'], 'line.created', {})).toBe(false);
    expect(filterAccepts(['line.created'], 'line.created', {})).toBe(true);
    expect(filterAccepts(['*'], 'anything.at_all', {})).toBe(true);
    expect(filterAccepts(['@alerts'], 'workflow.run.failed', {})).toBe(true);
    expect(filterAccepts(['@alerts'], 'workflow.run.succeeded', {})).toBe(false);
    expect(filterAccepts(['@alerts'], 'panel.health_changed', { from: 'healthy', to: 'down' })).toBe(true);
    expect(filterAccepts(['@alerts'], 'panel.health_changed', { from: 'down', to: 'healthy' })).toBe(false);
    expect(filterAccepts(['@alerts'], 'webhook_endpoint.disabled', { reason: 'gone' })).toBe(true);
  });

  it('signs id.timestamp.body so the standardwebhooks verifier accepts it, with one entry per secret', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = messageId('0193a1b2-c3d4-7e8f-9a0b-1c2d3e4f5a6b');
    expect(id).toBe('msg_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b');
    const body = JSON.stringify({ type: 'line.created', timestamp: new Date().toISOString(), data: { panelId: 'p' } });
    const headers = signDelivery(id, body, [a, b]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(a).verify(body, { ...headers })).toMatchObject({ type: 'line.created' });
    expect(new Webhook(b).verify(body, { ...headers })).toMatchObject({ type: 'line.created' });
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(a).verify(body.replace('"p"', '"q"'), { ...headers })).toThrow(WebhookVerificationError);
  });

  it('sends credentials only to endpoints allowed to receive them, over https unless configured otherwise', () => {
    const box = new SecretBox(Buffer.alloc(32, 7));
    const data = { panelId: 'p1', username: 'u1', credentialsSealed: box.encryptJson({ username: 'u1', password: 'pa55' }), nested: { credentials: { password: 'x' }, tokenSealed: 'v1.x' } };
    const unseal = (sealed: string) => box.decryptJson(sealed);
    const stripped = JSON.parse(buildPayload('line.created', new Date(0), data, false, unseal));
    expect(stripped).toEqual({ type: 'line.created', timestamp: '1970-01-01T00:00:00.000Z', data: { panelId: 'p1', username: 'u1', nested: {} } });
    const full = JSON.parse(buildPayload('line.created', new Date(0), data, true, unseal));
    expect(full.data).toEqual({ panelId: 'p1', username: 'u1', credentials: { username: 'u1', password: 'pa55' }, nested: { credentials: { password: 'x' } } });
    const code = { accessCode: { id: 'a1', code: 'K7P-Q2M', portalId: 'p' } };
    expect(JSON.parse(buildPayload('access_code.created', new Date(0), code, false, unseal, ['accessCode.code'])).data).toEqual({ accessCode: { id: 'a1', portalId: 'p' } });
    expect(JSON.parse(buildPayload('access_code.created', new Date(0), code, true, unseal, ['accessCode.code'])).data).toEqual(code);
    expect(credentialsAllowed(true, 'https://crm.example.com/h', false)).toBe(true);
    expect(credentialsAllowed(true, 'http://crm.example.com/h', false)).toBe(false);
    expect(credentialsAllowed(true, 'http://127.0.0.1:3000/h', true)).toBe(true);
    expect(credentialsAllowed(false, 'https://crm.example.com/h', true)).toBe(false);
  });
});
