import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, Length, Max, Min, ValidateNested } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { Panel, PanelStatus } from './panel.entity';

export class PanelRetryDto {
  @ApiProperty({ minimum: 1, maximum: 10, example: 3 }) @IsInt() @Min(1) @Max(10) attempts: number;
  @ApiProperty({ minimum: 50, maximum: 60000, example: 500 }) @IsInt() @Min(50) @Max(60000) baseDelayMs: number;
}

export class PanelTlsDto {
  @ApiPropertyOptional({ description: 'PEM of a custom CA that signed the panel\'s certificate' }) @IsOptional() @IsString() @Length(1, 20000) caCert?: string;
  @ApiPropertyOptional({ description: 'Accept a self-signed certificate (explicit choice; reported by the connection test)' }) @IsOptional() @IsBoolean() allowSelfSigned?: boolean;
}

export class PanelBreakerDto {
  @ApiProperty({ minimum: 1, maximum: 1000, example: 10, description: 'Consecutive transient failures (timeouts, refused connections, 5xx) that pause calls' }) @IsInt() @Min(1) @Max(1000) failureThreshold: number;
  @ApiProperty({ minimum: 1000, maximum: 600000, example: 15000, description: 'How long calls stay paused before one trial call' }) @IsInt() @Min(1000) @Max(600000) openMs: number;
}

export class PanelOptionsDto {
  @ApiPropertyOptional({ minimum: 1000, maximum: 120000, default: 15000 }) @IsOptional() @IsInt() @Min(1000) @Max(120000) timeoutMs?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 10 }) @IsOptional() @IsInt() @Min(1) @Max(200) maxConcurrent?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 20 }) @IsOptional() @IsInt() @Min(1) @Max(1000) maxPerSecond?: number;
  @ApiPropertyOptional({ type: PanelRetryDto }) @IsOptional() @ValidateNested() @Type(() => PanelRetryDto) retry?: PanelRetryDto;
  @ApiPropertyOptional({ type: PanelTlsDto }) @IsOptional() @ValidateNested() @Type(() => PanelTlsDto) tls?: PanelTlsDto;
  @ApiPropertyOptional({ type: PanelBreakerDto }) @IsOptional() @ValidateNested() @Type(() => PanelBreakerDto) breaker?: PanelBreakerDto;
}

export class CreatePanelDto {
  @ApiProperty({ example: 'Main XUI panel' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'xui-admin', description: 'Id of an installed panel plugin (GET /plugins)' }) @IsString() @Length(1, 100) type: string;
  @ApiPropertyOptional({ example: 'https://panel.example.com:25500', description: 'Omitted for cloud panels' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  baseUrl?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Shape given by the plugin\'s config schema; stored encrypted, never returned' })
  @IsObject()
  credentials: Record<string, unknown>;
  @ApiPropertyOptional({ type: PanelOptionsDto }) @IsOptional() @ValidateNested() @Type(() => PanelOptionsDto) options?: PanelOptionsDto;
}

export class UpdatePanelDto extends PartialType(CreatePanelDto) {}

export class PanelQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() type?: string;
  @ApiPropertyOptional({ enum: ['healthy', 'degraded', 'down', 'unknown'] }) @IsOptional() @IsIn(['healthy', 'degraded', 'down', 'unknown']) status?: PanelStatus;
  @ApiPropertyOptional({ description: 'Case-insensitive match on the name' }) @IsOptional() @IsString() @Length(1, 200) search?: string;
}

export class PanelOptionsViewDto {
  @ApiProperty() timeoutMs: number;
  @ApiProperty() maxConcurrent: number;
  @ApiProperty() maxPerSecond: number;
  @ApiProperty({ type: PanelRetryDto }) retry: PanelRetryDto;
  @ApiPropertyOptional({ type: PanelTlsDto }) tls?: PanelTlsDto;
  @ApiPropertyOptional({ type: PanelBreakerDto }) breaker?: PanelBreakerDto;
}

export class PanelDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true }) baseUrl: string | null;
  @ApiProperty({ type: [String], description: 'Credential fields that are set (values are never returned)' }) credentialFields: string[];
  @ApiProperty({ type: PanelOptionsViewDto }) options: PanelOptionsViewDto;
  @ApiProperty({ enum: ['healthy', 'degraded', 'down', 'unknown'] }) status: PanelStatus;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) lastHealth: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) lastCheckedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(panel: Panel): PanelDto {
    return {
      id: panel.id,
      name: panel.name,
      type: panel.type,
      baseUrl: panel.baseUrl ?? null,
      credentialFields: panel.credentialFields,
      options: { ...panel.options, tls: panel.options.tls ? { allowSelfSigned: panel.options.tls.allowSelfSigned, caCert: panel.options.tls.caCert } : undefined },
      status: panel.status,
      lastHealth: panel.lastHealth ?? null,
      lastCheckedAt: panel.lastCheckedAt?.toISOString() ?? null,
      createdAt: panel.createdAt.toISOString(),
      updatedAt: panel.updatedAt.toISOString(),
    };
  }
}

export class PanelPageDto extends PageDto(PanelDto, 'PanelPageDto') {}
