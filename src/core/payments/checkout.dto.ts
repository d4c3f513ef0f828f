import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUrl, IsUUID } from 'class-validator';
import type { PaymentCheckout } from './payment-checkout.entity';

export class CreateCheckoutDto {
  @ApiProperty({ format: 'uuid', description: 'The payment account (provider instance) to pay with' }) @IsUUID() paymentAccountId: string;
  @ApiPropertyOptional({ example: 'https://shop.example/thanks', description: 'Where the provider sends the buyer after paying' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  successUrl?: string;
  @ApiPropertyOptional({ example: 'https://shop.example/cart' }) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) cancelUrl?: string;
  @ApiPropertyOptional({ default: false, description: "Ask the provider for a recurring payment renewed every product duration (Stripe and PayPal subscriptions); renewals then arrive as webhooks" })
  @IsOptional()
  @IsBoolean()
  recurring?: boolean;
}

export class CheckoutDto {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() paymentAccountId: string;
  @ApiProperty({ example: 'stripe' }) provider: string;
  @ApiProperty({ description: "The provider's id of the checkout / invoice / order" }) providerPaymentId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Hosted checkout page or invoice to send the buyer to' }) redirectUrl: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ enum: ['open', 'paid', 'partially_paid', 'failed', 'refunded'] }) status: string;
  @ApiProperty() recurring: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Provider details (payment instructions for manual accounts)' }) details: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(checkout: PaymentCheckout): CheckoutDto {
    return {
      id: checkout.id,
      orderId: checkout.order.id,
      paymentAccountId: checkout.account.id,
      provider: checkout.provider,
      providerPaymentId: checkout.providerPaymentId,
      redirectUrl: checkout.redirectUrl ?? null,
      expiresAt: checkout.expiresAt?.toISOString() ?? null,
      status: checkout.status,
      recurring: checkout.recurring,
      details: checkout.details ?? null,
      createdAt: checkout.createdAt.toISOString(),
    };
  }
}
