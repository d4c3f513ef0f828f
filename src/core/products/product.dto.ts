import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { DurationUnit, Product } from './product.entity';

const UNITS = ['hours', 'days', 'months'];

export class CreateProductDto {
  @ApiProperty({ example: '1 month, 2 connections' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() panelId: string;
  @ApiProperty({ example: '3', description: 'The panel\'s package / bouquet / tariff id' }) @IsString() @Length(1, 200) packageExternalId: string;
  @ApiProperty({ enum: UNITS, example: 'months' }) @IsIn(UNITS) durationUnit: DurationUnit;
  @ApiProperty({ example: 1, minimum: 1, maximum: 1200 }) @IsInt() @Min(1) @Max(1200) durationValue: number;
  @ApiPropertyOptional({ default: false, description: 'A trial line (durations usually in hours)' }) @IsOptional() @IsBoolean() trial?: boolean;
  @ApiProperty({ example: 2, minimum: 1, maximum: 100 }) @IsInt() @Min(1) @Max(100) maxConnections: number;
  @ApiProperty({ example: 1299, description: 'Price in minor units (cents)' }) @IsInt() @Min(0) @Max(100_000_000) priceMinor: number;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency: string;
  @ApiPropertyOptional({ example: 1, description: 'Reseller credits one line costs' }) @IsOptional() @IsInt() @Min(0) resellerCreditCost?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Panel used when the primary is down or answers MAX_USERS_REACHED (needs fallbackPackageExternalId)' })
  @IsOptional() @IsUUID() fallbackPanelId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The package id on the fallback panel" })
  @IsOptional() @IsString() @Length(1, 200) fallbackPackageExternalId?: string | null;
}

export class UpdateProductDto extends PartialType(CreateProductDto) {}

export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() panelId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) active?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Only products whose package disappeared from the panel' }) @IsOptional() @IsIn(['true', 'false']) packageMissing?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Case-insensitive match on the name' }) @IsOptional() @IsString() @Length(1, 200) search?: string;
}

export class ProductDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() panelId: string;
  @ApiProperty() packageExternalId: string;
  @ApiProperty({ enum: UNITS }) durationUnit: DurationUnit;
  @ApiProperty() durationValue: number;
  @ApiProperty() trial: boolean;
  @ApiProperty() maxConnections: number;
  @ApiProperty() priceMinor: number;
  @ApiProperty() currency: string;
  @ApiProperty({ type: Number, nullable: true }) resellerCreditCost: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty() packageMissing: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) fallbackPanelId: string | null;
  @ApiProperty({ type: String, nullable: true }) fallbackPackageExternalId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(product: Product): ProductDto {
    return {
      id: product.id,
      name: product.name,
      panelId: product.panel.id,
      packageExternalId: product.packageExternalId,
      durationUnit: product.durationUnit,
      durationValue: product.durationValue,
      trial: product.trial,
      maxConnections: product.maxConnections,
      priceMinor: product.priceMinor,
      currency: product.currency,
      resellerCreditCost: product.resellerCreditCost ?? null,
      active: product.active,
      packageMissing: product.packageMissing,
      fallbackPanelId: product.fallbackPanel?.id ?? null,
      fallbackPackageExternalId: product.fallbackPackageExternalId ?? null,
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    };
  }
}

export class ProductPageDto extends PageDto(ProductDto, 'ProductPageDto') {}
