import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageDto } from '../../common/pagination';
import { CODE_MAX_LENGTH, CODE_MIN_LENGTH } from '../code-format';
import { AccessCodeImport, AccessCodeImportRow, IMPORT_MODES, IMPORT_STATUSES, ImportMode, ImportStatus, ROW_OUTCOMES, RowOutcome } from './access-code-import.entity';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all-or-nothing', description: 'all-or-nothing: any invalid or duplicate row rejects the whole file · skip-invalid: import the valid rows' })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;
  @ApiPropertyOptional({ description: 'Validate and report per-row outcomes without writing', default: false }) @IsOptional() @Transform(toBoolean) @IsBoolean() dryRun?: boolean;
  @ApiPropertyOptional({ minimum: CODE_MIN_LENGTH, maximum: CODE_MAX_LENGTH, default: 6, description: 'Length of codes generated for rows without one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(CODE_MIN_LENGTH)
  @Max(CODE_MAX_LENGTH)
  length?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Portal of rows whose portal column is empty or absent' }) @IsOptional() @IsUUID() portalId?: string;
  @ApiPropertyOptional({ description: 'Name of the file, kept for the report' }) @IsOptional() @IsString() @Length(1, 255) fileName?: string;
}

export class AccessCodeImportDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: IMPORT_STATUSES, description: 'uploading → queued → validating → writing → completed | rejected (all-or-nothing found problems, nothing written) | failed' })
  status: ImportStatus;
  @ApiProperty({ description: 'true once the status is completed, rejected or failed' }) finished: boolean;
  @ApiProperty({ enum: IMPORT_MODES }) mode: ImportMode;
  @ApiProperty() dryRun: boolean;
  @ApiProperty() codeLength: number;
  @ApiProperty({ type: String, nullable: true }) defaultPortalId: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty() totalBytes: number;
  @ApiProperty() processedBytes: number;
  @ApiProperty({ description: 'Data rows read so far' }) rows: number;
  @ApiProperty({ description: 'Rows created (dry run: that would be created)' }) created: number;
  @ApiProperty() invalid: number;
  @ApiProperty() duplicate: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;

  static from(job: AccessCodeImport): AccessCodeImportDto {
    return {
      id: job.id,
      status: job.status,
      finished: ['completed', 'rejected', 'failed'].includes(job.status),
      mode: job.mode,
      dryRun: job.dryRun,
      codeLength: job.codeLength,
      defaultPortalId: job.defaultPortalId ?? null,
      fileName: job.fileName ?? null,
      percent: job.percent,
      totalBytes: job.totalBytes,
      processedBytes: job.processedBytes,
      rows: job.rows,
      created: job.created,
      invalid: job.invalid,
      duplicate: job.duplicate,
      error: job.error ?? null,
      createdAt: job.createdAt.toISOString(),
      startedAt: job.startedAt?.toISOString() ?? null,
      finishedAt: job.finishedAt?.toISOString() ?? null,
    };
  }
}

export class AccessCodeImportPageDto extends PageDto(AccessCodeImportDto, 'AccessCodeImportPageDto') {}

export class ImportRowQueryDto {
  @ApiPropertyOptional({ enum: ROW_OUTCOMES }) @IsOptional() @IsIn(ROW_OUTCOMES) outcome?: RowOutcome;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @Matches(/^\d{1,9}$/) cursor?: string;
}

export class ImportRowDto {
  @ApiProperty({ description: '1 = the first row after the header' }) row: number;
  @ApiProperty({ description: 'Line of the file where the row ends' }) line: number;
  @ApiProperty({ enum: ROW_OUTCOMES }) outcome: RowOutcome;
  @ApiProperty({ type: String, nullable: true, description: 'The code given or generated' }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) field: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;

  static from(row: AccessCodeImportRow): ImportRowDto {
    return { row: row.row, line: row.line, outcome: row.outcome, code: row.code ?? null, field: row.field ?? null, reason: row.reason ?? null };
  }
}

export class ImportRowPageDto extends PageDto(ImportRowDto, 'ImportRowPageDto') {}

