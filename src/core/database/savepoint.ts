import type { EntityManager } from '@mikro-orm/core';

/**
 * One name for every savepoint: nested ones stack (a release or rollback names the innermost), and
 * the statement texts stay the same (SQLite's prepared-statement cache keeps them).
 */
const NAME = 'hub_undo';

/**
 * Runs `work` inside a savepoint of the transaction of `em`: if it throws, its writes are rolled
 * back and the transaction goes on (the error is rethrown). Raw statements through the
 * transaction's connection: `em.transactional` would fork a unit of work that shares the caller's
 * entities and merges them back, which is not what an undo needs.
 */
export async function inSavepoint<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  const context = em.getTransactionContext();
  if (!context) throw new Error('inSavepoint needs an entity manager in a transaction');
  const connection = em.getConnection();
  await connection.execute(`savepoint ${NAME}`, [], 'run', context);
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await connection.execute(`rollback to savepoint ${NAME}`, [], 'run', context);
    await connection.execute(`release savepoint ${NAME}`, [], 'run', context);
    throw error;
  }
  await connection.execute(`release savepoint ${NAME}`, [], 'run', context);
  return value;
}
