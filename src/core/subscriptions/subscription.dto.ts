import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import { SUBSCRIPTION_STATUSES, SubscriptionStatus } from './subscription-state';
import type { SubscriptionHistoryEntry, Subscription } from './subscription.entity';

export class SubscriptionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATUSES }) @IsOptional() @IsIn(SUBSCRIPTION_STATUSES) status?: SubscriptionStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() panelId?: string;
}

export class SubscriptionReasonDto {
  @ApiProperty({ example: 'Customer asked to pause', description: 'Why (kept in the audit log and the history)' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ example: 'Customer paid by bank transfer' }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class SubscriptionHistoryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, enum: SUBSCRIPTION_STATUSES }) from: string | null;
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES }) to: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional() runId?: string;
  @ApiPropertyOptional() correlationId?: string;
}

export class SubscriptionDto {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() productId: string;
  @ApiProperty() panelId: string;
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES, description: '`failed` means the subscription needs review' }) status: SubscriptionStatus;
  @ApiProperty({ type: String, nullable: true, description: "The panel's id of the line" }) lineId: string | null;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ description: 'Whether a line password is stored (it is never returned)' }) hasPassword: boolean;
  @ApiProperty() packageExternalId: string;
  @ApiProperty() maxConnections: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'Why the subscription needs review' }) reviewReason: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lineDeletedAt: string | null;
  @ApiProperty({ type: [SubscriptionHistoryDto] }) history: SubscriptionHistoryEntry[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(subscription: Subscription, hasPassword: boolean): SubscriptionDto {
    return {
      id: subscription.id,
      customerId: subscription.customer.id,
      productId: subscription.product.id,
      panelId: subscription.panel.id,
      status: subscription.status,
      lineId: subscription.lineId ?? null,
      username: subscription.username ?? null,
      hasPassword,
      packageExternalId: subscription.packageExternalId,
      maxConnections: subscription.maxConnections,
      expiresAt: subscription.expiresAt?.toISOString() ?? null,
      reviewReason: subscription.reviewReason ?? null,
      lineDeletedAt: subscription.lineDeletedAt?.toISOString() ?? null,
      history: subscription.history,
      createdAt: subscription.createdAt.toISOString(),
      updatedAt: subscription.updatedAt.toISOString(),
    };
  }
}

export class SubscriptionPageDto extends PageDto(SubscriptionDto, 'SubscriptionPageDto') {}
