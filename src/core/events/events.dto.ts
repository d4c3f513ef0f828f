import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, Length } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { EventRow } from './event.entity';
import { toHubEvent } from './events.service';

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'subscription.*', description: 'An event type or a prefix ending in .*' }) @IsOptional() @IsString() @Length(1, 100) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 128) correlationId?: string;
  @ApiPropertyOptional({ example: 'subscription' }) @IsOptional() @IsString() @Length(1, 50) subjectType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) subjectId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() to?: string;
}

export class EventSubjectDto {
  @ApiProperty() type: string;
  @ApiProperty() id: string;
}

export class EventDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'line.created' }) type: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: EventSubjectDto, nullable: true }) subject: EventSubjectDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) dispatchedAt: string | null;

  static from(row: EventRow): EventDto {
    return { ...toHubEvent(row), dispatchedAt: row.dispatchedAt?.toISOString() ?? null };
  }
}

export class EventPageDto extends PageDto(EventDto, 'EventPageDto') {}
