import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { AuditService } from '../../audit/audit.service';
import { HubError } from '../../common/errors';
import { constantTimeEqual, SecretBox } from '../../crypto/secret-box';
import { EventsService } from '../../events/events.service';
import { metricsRegistry } from '../../metrics/hub-metrics';
import { checkCode, CODE_MAX_LENGTH } from '../code-format';
import type { AccessCodeStatus, ExpiryMode } from '../access-code.entity';
import { canLogIn } from '../access-code-state';
import { clientBucket } from './client-bucket';
import { CodeLoginPolicy } from './code-login-policy';
import { toDate } from './raw-date';
import { LoginThrottle } from './login-throttle';

export const CODE_LOGIN_POLICY = Symbol('CODE_LOGIN_POLICY');

export interface CodeLoginResult {
  code: string;
  portalName: string;
  portalUrl: string;
  username: string;
  password: string;
  expiresAt: string | null;
}

type FailureReason = 'malformed' | 'unknown' | 'inactive' | 'expired';

const LOOKUP = `select c.id, c.code, c.username, c.password_sealed, c.status, c.expiry_mode, c.effective_expires_at, p.name as portal_name, p.url as portal_url
from hub_access_code c join hub_portal p on p.id = c.portal_id where c.code = ? and c.pending = false`;

interface RawLoginRow {
  id: string;
  code: string;
  username: string;
  password_sealed: string;
  status: string;
  expiry_mode: string;
  effective_expires_at: string | number | Date | null;
  portal_name: string;
  portal_url: string;
}

interface LoginRow {
  id: string;
  code: string;
  username: string;
  passwordSealed: string;
  status: AccessCodeStatus;
  expiryMode: ExpiryMode;
  effectiveExpiresAt: Date | null;
  portalName: string;
  portalUrl: string;
}

const attempts = new Counter({ name: 'hub_code_login_attempts_total', help: 'Code login attempts by result', labelNames: ['result'] as const, registers: [metricsRegistry] });

/** Looked up when the input is not a well-formed code, so every failure does the same work. */
const NEVER_A_CODE = '000000';

export class InvalidCodeError extends HubError {
  constructor() {
    super(401, 'INVALID_CODE', 'Unauthorized', 'The access code is not valid');
  }
}

export class TooManyAttemptsError extends HubError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'TOO_MANY_ATTEMPTS', 'Too many requests', `Too many failed code logins from this address; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * The public code login. Unknown, malformed, inactive and expired codes get the same answer
 * after the same work (a lookup, a constant-time comparison, a decryption) and no sooner than the
 * policy's floor, so neither the body nor the timing says which it was. Each client (an IPv4
 * address, an IPv6 /64) has a failure budget with doubling lockouts; a spike of failures across
 * all addresses raises `access_code.bruteforce_suspected`. Every attempt is audited with its address and result,
 * never with the credentials.
 */
@Injectable()
export class CodeLoginService {
  private readonly logger = new Logger('CodeLogin');
  private readonly decoySealed: string;

  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    @Inject(CODE_LOGIN_POLICY) readonly policy: CodeLoginPolicy,
  ) {
    this.decoySealed = secrets.encrypt('decoy-password-of-typical-length');
  }

  async login(input: string, address: string): Promise<CodeLoginResult> {
    const started = Date.now();
    const bucket = clientBucket(address);
    // Counted before the look-up, atomically with the lockout check: a burst of concurrent guesses
    // gets no more look-ups than the budget. A success gives its count back.
    const attempt = await this.throttle.attempt(bucket, started);
    if (attempt.lockedForMs > 0) {
      await this.failed(address, started, 'locked_out', undefined, undefined, attempt.startedLockout ? attempt.lockedForMs : 0);
      attempts.inc({ result: 'locked_out' });
      throw new TooManyAttemptsError(Math.ceil(attempt.lockedForMs / 1000));
    }
    const { code, violations } = checkCode(input);
    const wellFormed = violations.length === 0;
    const lookup = wellFormed ? code : NEVER_A_CODE;
    const row = await this.lookup(lookup);
    const matches = constantTimeEqual((row?.code ?? NEVER_A_CODE).padEnd(CODE_MAX_LENGTH), lookup.padEnd(CODE_MAX_LENGTH));
    const password = this.secrets.decrypt(row?.passwordSealed ?? this.decoySealed);
    const usable = row !== undefined && canLogIn(row, new Date(started));
    if (row && matches && usable) {
      await this.throttle.forgive(bucket, started);
      await this.audit.record({ action: 'access_code.login', outcome: 'success', actor: { type: 'anonymous', id: 'anonymous' }, ip: address, target: { type: 'access_code', id: row.id }, details: { result: 'ok' } });
      attempts.inc({ result: 'ok' });
      return { code: row.code, portalName: row.portalName, portalUrl: row.portalUrl, username: row.username, password, expiresAt: row.effectiveExpiresAt?.toISOString() ?? null };
    }
    const reason: FailureReason = !wellFormed ? 'malformed' : !row ? 'unknown' : row.status === 'inactive' ? 'inactive' : 'expired';
    await this.failed(address, started, 'invalid', reason, row?.id);
    attempts.inc({ result: 'invalid' });
    await sleep(Math.max(0, started + this.policy.failureFloorMs - Date.now()));
    throw new InvalidCodeError();
  }

  /** One indexed query, without entity hydration: this is the hub's hottest public path. */
  private async lookup(code: string): Promise<LoginRow | undefined> {
    const [row] = await this.em.getConnection().execute<RawLoginRow[]>(LOOKUP, [code]);
    if (!row) return undefined;
    const expires = row.effective_expires_at;
    return {
      id: row.id,
      code: row.code,
      username: row.username,
      passwordSealed: row.password_sealed,
      status: row.status as AccessCodeStatus,
      expiryMode: row.expiry_mode as ExpiryMode,
      effectiveExpiresAt: expires === null ? null : toDate(expires),
      portalName: row.portal_name,
      portalUrl: row.portal_url,
    };
  }

  private async failed(address: string, now: number, result: 'invalid' | 'locked_out', reason?: FailureReason, codeId?: string, lockedForMs = 0): Promise<void> {
    await this.audit.record({
      action: 'access_code.login',
      outcome: 'denied',
      actor: { type: 'anonymous', id: 'anonymous' },
      ip: address,
      // The reason is for operators reading the audit log; the client never sees it.
      target: codeId ? { type: 'access_code', id: codeId } : undefined,
      details: { result, ...(reason ? { reason } : {}), ...(lockedForMs > 0 ? { lockedOutForSeconds: Math.ceil(lockedForMs / 1000) } : {}) },
    });
    const global = await this.throttle.recordGlobalFailure(now);
    if (global.alarm) await this.alarm(global.windowStart, global.count);
  }

  private async alarm(windowStartMs: number, failures: number): Promise<void> {
    const windowStart = new Date(windowStartMs).toISOString();
    this.logger.warn({ failures, windowStart }, 'Code login failures spiked: brute force suspected');
    await this.events.transaction(async (em, emit) => {
      const payload = { windowStart, windowSeconds: this.policy.alarmWindowMs / 1000, failures, threshold: this.policy.alarmFailures };
      await this.audit.record({ action: 'access_code.bruteforce_suspected', outcome: 'denied', actor: { type: 'system', id: 'system' }, details: payload }, em);
      emit({ type: 'access_code.bruteforce_suspected', payload });
    });
  }
}

