import type { EntityManager } from '@mikro-orm/core';

let counter = 0;

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
  const name = `hub_savepoint_${(counter = (counter + 1) % 1_000_000)}`;
  await connection.execute(`savepoint ${name}`, [], 'run', context);
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await connection.execute(`rollback to savepoint ${name}`, [], 'run', context);
    throw error;
  }
  await connection.execute(`release savepoint ${name}`, [], 'run', context);
  return value;
}
