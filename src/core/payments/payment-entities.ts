import type { EntityClass } from '../database/orm-options';
import { PaymentAccountStateRow } from './payment-account-state.entity';
import { PaymentAccount } from './payment-account.entity';
import { PaymentAlias } from './payment-alias.entity';
import { PaymentCheckout } from './payment-checkout.entity';
import { PaymentEventRow } from './payment-event.entity';
import { ProductPaymentPolicy } from './product-payment-policy.entity';

/** Payment accounts (and their plugins' state), checkouts, payment aliases, provider events and product payment policies (for ALL_ENTITIES). */
export const PAYMENT_ENTITIES: EntityClass[] = [PaymentAccount, PaymentAccountStateRow, PaymentCheckout, PaymentAlias, PaymentEventRow, ProductPaymentPolicy];
