import { DeadlockException, LockWaitTimeoutException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { NotFoundError } from '../../core/common/errors';
import { classifyError, DATABASE_UNAVAILABLE, databaseFailure, isTransientDatabaseError } from './errors';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isTransientDatabaseError', () => {
  it('knows the failures of the database itself: deadlocks, lock timeouts, lost or refused connections, a busy SQLite file', () => {
    expect(isTransientDatabaseError(new DeadlockException(withCode('40P01')))).toBe(true);
    expect(isTransientDatabaseError(new LockWaitTimeoutException(withCode('SQLITE_BUSY')))).toBe(true);
    // Raw driver errors, as the hub's own statements and commits raise them.
    for (const code of ['40001', '40P01', '55P03', '57P01', '08006', '08P01', '53300', 'ECONNRESET', 'ECONNREFUSED', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      expect([code, isTransientDatabaseError(withCode(code))]).toEqual([code, true]);
    }
    expect(isTransientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('leaves every other error to the step: constraint violations, the hub\'s own errors, anything else', () => {
    expect(isTransientDatabaseError(new UniqueConstraintViolationException(withCode('23505')))).toBe(false);
    for (const code of ['23505', '23503', '42P01', '25P02', 'SQLITE_CONSTRAINT_TRIGGER', 'PANEL_UNREACHABLE']) expect([code, isTransientDatabaseError(withCode(code))]).toEqual([code, false]);
    expect(isTransientDatabaseError(new NotFoundError('Subscription', 'x'))).toBe(false);
    expect(isTransientDatabaseError(new Error('boom'))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });

  it('describes such a failure as retryable, with its own code and a hint', () => {
    expect(databaseFailure(withCode('40P01', 'deadlock detected'), 'activate')).toEqual({ stepId: 'activate', code: DATABASE_UNAVAILABLE, message: 'deadlock detected', retryable: true, hint: expect.stringContaining('retried') });
    expect(classifyError(new NotFoundError('Subscription', 'x')).retryable).toBe(false);
  });
});
