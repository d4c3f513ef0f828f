import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { newId } from '../database/ids';
import type { PluginStateStore } from '../plugins/sdk';
import { PaymentAccountStateRow } from './payment-account-state.entity';
import { PaymentAccount } from './payment-account.entity';

/**
 * The `ctx.state` of a payment account's plugin: one row per (account, key); `setIfAbsent` claims
 * through the unique index, so two processes racing to store a key keep the first value.
 */
export function paymentAccountStateStore(em: EntityManager, accountId: string): PluginStateStore {
  const fork = () => em.fork();
  return {
    async get(key) {
      return (await fork().findOne(PaymentAccountStateRow, { account: accountId, key }))?.value ?? null;
    },
    async set(key, value) {
      const unit = fork();
      const row = await unit.findOne(PaymentAccountStateRow, { account: accountId, key });
      if (row) {
        row.value = value;
        row.updatedAt = new Date();
      } else unit.persist(unit.create(PaymentAccountStateRow, { account: unit.getReference(PaymentAccount, accountId), key, value, updatedAt: new Date() }));
      await unit.flush();
    },
    async setIfAbsent(key, value) {
      try {
        await fork().insert(PaymentAccountStateRow, { id: newId(), account: accountId, key, value, updatedAt: new Date() });
        return true;
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) return false;
        throw error;
      }
    },
    async delete(key) {
      await fork().nativeDelete(PaymentAccountStateRow, { account: accountId, key });
    },
  };
}
