import { isIPv4, isIPv6 } from 'node:net';

/** Network categories an operator may open to webhook endpoints (all closed by default). */
export const NETWORK_CATEGORIES = ['loopback', 'private', 'link-local', 'metadata'] as const;
export type NetworkCategory = (typeof NETWORK_CATEGORIES)[number];

export interface WebhookConfig {
  /** Delays before each retry in ms; the first attempt is immediate. Its sum is the retry window. */
  retryScheduleMs: number[];
  /** Request timeout of one delivery attempt. */
  timeoutMs: number;
  /** Categories (loopback, private, link-local, metadata) and CIDRs endpoints may resolve to. */
  allowedNetworks: { categories: NetworkCategory[]; cidrs: string[] };
  /** Lets credentials travel over plain http (local development only). */
  allowInsecureCredentials: boolean;
  /** Finished deliveries (and their attempt logs) older than this are deleted. */
  logRetentionDays: number;
}

/** The Standard Webhooks example schedule: immediately, then 5 s … 24 h (about 80 h in all). */
export const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,14h,20h,24h';
const DAY_MS = 24 * 60 * 60 * 1000;

type Env = Record<string, string | undefined>;

/** Reads the HUB_WEBHOOK_* variables; problems are collected with the rest of the configuration. */
export function readWebhookConfig(env: Env, problems: string[], production: boolean): WebhookConfig {
  const rawSchedule = env.HUB_WEBHOOK_RETRY_SCHEDULE?.trim() || DEFAULT_RETRY_SCHEDULE;
  const retryScheduleMs = parseDurationList(rawSchedule);
  if (!retryScheduleMs) {
    problems.push(`HUB_WEBHOOK_RETRY_SCHEDULE must be a comma-separated list of durations such as 5s,5m,2h,1d (got "${rawSchedule}")`);
  } else if (production && retryScheduleMs.reduce((sum, ms) => sum + ms, 0) < DAY_MS) {
    problems.push('HUB_WEBHOOK_RETRY_SCHEDULE must span at least 24 hours in production (receivers may be down for a day)');
  }
  const rawTimeout = env.HUB_WEBHOOK_TIMEOUT_MS?.trim();
  const timeoutMs = rawTimeout ? Number(rawTimeout) : 15_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    problems.push(`HUB_WEBHOOK_TIMEOUT_MS must be a whole number between 100 and 120000 (got "${rawTimeout}")`);
  }
  const categories: NetworkCategory[] = [];
  const cidrs: string[] = [];
  for (const item of (env.HUB_WEBHOOK_ALLOWED_NETWORKS ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    if ((NETWORK_CATEGORIES as readonly string[]).includes(item)) categories.push(item as NetworkCategory);
    else if (isCidr(item)) cidrs.push(item);
    else problems.push(`HUB_WEBHOOK_ALLOWED_NETWORKS entries must be one of ${NETWORK_CATEGORIES.join(', ')} or a CIDR such as 10.1.0.0/16 (got "${item}")`);
  }
  const rawInsecure = env.HUB_WEBHOOK_ALLOW_INSECURE_CREDENTIALS?.trim().toLowerCase();
  const allowInsecureCredentials = ['1', 'true', 'yes', 'on'].includes(rawInsecure ?? '');
  if (rawInsecure && !allowInsecureCredentials && !['0', 'false', 'no', 'off'].includes(rawInsecure)) {
    problems.push(`HUB_WEBHOOK_ALLOW_INSECURE_CREDENTIALS must be true or false (got "${rawInsecure}")`);
  }
  const rawRetention = env.HUB_WEBHOOK_LOG_RETENTION_DAYS?.trim();
  const logRetentionDays = rawRetention ? Number(rawRetention) : 30;
  if (!Number.isInteger(logRetentionDays) || logRetentionDays < 1) problems.push(`HUB_WEBHOOK_LOG_RETENTION_DAYS must be a whole number of days >= 1 (got "${rawRetention}")`);
  return {
    logRetentionDays: Number.isInteger(logRetentionDays) && logRetentionDays >= 1 ? logRetentionDays : 30,
    retryScheduleMs: retryScheduleMs ?? parseDurationList(DEFAULT_RETRY_SCHEDULE)!,
    timeoutMs: Number.isInteger(timeoutMs) ? timeoutMs : 15_000,
    allowedNetworks: { categories, cidrs },
    allowInsecureCredentials,
  };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** `"100ms,5s,5m,2h,1d"` → milliseconds; undefined when any item is not a duration. */
export function parseDurationList(raw: string): number[] | undefined {
  const items = raw.split(',').map((part) => part.trim());
  const values: number[] = [];
  for (const item of items) {
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(item);
    if (!match) return undefined;
    values.push(Number(match[1]) * UNIT_MS[match[2]]);
  }
  return values.length > 0 ? values : undefined;
}

function isCidr(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
  if (isIPv4(address)) return Number(bits) <= 32;
  return isIPv6(address) && Number(bits) <= 128;
}
