import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { Portal } from './portal.entity';

export class CreatePortalDto {
  @ApiProperty({ example: 'Main portal' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'http://line.example.com:8080', description: 'The Xtream server URL client apps connect to' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @Length(1, 2000)
  url: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 5000) notes?: string;
}

export class UpdatePortalDto extends PartialType(CreatePortalDto) {}

export class PortalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive match on name or URL' }) @IsOptional() @IsString() @Length(1, 200) search?: string;
}

export class PortalDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ description: 'How many access codes resolve to this portal' }) codeCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(portal: Portal, codeCount: number): PortalDto {
    return {
      id: portal.id,
      name: portal.name,
      url: portal.url,
      notes: portal.notes ?? null,
      codeCount,
      createdAt: portal.createdAt.toISOString(),
      updatedAt: portal.updatedAt.toISOString(),
    };
  }
}

export class PortalPageDto extends PageDto(PortalDto, 'PortalPageDto') {}
