import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { PanelLine } from '../plugins/sdk';
import type { HubPackage } from './packages/hub-package.entity';

const STAGES = ['dns', 'tcp', 'tls', 'http', 'authentication', 'ip_allow_list', 'permissions'];

export class ConnectionStageDto {
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional() durationMs?: number;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({ description: 'The actionable fix when the stage failed' }) hint?: string;
}

export class PanelTestReportDto {
  @ApiProperty() panelId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [ConnectionStageDto], description: 'Stages in the order they ran; the run stops at the first failure' }) stages: ConnectionStageDto[];
  @ApiPropertyOptional({ enum: STAGES }) failedStage?: string;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The local address the hub connected from' }) hubAddress: string | null;
  @ApiProperty({ description: 'A self-signed certificate was accepted because the panel is configured to allow it' }) selfSignedAccepted: boolean;
  @ApiProperty({ format: 'date-time' }) testedAt: string;
}

export class PanelPackageDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "The panel's id of the package" }) externalId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true }) channelCount: number | null;
  @ApiProperty({ type: Number, nullable: true }) vodCount: number | null;
  @ApiProperty({ type: Number, nullable: true }) seriesCount: number | null;
  @ApiProperty({ type: Number, nullable: true }) durationDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxConnections: number | null;
  @ApiProperty({ type: Number, nullable: true }) creditCost: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) isTrial: boolean | null;
  @ApiProperty({ description: 'The package disappeared from the panel at a sync' }) missing: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: "The panel's own record" }) raw: unknown;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;

  static from(row: HubPackage): PanelPackageDto {
    return {
      id: row.id,
      externalId: row.externalId,
      name: row.name,
      channelCount: row.channelCount ?? null,
      vodCount: row.vodCount ?? null,
      seriesCount: row.seriesCount ?? null,
      durationDays: row.durationDays ?? null,
      maxConnections: row.maxConnections ?? null,
      creditCost: row.creditCost ?? null,
      isTrial: row.isTrial ?? null,
      missing: row.missing,
      raw: row.raw ?? null,
      lastSeenAt: row.lastSeenAt.toISOString(),
    };
  }
}

export class PanelPackageListDto {
  @ApiProperty({ type: [PanelPackageDto] }) items: PanelPackageDto[];
}

export class PackageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include packages that disappeared from the panel (default true)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeMissing?: 'true' | 'false';
}

export class PackageSyncResultDto {
  @ApiProperty() panelId: string;
  @ApiProperty() total: number;
  @ApiProperty() added: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: 'Packages known to the hub but no longer on the panel' }) missing: number;
  @ApiProperty() reappeared: number;
  @ApiProperty({ type: [String], description: 'Products newly flagged because their package is missing' }) flaggedProducts: string[];
}

export class PanelServerDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() online: boolean;
  @ApiPropertyOptional() activeConnections?: number;
}

export class PanelStatusDto {
  @ApiProperty() panelId: string;
  @ApiProperty({ enum: ['healthy', 'degraded', 'down', 'unknown'] }) status: string;
  @ApiProperty({ type: [PanelServerDto] }) servers: PanelServerDto[];
  @ApiProperty({ enum: ['closed', 'open', 'half-open'], description: "State of this process's circuit breaker for the panel" }) circuit: string;
}

export class PanelConnectionsDto {
  @ApiProperty() panelId: string;
  @ApiProperty({ description: 'Active connections on the panel' }) total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Active connections by line (panel line id)' }) byLine: Record<string, number>;
}

export class PanelLineDto {
  @ApiProperty({ description: "The panel's id of the line" }) externalId: string;
  @ApiProperty() username: string;
  @ApiPropertyOptional({ description: 'The line password, when the panel returns it' }) password?: string;
  @ApiProperty({ type: String, nullable: true }) packageId: string | null;
  @ApiProperty({ type: [String] }) bouquetIds: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null = never expires' }) expiresAt: string | null;
  @ApiProperty() maxConnections: number;
  @ApiProperty() enabled: boolean;
  @ApiProperty() banned: boolean;
  @ApiProperty() isTrial: boolean;
  @ApiPropertyOptional() activeConnections?: number;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;

  static from(line: PanelLine): PanelLineDto {
    return {
      externalId: line.externalId,
      username: line.username,
      password: line.password,
      packageId: line.packageId ?? null,
      bouquetIds: line.bouquetIds ?? [],
      expiresAt: line.expiresAt,
      maxConnections: line.maxConnections,
      enabled: line.enabled,
      banned: line.banned ?? false,
      isTrial: line.isTrial ?? false,
      activeConnections: line.activeConnections,
      notes: line.notes ?? null,
    };
  }
}

export class CreatePanelLineDto {
  @ApiPropertyOptional({ description: 'Generated (deterministically from the Idempotency-Key when given) if omitted' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.@-]{3,64}$/, { message: 'username must be 3 to 64 letters, digits or _.@-' })
  username?: string;
  @ApiPropertyOptional({ description: 'Random if omitted' }) @IsOptional() @IsString() @Length(4, 64) password?: string;
  @ApiProperty({ description: "The panel's package id (GET /panels/{id}/packages)" }) @IsString() @Length(1, 200) packageId: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Expiry instant; null = never expires. Give this or durationDays.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 3660, description: 'Expiry as days from now' }) @IsOptional() @IsInt() @Min(1) @Max(3660) durationDays?: number;
  @ApiProperty({ minimum: 1, maximum: 100 }) @IsInt() @Min(1) @Max(100) maxConnections: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isTrial?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 500) notes?: string;
}

/** Panels that address lines by username + password (Xtream Codes api.php) need them on every operation. */
export class LineCredentialsDto {
  @ApiPropertyOptional({ description: 'Needed by panels that address lines by credentials' }) @IsOptional() @IsString() @Length(1, 64) username?: string;
  @ApiPropertyOptional({ description: 'Needed by panels that address lines by credentials' }) @IsOptional() @IsString() @Length(1, 64) password?: string;
}

export class ExtendPanelLineDto extends LineCredentialsDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The new expiry. Give this or days.' }) @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 3660, description: 'Days added to the current expiry (or to now when already expired)' }) @IsOptional() @IsInt() @Min(1) @Max(3660) days?: number;
}

export class UpdatePanelLineDto extends LineCredentialsDto {
  @ApiPropertyOptional({ description: 'Move the line to another package' }) @IsOptional() @IsString() @Length(1, 200) packageId?: string;
  @ApiPropertyOptional({ description: 'The new password' }) @IsOptional() @IsString() @Length(4, 64) newPassword?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @IsOptional() @IsInt() @Min(1) @Max(100) maxConnections?: number;
}

export class FindLineQueryDto {
  @ApiProperty({ description: 'Exact username' }) @IsString() @Length(1, 64) username: string;
}

/** Query of GET/DELETE on a line; the password of panels that address lines by credentials goes in the X-Line-Password header (never in a URL). */
export class LineLookupQueryDto {
  @ApiPropertyOptional({ description: 'Needed by panels that address lines by credentials' }) @IsOptional() @IsString() @Length(1, 64) username?: string;
}

export class LineVerificationDto {
  @ApiProperty({ description: 'The credentials are accepted and the line can play now' }) valid: boolean;
  @ApiProperty({ enum: ['active', 'expired', 'banned', 'disabled', 'invalid'] }) status: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) expiresAt?: string | null;
  @ApiPropertyOptional() maxConnections?: number;
  @ApiPropertyOptional() activeConnections?: number;
  @ApiPropertyOptional() isTrial?: boolean;
}
