import { isAbsolute, resolve } from 'node:path';
import { CodeLoginPolicy, readCodeLoginPolicy } from '../access-codes/login/code-login-policy';
import { readWebhookConfig, WebhookConfig } from '../webhooks/webhook-config';

export type RunMode = 'embedded' | 'scale-out';
export type JobDriverName = 'embedded' | 'bullmq';
export type ProcessRole = 'all' | 'api' | 'worker';

/** The hub's whole configuration, read once from the environment and validated at start. */
export interface HubConfig {
  mode: RunMode;
  role: ProcessRole;
  production: boolean;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    rateLimitPerMinute: number;
    trustedProxies: string[];
    /** Port of the worker process's health endpoint (0 = none). */
    workerHealthPort: number;
  };
  dataDir: string;
  database: { dialect: 'sqlite'; path: string } | { dialect: 'postgresql'; url: string; poolMax: number; preparedStatements: boolean };
  migrateOnStart: boolean;
  redisUrl?: string;
  jobs: {
    driver: JobDriverName;
    concurrency: number;
    leaseMs: number;
    pollIntervalMs: number;
    queuePrefix: string;
  };
  encryptionKey?: string;
  adminApiKey?: string;
  logLevel: string;
  shutdownTimeoutMs: number;
  /**
   * The environment the configuration was read from. Modules outside core (the workflow engine)
   * read their own settings from it, so tests and processes configure them the same way.
   */
  env: Readonly<Record<string, string | undefined>>;
  /** Outbound webhooks: retry schedule, timeout, SSRF allow-list (HUB_WEBHOOK_*). */
  webhooks: WebhookConfig;
  payments: {
    /** Where payment providers reach the hub (HUB_PUBLIC_URL); else the address of the checkout request. */
    publicUrl?: string;
    /** How often recent payments are polled per account to catch lost webhooks (HUB_PAYMENT_RECONCILE_MS, 0 = off). */
    reconcileIntervalMs: number;
  };
  /** Brute-force protection of the public code login (HUB_CODE_LOGIN_*). */
  codeLogin: CodeLoginPolicy;
  /** Third-party plugin packages (`iptv-hub-plugin-*`) to load at start (HUB_PLUGINS). */
  plugins: string[];
  panels: {
    /** How often packages are re-synced from every panel (HUB_PACKAGE_SYNC_INTERVAL_MS, 0 = never). */
    packageSyncIntervalMs: number;
    /** How often every panel's health is checked (HUB_PANEL_HEALTH_INTERVAL_MS, 0 = never). */
    healthIntervalMs: number;
  };
  drift: {
    /** Whether the scheduled reconcile repairs drift it can safely set back (HUB_DRIFT_AUTO_REPAIR, default off). */
    autoRepair: boolean;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; collects every problem so the operator can fix them in one go. */
export function loadConfig(env: Env = process.env): HubConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const dataDir = absolute(read.string('HUB_DATA_DIR', './data'));
  const databaseUrl = read.optional('DATABASE_URL');
  const redisUrl = read.optional('REDIS_URL');
  const database = parseDatabase(databaseUrl, dataDir, problems, read);
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push(`REDIS_URL must start with redis:// or rediss:// (got "${redisUrl}")`);
  }
  // PostgreSQL without Redis is valid too: jobs then live in PostgreSQL through the embedded driver.
  const mode: RunMode = database.dialect === 'postgresql' && redisUrl ? 'scale-out' : 'embedded';
  const driver = read.oneOf('HUB_JOB_DRIVER', ['embedded', 'bullmq'] as const, redisUrl ? 'bullmq' : 'embedded');
  if (driver === 'bullmq' && !redisUrl) {
    problems.push('HUB_JOB_DRIVER=bullmq needs REDIS_URL (for example redis://127.0.0.1:6379)');
  }
  const production = env.NODE_ENV === 'production';

  const config: HubConfig = {
    mode,
    role: read.oneOf('HUB_ROLE', ['all', 'api', 'worker'] as const, 'all'),
    production,
    http: {
      host: read.string('HOST', '0.0.0.0'),
      port: read.integer('PORT', 3000, { min: 0, max: 65535 }),
      bodyLimitBytes: read.bytes('HUB_BODY_LIMIT', '1mb'),
      rateLimitPerMinute: read.integer('HUB_RATE_LIMIT_PER_MINUTE', 1200, { min: 1 }),
      trustedProxies: read.list('HUB_TRUSTED_PROXIES'),
      workerHealthPort: read.integer('HUB_WORKER_HEALTH_PORT', 3001, { min: 0, max: 65535 }),
    },
    dataDir,
    database,
    migrateOnStart: read.boolean('HUB_MIGRATE_ON_START', true),
    redisUrl,
    jobs: {
      driver,
      concurrency: read.integer('HUB_JOB_CONCURRENCY', 16, { min: 1, max: 1000 }),
      leaseMs: read.integer('HUB_JOB_LEASE_MS', 30_000, { min: 500 }),
      pollIntervalMs: read.integer('HUB_JOB_POLL_MS', 200, { min: 10 }),
      queuePrefix: read.string('HUB_QUEUE_PREFIX', 'iptv-hub'),
    },
    encryptionKey: read.optional('HUB_ENCRYPTION_KEY'),
    adminApiKey: read.optional('HUB_ADMIN_API_KEY'),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    shutdownTimeoutMs: read.integer('HUB_SHUTDOWN_TIMEOUT_MS', 25_000, { min: 0 }),
    env: { ...env },
    webhooks: readWebhookConfig(env, problems, production),
    codeLogin: readCodeLoginPolicy(env, problems),
    payments: {
      publicUrl: read.optional('HUB_PUBLIC_URL'),
      reconcileIntervalMs: read.integer('HUB_PAYMENT_RECONCILE_MS', 5 * 60 * 1000, { min: 0 }),
    },
    plugins: read.list('HUB_PLUGINS'),
    panels: {
      packageSyncIntervalMs: read.integer('HUB_PACKAGE_SYNC_INTERVAL_MS', 6 * 60 * 60 * 1000, { min: 0 }),
      healthIntervalMs: read.integer('HUB_PANEL_HEALTH_INTERVAL_MS', 60_000, { min: 0 }),
    },
    drift: {
      autoRepair: read.boolean('HUB_DRIFT_AUTO_REPAIR', false),
    },
  };
  for (const name of config.plugins) {
    if (!/^(@[a-z0-9-~][a-z0-9-._~]*\/)?iptv-hub-plugin-[a-z0-9-._~]+$/.test(name)) problems.push(`HUB_PLUGINS: "${name}" is not a plugin package name (iptv-hub-plugin-<id>, optionally scoped)`);
  }
  if (config.payments.publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(config.payments.publicUrl)) {
    problems.push(`HUB_PUBLIC_URL must be an http(s) URL such as https://hub.example.com (got "${config.payments.publicUrl}")`);
  }
  if (config.adminApiKey !== undefined && config.adminApiKey.length < 24) {
    problems.push('HUB_ADMIN_API_KEY must be at least 24 characters long (use a long random value)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function parseDatabase(url: string | undefined, dataDir: string, problems: string[], read: EnvReader): HubConfig['database'] {
  if (!url) return { dialect: 'sqlite', path: resolve(dataDir, 'hub.sqlite') };
  // Connections per process: with too few, transactions under load wait for one (p99 latency).
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { dialect: 'postgresql', url, poolMax: read.integer('HUB_DATABASE_POOL_MAX', 20, { min: 2, max: 500 }), preparedStatements: read.boolean('HUB_DATABASE_PREPARED_STATEMENTS', true) };
  }
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', path: absolute(url.slice('sqlite:'.length).replace(/^\/\//, '')) };
  problems.push(`DATABASE_URL must be postgres://user:pass@host:5432/db or sqlite:<path> (got "${redact(url)}")`);
  return { dialect: 'sqlite', path: resolve(dataDir, 'hub.sqlite') };
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      const bounds = [range.min !== undefined ? `>= ${range.min}` : '', range.max !== undefined ? `<= ${range.max}` : ''].filter(Boolean).join(' and ');
      this.problems.push(`${name} must be a whole number${bounds ? ` ${bounds}` : ''} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  list(name: string): string[] {
    return (this.optional(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  bytes(name: string, fallback: string): number {
    const raw = (this.optional(name) ?? fallback).toLowerCase();
    const match = /^(\d+)\s*(b|kb|mb)?$/.exec(raw);
    if (!match) {
      this.problems.push(`${name} must be a size such as 512kb or 1mb (got "${raw}")`);
      return 1024 * 1024;
    }
    const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b') as 'b' | 'kb' | 'mb'];
    return Number(match[1]) * unit;
  }
}
