import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { Product } from '../products/product.entity';

export const UNDERPAYMENT_MODES = ['wait', 'review'] as const;
export type UnderpaymentMode = (typeof UNDERPAYMENT_MODES)[number];

export interface PaymentPolicy {
  /** Shortfalls up to this share of the price are accepted as full payment (network fees, rate drift). */
  tolerancePercent: number;
  /** Beyond the tolerance: wait for a top-up (a final underpayment then goes to review) or flag for review at once. */
  underpayment: UnderpaymentMode;
}

export const DEFAULT_PAYMENT_POLICY: PaymentPolicy = { tolerancePercent: 0, underpayment: 'review' };

/** How a product's crypto underpayments are handled (payments.md C.1). Absent = the default policy. */
@Entity({ tableName: 'hub_product_payment_policy' })
export class ProductPaymentPolicy extends BaseEntity {
  @OneToOne(() => Product, { owner: true, deleteRule: 'cascade', unique: true })
  product: Product;

  @Property({ type: 'double' })
  tolerancePercent: number;

  @Property({ type: 'string', length: 16 })
  underpayment: UnderpaymentMode;
}
