import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { PaymentAccount } from './payment-account.entity';

export class CreatePaymentAccountDto {
  @ApiProperty({ example: 'Stripe live' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'stripe', description: 'Id of an installed payment plugin (GET /plugins)' }) @IsString() @Length(1, 100) @Matches(/^[a-z][a-z0-9-]*$/) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "Shape given by the plugin's config schema; stored encrypted, never returned" })
  @IsObject()
  credentials: Record<string, unknown>;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdatePaymentAccountDto extends PartialType(CreatePaymentAccountDto) {}

export class PaymentAccountQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() type?: string;
}

export class PaymentAccountDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: [String], description: 'Configuration fields that are set (values are never returned)' }) credentialFields: string[];
  @ApiProperty({ description: 'Where to point the provider\'s webhooks (relative to the hub\'s public URL)', example: '/hooks/payments/stripe/0190…' }) webhookPath: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) lastTest: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastTestedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(account: PaymentAccount): PaymentAccountDto {
    return {
      id: account.id,
      name: account.name,
      type: account.type,
      enabled: account.enabled,
      credentialFields: account.credentialFields,
      webhookPath: `/hooks/payments/${account.type}/${account.id}`,
      lastTest: account.lastTest ?? null,
      lastTestedAt: account.lastTestedAt?.toISOString() ?? null,
      createdAt: account.createdAt.toISOString(),
      updatedAt: account.updatedAt.toISOString(),
    };
  }
}

export class PaymentAccountPageDto extends PageDto(PaymentAccountDto, 'PaymentAccountPageDto') {}

export class ConnectionStageDto {
  @ApiProperty() stage: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional() durationMs?: number;
  @ApiProperty() detail: string;
  @ApiPropertyOptional() hint?: string;
}

export class PaymentAccountTestDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [ConnectionStageDto] }) stages: ConnectionStageDto[];
  @ApiPropertyOptional() failedStage?: string;
}

export class ReconcileResultDto {
  @ApiProperty({ description: 'Open checkouts whose status was asked of the provider' }) checked: number;
  @ApiProperty({ description: 'Provider states the hub had missed, queued as events' }) found: number;
}
