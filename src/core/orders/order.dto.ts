import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import { ORDER_KINDS, ORDER_STATUSES, Order, OrderKind, OrderStatus } from './order.entity';

export class CreateOrderDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() customerId: string;
  @ApiProperty({ format: 'uuid', description: 'For an upgrade: the new product' }) @IsUUID() productId: string;
  @ApiPropertyOptional({ enum: ORDER_KINDS, default: 'new' }) @IsOptional() @IsIn(ORDER_KINDS) kind?: OrderKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for renewal and upgrade orders' }) @IsOptional() @IsUUID() subscriptionId?: string;
  @ApiPropertyOptional({ description: "Defaults to the product's price" }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) amountMinor?: number;
  @ApiPropertyOptional({ example: 'EUR', description: "Defaults to the product's currency" })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency?: string;
  @ApiPropertyOptional({ default: 'manual', description: 'Payment provider id (plugin id), or manual' }) @IsOptional() @IsString() @Length(1, 50) @Matches(/^[a-z0-9-]+$/) provider?: string;
  @ApiPropertyOptional({ description: "The provider's payment id: unique per provider, a repeat returns the existing order" }) @IsOptional() @IsString() @Length(1, 200) providerPaymentId?: string;
  @ApiPropertyOptional({ type: Object, description: 'Free-form string labels' }) @IsOptional() @IsObject() metadata?: Record<string, string>;
}

export class MarkPaidDto {
  @ApiPropertyOptional({ description: 'Reference of the manual payment (bank transfer, cash receipt…); unique per provider' }) @IsOptional() @IsString() @Length(1, 200) providerPaymentId?: string;
  @ApiPropertyOptional({ description: 'Amount received, when it differs from the order amount (less → partially_paid)' }) @IsOptional() @IsInt() @Min(0) amountMinor?: number;
  @ApiPropertyOptional({ example: 'Paid by bank transfer' }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class OrderReasonDto {
  @ApiProperty({ example: 'Card declined' }) @IsString() @Length(1, 500) reason: string;
}

export class OrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES }) @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() subscriptionId?: string;
}

export class OrderDto {
  @ApiProperty() id: string;
  @ApiProperty() provider: string;
  @ApiProperty({ type: String, nullable: true }) providerPaymentId: string | null;
  @ApiProperty({ enum: ORDER_KINDS }) kind: OrderKind;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty() customerId: string;
  @ApiProperty() productId: string;
  @ApiProperty({ type: String, nullable: true }) subscriptionId: string | null;
  @ApiProperty() amountMinor: number;
  @ApiProperty({ type: Number, nullable: true }) amountPaidMinor: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Refunded at the provider so far: less than paid is a partial refund (the order stays paid); on an unpaid order, a refund that came before its payment (a later "paid" goes to review)' }) amountRefundedMinor: number | null;
  @ApiProperty() currency: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) refundedAt: string | null;
  @ApiProperty({ type: Object, nullable: true }) metadata: Record<string, string> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(order: Order): OrderDto {
    return {
      id: order.id,
      provider: order.provider,
      providerPaymentId: order.providerPaymentId ?? null,
      kind: order.kind,
      status: order.status,
      customerId: order.customer.id,
      productId: order.product.id,
      subscriptionId: order.subscription?.id ?? null,
      amountMinor: order.amountMinor,
      amountPaidMinor: order.amountPaidMinor ?? null,
      amountRefundedMinor: order.amountRefundedMinor ?? null,
      currency: order.currency,
      paidAt: order.paidAt?.toISOString() ?? null,
      failedAt: order.failedAt?.toISOString() ?? null,
      refundedAt: order.refundedAt?.toISOString() ?? null,
      metadata: order.metadata ?? null,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
    };
  }
}

export class OrderPageDto extends PageDto(OrderDto, 'OrderPageDto') {}
