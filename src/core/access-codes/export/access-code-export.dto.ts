import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { AccessCodeFilterDto } from '../access-code.dto';

export class AccessCodeExportDto {
  @ApiPropertyOptional({ type: AccessCodeFilterDto, description: 'Export only the codes matching (all codes when absent)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccessCodeFilterDto)
  filter?: AccessCodeFilterDto;
  @ApiPropertyOptional({ default: false, description: 'Include the Xtream passwords (audited)' }) @IsOptional() @IsBoolean() includeCredentials?: boolean;
}
