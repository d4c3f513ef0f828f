import type { EntityClass } from '../database/orm-options';
import { Subscription } from '../subscriptions/subscription.entity';
import { Order } from './order.entity';

/** Subscriptions and orders (for ALL_ENTITIES). */
export const COMMERCE_ENTITIES: EntityClass[] = [Subscription, Order];
