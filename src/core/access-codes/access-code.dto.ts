import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageDto } from '../common/pagination';
import { CODE_DEFAULT_LENGTH, CODE_MAX_LENGTH, CODE_MIN_LENGTH } from './code-format';
import { ACCESS_CODE_STATES, AccessCode, AccessCodeState, AccessCodeStatus, EXPIRY_MODES, ExpiryMode } from './access-code.entity';
import { stateOf } from './access-code-state';

const STATUSES: AccessCodeStatus[] = ['active', 'inactive'];
export const SORT_FIELDS = ['createdAt', 'updatedAt', 'code', 'expiresAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class CreateAccessCodeDto {
  @ApiPropertyOptional({ example: 'K7M2XQ', description: 'A custom code (4–6 of A–Z without O and 1–9; upper-cased and trimmed). Omit to generate one.' })
  @IsOptional()
  @IsString()
  code?: string;
  @ApiPropertyOptional({ minimum: CODE_MIN_LENGTH, maximum: CODE_MAX_LENGTH, default: CODE_DEFAULT_LENGTH, description: 'Length of a generated code' })
  @IsOptional()
  @IsInt()
  @Min(CODE_MIN_LENGTH)
  @Max(CODE_MAX_LENGTH)
  length?: number;
  @ApiProperty({ format: 'uuid' }) @IsUUID() portalId: string;
  @ApiProperty({ example: 'line_4821', description: 'Xtream username' }) @IsString() @Length(1, 200) username: string;
  @ApiProperty({ example: 'p4ss-w0rd', description: 'Xtream password (encrypted at rest; returned only by code login and the audited reveal)' })
  @IsString()
  @Length(1, 200)
  password: string;
  @ApiPropertyOptional({ enum: STATUSES, default: 'active' }) @IsOptional() @IsIn(STATUSES) status?: AccessCodeStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 5000) notes?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The subscription (line) the code belongs to' }) @IsOptional() @IsUUID() subscriptionId?: string;
  @ApiPropertyOptional({ enum: EXPIRY_MODES, description: 'date: at expiresAt · lifetime: never · default: the linked subscription\'s expiry (none when unlinked). Default: date when expiresAt is given, else default.' })
  @IsOptional()
  @IsIn(EXPIRY_MODES)
  expiryMode?: ExpiryMode;
  @ApiPropertyOptional({ format: 'date-time', description: 'The expiry instant of mode date' }) @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
}

export class UpdateAccessCodeDto {
  @ApiPropertyOptional({ description: 'Codes are immutable: only the current code is accepted here (422 otherwise)' }) @IsOptional() @IsString() code?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() portalId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) username?: string;
  @ApiPropertyOptional({ description: 'Replaces the stored password' }) @IsOptional() @IsString() @Length(1, 200) password?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: AccessCodeStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @Length(0, 5000) notes?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null unlinks the subscription' }) @IsOptional() @IsUUID() subscriptionId?: string | null;
  @ApiPropertyOptional({ enum: EXPIRY_MODES }) @IsOptional() @IsIn(EXPIRY_MODES) expiryMode?: ExpiryMode;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string | null;
}

/** Filters shared by the list, the export and the bulk actions. */
export class AccessCodeFilterDto {
  @ApiPropertyOptional({ description: 'Case-insensitive match on code, username or notes' }) @IsOptional() @IsString() @Length(1, 200) search?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: AccessCodeStatus;
  @ApiPropertyOptional({ enum: ACCESS_CODE_STATES, description: 'Derived display state' }) @IsOptional() @IsIn(ACCESS_CODE_STATES) state?: AccessCodeState;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() portalId?: string;
  @ApiPropertyOptional({ description: 'true: past their expiry · false: not expired (whatever the status)' }) @IsOptional() @Transform(toBoolean) @IsBoolean() expired?: boolean;
  @ApiPropertyOptional({ enum: EXPIRY_MODES }) @IsOptional() @IsIn(EXPIRY_MODES) expiryMode?: ExpiryMode;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() subscriptionId?: string;
  @ApiPropertyOptional({ description: 'true: linked to a subscription · false: not linked' }) @IsOptional() @Transform(toBoolean) @IsBoolean() linked?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Codes created by this import' }) @IsOptional() @IsUUID() importId?: string;
}

export class AccessCodeQueryDto extends AccessCodeFilterDto {
  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor (same sort and order)' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ enum: SORT_FIELDS, default: 'createdAt', description: 'expiresAt sorts by the effective expiry, codes that never expire last' })
  @IsOptional()
  @IsIn(SORT_FIELDS)
  sort?: SortField;
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class AccessCodeDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'K7M2XQ' }) code: string;
  @ApiProperty() portalId: string;
  @ApiProperty() portalName: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: STATUSES }) status: AccessCodeStatus;
  @ApiProperty({ enum: ACCESS_CODE_STATES, description: 'active, inactive, lifetime or expired' }) state: AccessCodeState;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, nullable: true }) subscriptionId: string | null;
  @ApiProperty({ enum: EXPIRY_MODES }) expiryMode: ExpiryMode;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The instant of mode date' }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The linked subscription\'s expiry as last reported' }) subscriptionExpiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the code stops working (null: never)' }) effectiveExpiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) importId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(code: AccessCode, now = new Date()): AccessCodeDto {
    return {
      id: code.id,
      code: code.code,
      portalId: code.portal.id,
      portalName: code.portal.name,
      username: code.username,
      status: code.status,
      state: stateOf(code, now),
      notes: code.notes ?? null,
      subscriptionId: code.subscriptionId ?? null,
      expiryMode: code.expiryMode,
      expiresAt: iso(code.expiresAt),
      subscriptionExpiresAt: iso(code.subscriptionExpiresAt),
      effectiveExpiresAt: iso(code.effectiveExpiresAt),
      importId: code.importId ?? null,
      createdAt: code.createdAt.toISOString(),
      updatedAt: code.updatedAt.toISOString(),
    };
  }
}

export class AccessCodePageDto extends PageDto(AccessCodeDto, 'AccessCodePageDto') {}

export class AccessCodeSecretDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() portalUrl: string;
  @ApiProperty() username: string;
  @ApiProperty() password: string;
}

export class CodeCapacityDto {
  @ApiProperty() length: number;
  @ApiProperty({ description: 'Distinct codes of this length' }) space: number;
  @ApiProperty() used: number;
  @ApiProperty() free: number;
  @ApiProperty({ description: 'used / space' }) fillRatio: number;
  @ApiProperty({ description: 'true when generation of this length is refused' }) exhausted: boolean;
}

export class CodeCapacityListDto {
  @ApiProperty({ type: [CodeCapacityDto] }) lengths: CodeCapacityDto[];
}

function iso(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
