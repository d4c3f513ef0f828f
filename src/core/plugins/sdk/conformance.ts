import { createBasicHttpClient } from './basic-http-client';
import { isPluginError, PluginError, PluginErrorCode } from './errors';
import { manifestProblems, PanelPlugin, secretValues } from './manifest';
import { LineRef, memoryStateStore, PanelClient, PanelLine, PanelPluginContext } from './panel';
import type { PluginLogger } from './runtime';
import type { SimulatorFaults } from './simulator-kit';

/** What the kit needs of a simulator: a running panel, valid and invalid configurations, fault knobs, and a way to count lines. */
export interface ConformanceSimulator {
  /** The base URL to configure. */
  url: string;
  config: Record<string, unknown>;
  /** The same configuration with wrong credentials. */
  badConfig: Record<string, unknown>;
  /** A package id lines can be created with. */
  packageId: string;
  setFaults(faults: Partial<SimulatorFaults>): void;
  resetFaults(): void;
  /** How many lines with this username the panel holds (to prove creates are not repeated). */
  countLines(username: string): number;
  close(): Promise<void>;
}

export interface ConformanceContextOptions {
  baseUrl: string;
  /** Secret values of the configuration, to be kept out of logs and call records. */
  secrets: string[];
  timeoutMs: number;
  logger: PluginLogger;
  onCall(record: { url: string; status: number | null; code: string | null }): void;
}

export interface PanelConformanceTarget {
  plugin: PanelPlugin;
  startSimulator(): Promise<ConformanceSimulator>;
  /** The `ctx` to hand the plugin; defaults to the SDK's basic client (one attempt per call, no retries). */
  createContext?(options: ConformanceContextOptions): PanelPluginContext;
}

export interface ConformanceCheck {
  name: string;
  run(): Promise<void>;
}

export interface ConformanceSuite {
  setup(): Promise<void>;
  teardown(): Promise<void>;
  checks: ConformanceCheck[];
}

class ConformanceFailure extends Error {}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

async function expectPluginError(promise: Promise<unknown>, code: PluginErrorCode | PluginErrorCode[], retryable: boolean | undefined, what: string): Promise<PluginError> {
  const codes = Array.isArray(code) ? code : [code];
  try {
    await promise;
  } catch (error) {
    expect(isPluginError(error), `${what}: expected a PluginError, got ${String((error as Error)?.stack ?? error)}`);
    const failure = error as PluginError;
    expect(codes.includes(failure.code), `${what}: expected ${codes.join(' or ')}, got ${failure.code} (${failure.message})`);
    if (retryable !== undefined) expect(failure.retryable === retryable, `${what}: expected retryable=${retryable}, got ${failure.retryable}`);
    expect(typeof failure.hint === 'string' && failure.hint.length > 10, `${what}: the error has no actionable hint`);
    return failure;
  }
  throw new ConformanceFailure(`${what}: expected ${codes.join(' or ')}, but the call succeeded`);
}

/**
 * The panel plugin conformance kit (SPEC §5.4): one suite every panel plugin passes against its
 * simulator — manifest and capabilities, connection test, bad credentials → AUTH_FAILED, IP
 * allow-list → IP_NOT_ALLOWED, 5xx / timeouts / rate limits normalised and retryable, idempotent
 * create (also when answers are lost), dates that round-trip, the line lifecycle, and no secret in
 * logs, errors or call records. Framework-neutral: run `checks` from Jest, Vitest or a script.
 */
export function panelConformanceSuite(target: PanelConformanceTarget): ConformanceSuite {
  const { plugin } = target;
  const has = (capability: string) => plugin.manifest.capabilities.includes(capability);
  const observed: string[] = [];
  let sim: ConformanceSimulator;
  let client: PanelClient;
  let run = 0;
  const state = memoryStateStore();

  const logger: PluginLogger = {
    debug: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
    info: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
    warn: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
    error: (message, fields) => observed.push(message, JSON.stringify(fields ?? {})),
  };
  const makeClient = (config: Record<string, unknown>, timeoutMs = 5_000): PanelClient => {
    const options: ConformanceContextOptions = {
      baseUrl: sim.url,
      secrets: secretValues(plugin.manifest.configSchema, config),
      timeoutMs,
      logger,
      onCall: (record) => observed.push(JSON.stringify(record)),
    };
    const context = target.createContext?.(options) ?? { baseUrl: sim.url, http: createBasicHttpClient({ baseUrl: sim.url, timeoutMs, secrets: options.secrets, onCall: options.onCall }), logger, clock: { now: () => new Date() }, state };
    return plugin.create(config, context);
  };
  /** Records every error's text too: secrets must not be in what operators see. */
  const watch = async <T>(promise: Promise<T>): Promise<T> => {
    try {
      return await promise;
    } catch (error) {
      observed.push(String((error as Error)?.message), JSON.stringify(isPluginError(error) ? (error as PluginError).toJSON() : {}));
      throw error;
    }
  };
  const key = (label: string) => `conformance:${plugin.manifest.id}:${label}:${Date.now()}:${(run += 1)}`;
  const inSeconds = (days: number) => new Date(Math.floor(Date.now() / 1000 + days * 86_400) * 1000).toISOString();
  const create = (label: string, overrides: Partial<Parameters<NonNullable<PanelClient['createLine']>>[0]> = {}) =>
    watch((client.createLine as NonNullable<PanelClient['createLine']>)({ packageId: sim.packageId, expiresAt: inSeconds(30), maxConnections: 1, idempotencyKey: key(label), ...overrides }));
  const refOf = (line: PanelLine): LineRef => ({ externalId: line.externalId, username: line.username, password: line.password });
  const faulted = async <T>(faults: Partial<SimulatorFaults>, work: () => Promise<T>): Promise<T> => {
    sim.setFaults(faults);
    try {
      return await work();
    } finally {
      sim.resetFaults();
    }
  };
  // A probe should be one request, so that a fault meant for it is not consumed by a straggler of the previous check.
  const probe = (c: PanelClient) =>
    has('getLine') ? (c.getLine as (ref: LineRef) => Promise<unknown>)({ externalId: '1', username: 'probe', password: 'probe' }) : (c.listPackages as () => Promise<unknown>)();

  const checks: ConformanceCheck[] = [
    {
      name: 'the manifest is valid and every declared capability is implemented',
      run: async () => {
        expect(manifestProblems(plugin.manifest).length === 0, `manifest problems: ${manifestProblems(plugin.manifest).join('; ')}`);
        for (const capability of plugin.manifest.capabilities) expect(typeof (client as Record<string, unknown>)[capability] === 'function', `capability ${capability} is declared but not implemented`);
        expect(secretValues(plugin.manifest.configSchema, sim.config).length > 0, 'the configuration schema marks no secret field (writeOnly) although the simulator needs credentials');
      },
    },
    {
      name: 'the connection test passes against a healthy panel',
      run: async () => {
        if (!has('testConnection')) return;
        const result = await watch((client.testConnection as NonNullable<PanelClient['testConnection']>)());
        expect(result.ok, `test failed: ${JSON.stringify(result.stages)}`);
      },
    },
    {
      name: 'bad credentials are AUTH_FAILED (not retryable), and the connection test names the authentication stage',
      run: async () => {
        const bad = makeClient(sim.badConfig);
        await expectPluginError(watch(probe(bad)), 'AUTH_FAILED', false, 'a call with bad credentials');
        if (has('testConnection')) {
          const result = await watch((bad.testConnection as NonNullable<PanelClient['testConnection']>)());
          expect(!result.ok && result.failedStage === 'authentication', `expected the authentication stage to fail, got ${JSON.stringify(result)}`);
        }
      },
    },
    {
      name: 'a refused address is IP_NOT_ALLOWED with a hint',
      run: () => faulted({ ipNotAllowed: true }, async () => void (await expectPluginError(watch(probe(client)), 'IP_NOT_ALLOWED', false, 'a call from a refused address'))),
    },
    {
      name: 'server errors are PANEL_UNAVAILABLE and retryable',
      run: () => faulted({ failNext: 1 }, async () => void (await expectPluginError(watch(probe(client)), 'PANEL_UNAVAILABLE', true, 'a call answered with a 5xx'))),
    },
    {
      name: 'timeouts are TIMEOUT and retryable',
      run: () => faulted({ hangNext: 1 }, async () => void (await expectPluginError(watch(probe(makeClient(sim.config, 300))), 'TIMEOUT', true, 'a call never answered'))),
    },
    {
      name: 'rate limiting is RATE_LIMITED and retryable',
      run: () => faulted({ rateLimitPerSecond: 0 }, async () => void (await expectPluginError(watch(probe(client)), 'RATE_LIMITED', true, 'a rate-limited call'))),
    },
    {
      name: 'packages are listed in normalised form',
      run: async () => {
        if (!has('listPackages')) return;
        const packages = await watch((client.listPackages as NonNullable<PanelClient['listPackages']>)());
        expect(packages.length > 0, 'the simulator has packages but none were listed');
        for (const pkg of packages) expect(typeof pkg.externalId === 'string' && pkg.externalId !== '' && typeof pkg.name === 'string', `not a normalised package: ${JSON.stringify(pkg).slice(0, 200)}`);
        expect(packages.some((pkg) => pkg.externalId === sim.packageId), `package ${sim.packageId} is missing from the list`);
      },
    },
    {
      name: 'create is idempotent: the same idempotency key gives the same line, once',
      run: async () => {
        if (!has('createLine')) return;
        const idempotencyKey = key('idempotent');
        const first = await create('idempotent', { idempotencyKey });
        const second = await create('idempotent', { idempotencyKey });
        expect(first.externalId === second.externalId && first.username === second.username, `two creates with one key gave ${first.externalId}/${first.username} and ${second.externalId}/${second.username}`);
        expect(sim.countLines(first.username) === 1, `the panel holds ${sim.countLines(first.username)} lines named ${first.username}`);
        const named = await create('named', { username: `conf${Date.now() % 1_000_000}`, password: 'Conf0rmance1' });
        await expectPluginError(create('other-key-same-name', { username: named.username, password: 'An0therPass1' }), 'DUPLICATE_USERNAME', false, 'a second create of the same username with another key');
        expect(sim.countLines(named.username) === 1, `the panel holds ${sim.countLines(named.username)} lines named ${named.username}`);
      },
    },
    {
      name: 'a create retried after failed or lost answers ends with exactly one line',
      run: async () => {
        if (!has('createLine')) return;
        const idempotencyKey = key('flaky');
        let line: PanelLine | undefined;
        await faulted({ errorRate: 0.5, faultPhase: 'random' }, async () => {
          for (let attempt = 0; attempt < 40 && !line; attempt += 1) {
            try {
              line = await create('flaky', { idempotencyKey });
            } catch (error) {
              expect(isPluginError(error) && (error as PluginError).retryable, `a failed attempt was not a retryable PluginError: ${String(error)}`);
            }
          }
        });
        expect(line, 'no attempt succeeded');
        expect(sim.countLines((line as PanelLine).username) === 1, `the panel holds ${sim.countLines((line as PanelLine).username)} lines for one create`);
      },
    },
    {
      name: 'expiry instants round-trip (create, get, extend; null = never expires)',
      run: async () => {
        if (!has('createLine')) return;
        // Reseller-style panels set the expiry from the package: what they report must still round-trip.
        const fromPackage = plugin.manifest.notes?.expiryFromPackage === true;
        const expiresAt = inSeconds(45);
        const line = await create('dates', { expiresAt });
        if (fromPackage) expect(line.expiresAt !== null && Date.parse(line.expiresAt) > Date.now(), `created a line that does not run: ${line.expiresAt}`);
        else expect(line.expiresAt === expiresAt, `created with ${expiresAt}, got ${line.expiresAt}`);
        if (has('getLine')) {
          const fetched = await watch((client.getLine as NonNullable<PanelClient['getLine']>)(refOf(line)));
          expect(fetched?.expiresAt === line.expiresAt, `fetched ${fetched?.expiresAt}, expected ${line.expiresAt}`);
        }
        if (has('extendLine')) {
          const later = new Date(Date.parse(line.expiresAt ?? expiresAt) + 400 * 86_400_000).toISOString();
          const extended = await watch((client.extendLine as NonNullable<PanelClient['extendLine']>)({ line: refOf(line), expiresAt: later }));
          if (fromPackage) expect(extended.expiresAt !== null && Date.parse(extended.expiresAt) >= Date.parse(later), `extended to at least ${later}, got ${extended.expiresAt}`);
          else expect(extended.expiresAt === later, `extended to ${later}, got ${extended.expiresAt}`);
          expect(extended.maxConnections === line.maxConnections && extended.enabled === line.enabled, 'extending changed other fields of the line');
          if (has('getLine')) {
            const again = await watch((client.getLine as NonNullable<PanelClient['getLine']>)(refOf(line)));
            expect(again?.expiresAt === extended.expiresAt, `after extending, fetched ${again?.expiresAt}, expected ${extended.expiresAt}`);
          }
        }
        if (fromPackage) return;
        const unlimited = await create('unlimited', { expiresAt: null });
        expect(unlimited.expiresAt === null, `created without expiry, got ${unlimited.expiresAt}`);
      },
    },
    {
      name: 'the line lifecycle works: disable, enable, delete (idempotent), then the line is gone',
      run: async () => {
        if (!has('createLine')) return;
        const line = await create('lifecycle', { maxConnections: 2 });
        if (has('disableLine')) {
          const disabled = await watch((client.disableLine as NonNullable<PanelClient['disableLine']>)(refOf(line)));
          expect(!disabled.enabled && disabled.maxConnections === line.maxConnections && disabled.expiresAt === line.expiresAt, `disable gave ${JSON.stringify({ ...disabled, raw: undefined })}`);
        }
        if (has('enableLine')) {
          const enabled = await watch((client.enableLine as NonNullable<PanelClient['enableLine']>)(refOf(line)));
          expect(enabled.enabled && enabled.maxConnections === line.maxConnections && enabled.expiresAt === line.expiresAt, `enable gave ${JSON.stringify({ ...enabled, raw: undefined })}`);
        }
        if (has('deleteLine')) {
          await watch((client.deleteLine as NonNullable<PanelClient['deleteLine']>)(refOf(line)));
          await watch((client.deleteLine as NonNullable<PanelClient['deleteLine']>)(refOf(line)));
          expect(sim.countLines(line.username) === 0, 'the line is still on the panel after delete');
          if (has('getLine')) expect((await watch((client.getLine as NonNullable<PanelClient['getLine']>)(refOf(line)))) === null, 'getLine of a deleted line is not null');
        }
      },
    },
    {
      name: 'a line that does not exist is null for getLine and USER_NOT_FOUND for changes',
      run: async () => {
        const ghost: LineRef = { externalId: '987654321', username: 'no-such-line', password: 'no-such-pass' };
        if (has('getLine')) expect((await watch((client.getLine as NonNullable<PanelClient['getLine']>)(ghost))) === null, 'getLine of an unknown line is not null');
        if (has('extendLine')) await expectPluginError(watch((client.extendLine as NonNullable<PanelClient['extendLine']>)({ line: ghost, expiresAt: inSeconds(10) })), 'USER_NOT_FOUND', false, 'extending an unknown line');
        if (has('disableLine')) await expectPluginError(watch((client.disableLine as NonNullable<PanelClient['disableLine']>)(ghost)), 'USER_NOT_FOUND', false, 'disabling an unknown line');
      },
    },
    {
      name: 'no secret of the configuration appears in logs, errors or call records',
      run: async () => {
        const secrets = [...secretValues(plugin.manifest.configSchema, sim.config), ...secretValues(plugin.manifest.configSchema, sim.badConfig)].filter((value) => value.length >= 4);
        expect(observed.length > 0, 'nothing was observed (no calls recorded)');
        const text = observed.join('\n');
        for (const secret of secrets) expect(!text.includes(secret) && !text.includes(encodeURIComponent(secret)), `a secret value (${secret.slice(0, 2)}…) appears in logs, errors or call records`);
      },
    },
  ];

  return {
    async setup() {
      sim = await target.startSimulator();
      client = makeClient(sim.config);
    },
    async teardown() {
      await sim?.close();
    },
    checks,
  };
}

/** Runs the whole suite outside a test framework; resolves with what passed and what failed. */
export async function runPanelConformance(target: PanelConformanceTarget): Promise<{ passed: string[]; failed: { name: string; error: string }[] }> {
  const suite = panelConformanceSuite(target);
  const passed: string[] = [];
  const failed: { name: string; error: string }[] = [];
  await suite.setup();
  try {
    for (const check of suite.checks) {
      try {
        await check.run();
        passed.push(check.name);
      } catch (error) {
        failed.push({ name: check.name, error: (error as Error)?.message ?? String(error) });
      }
    }
  } finally {
    await suite.teardown();
  }
  return { passed, failed };
}
