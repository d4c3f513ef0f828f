import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AccessCodeFilterDto } from './access-code.dto';
import { EXPIRY_MODES, ExpiryMode } from './access-code.entity';

export const BULK_ACTIONS = ['activate', 'deactivate', 'delete', 'setExpiry', 'move'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX_IDS = 1000;
export const BULK_MAX_MATCHES = 10_000;

export class AccessCodeBulkDto {
  @ApiProperty({ enum: BULK_ACTIONS, description: 'move changes the portal (portalId); setExpiry takes expiryMode and/or expiresAt' })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;
  @ApiPropertyOptional({ type: [String], maxItems: BULK_MAX_IDS, description: 'Target these codes (or give filter)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_IDS)
  @IsUUID('all', { each: true })
  ids?: string[];
  @ApiPropertyOptional({ type: AccessCodeFilterDto, description: `Target every code matching (at least one criterion; at most ${BULK_MAX_MATCHES} codes)` })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccessCodeFilterDto)
  filter?: AccessCodeFilterDto;
  @ApiPropertyOptional({ enum: EXPIRY_MODES }) @IsOptional() @IsIn(EXPIRY_MODES) expiryMode?: ExpiryMode;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Target portal of move' }) @IsOptional() @IsUUID() portalId?: string;
}

export type BulkOutcome = 'updated' | 'unchanged' | 'deleted' | 'not_found';

export class BulkItemResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty({ enum: ['updated', 'unchanged', 'deleted', 'not_found'] }) outcome: BulkOutcome;
}

export class BulkSummaryDto {
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() deleted: number;
  @ApiProperty() notFound: number;
}

export class AccessCodeBulkResultDto {
  @ApiProperty({ enum: BULK_ACTIONS }) action: BulkAction;
  @ApiProperty({ description: 'Codes targeted' }) matched: number;
  @ApiProperty({ type: BulkSummaryDto }) summary: BulkSummaryDto;
  @ApiProperty({ type: [BulkItemResultDto] }) results: BulkItemResultDto[];
}
