import { ConfigError, loadConfig } from './hub-config';

describe('loadConfig', () => {
  it('defaults to embedded mode: SQLite in ./data, embedded jobs, port 3000', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.database).toEqual({ dialect: 'sqlite', path: expect.stringMatching(/data\/hub\.sqlite$/) });
    expect(config.jobs.driver).toBe('embedded');
    expect(config.http.port).toBe(3000);
    expect(config.migrateOnStart).toBe(true);
  });

  it('switches to scale-out with PostgreSQL and Redis', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hub', REDIS_URL: 'redis://cache:6379' });
    expect(config.mode).toBe('scale-out');
    expect(config.database).toEqual({ dialect: 'postgresql', url: 'postgres://u:p@db:5432/hub', poolMax: 20, preparedStatements: true });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hub', HUB_DATABASE_PREPARED_STATEMENTS: 'false' }).database).toMatchObject({ preparedStatements: false });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hub', HUB_DATABASE_POOL_MAX: '64' }).database).toMatchObject({ poolMax: 64 });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hub', HUB_DATABASE_POOL_MAX: '1' })).toThrow(/HUB_DATABASE_POOL_MAX/);
    expect(config.jobs.driver).toBe('bullmq');
  });

  it('keeps jobs in PostgreSQL when there is no Redis', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://db/hub' });
    expect(config.mode).toBe('embedded');
    expect(config.jobs.driver).toBe('embedded');
  });

  it('reports every problem at once, saying what to fix and hiding passwords', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/hub', HUB_JOB_DRIVER: 'bullmq', LOG_LEVEL: 'loud', HUB_ADMIN_API_KEY: 'short' });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect([...(error?.problems ?? [])].sort()).toEqual([
      'DATABASE_URL must be postgres://user:pass@host:5432/db or sqlite:<path> (got "mysql://root:***@db/hub")',
      'HUB_ADMIN_API_KEY must be at least 24 characters long (use a long random value)',
      'HUB_JOB_DRIVER=bullmq needs REDIS_URL (for example redis://127.0.0.1:6379)',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'PORT must be a whole number >= 0 and <= 65535 (got "eighty")',
    ]);
    expect(error?.message).not.toContain('hunter2');
  });

  it('parses sizes and booleans', () => {
    const config = loadConfig({ HUB_BODY_LIMIT: '512kb', HUB_MIGRATE_ON_START: 'false', HUB_TRUSTED_PROXIES: '10.0.0.1, loopback' });
    expect(config.http.bodyLimitBytes).toBe(512 * 1024);
    expect(config.migrateOnStart).toBe(false);
    expect(config.http.trustedProxies).toEqual(['10.0.0.1', 'loopback']);
  });

  it('keeps drift auto-repair off unless HUB_DRIFT_AUTO_REPAIR turns it on, and rejects other values', () => {
    expect(loadConfig({}).drift.autoRepair).toBe(false);
    expect(loadConfig({ HUB_DRIFT_AUTO_REPAIR: 'true' }).drift.autoRepair).toBe(true);
    expect(() => loadConfig({ HUB_DRIFT_AUTO_REPAIR: 'sometimes' })).toThrow('HUB_DRIFT_AUTO_REPAIR must be true or false (got "sometimes")');
  });
});
