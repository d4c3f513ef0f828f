import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { AuditRecord } from './audit.service';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Actor id (an API key id, "system" or "anonymous")' }) @IsOptional() @IsString() @Length(1, 100) actor?: string;
  @ApiPropertyOptional({ example: 'panel.create' }) @IsOptional() @IsString() @Length(1, 100) action?: string;
  @ApiPropertyOptional({ example: 'panel' }) @IsOptional() @IsString() @Length(1, 50) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) targetId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 128) correlationId?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] }) @IsOptional() @IsIn(['success', 'failure', 'denied']) outcome?: 'success' | 'failure' | 'denied';
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['api_key', 'system', 'anonymous'] }) actorType: string;
  @ApiProperty() actorId: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty() correlationId: string;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Position in the hash chain once sealed' }) chainSeq: string | null;
  @ApiProperty({ type: String, nullable: true }) hash: string | null;

  static from({ entry, seal }: AuditRecord): AuditEntryDto {
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      actorType: entry.actorType,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      correlationId: entry.correlationId,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
      details: entry.details,
      chainSeq: seal ? String(seal.chainSeq) : null,
      hash: seal?.hash ?? null,
    };
  }
}

export class AuditPageDto extends PageDto(AuditEntryDto, 'AuditPageDto') {}

export class ChainReportDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ description: 'Entries verified in the chain' }) sealed: number;
  @ApiProperty({ description: 'Recent entries not yet sealed (sealed within seconds)' }) unsealed: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenId: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}
