import { EntityManager } from '@mikro-orm/core';
import { keyedStateStore } from '../plugins/keyed-state.store';
import type { PluginStateStore } from '../plugins/sdk';
import { PaymentAccountStateRow } from './payment-account-state.entity';
import { PaymentAccount } from './payment-account.entity';

/** The `ctx.state` of a payment account's plugin: one row per (account, key). */
export function paymentAccountStateStore(em: EntityManager, accountId: string): PluginStateStore {
  return keyedStateStore(em, PaymentAccountStateRow, { entity: PaymentAccount, property: 'account', id: accountId });
}
