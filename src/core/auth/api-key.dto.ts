import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsOptional, IsString, Length } from 'class-validator';
import type { ApiKey } from './api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'storefront' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: ['operator'], description: 'admin, operator, read-only, or <resource>:read / <resource>:write' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  scopes: string[];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  expiresAt?: string;

  @ApiPropertyOptional({ example: ['203.0.113.7', '10.0.0.0/8'], description: 'Addresses or CIDR ranges allowed to use the key' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  ipAllowList?: string[];
}

export class ApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'First characters of the key, to tell keys apart' }) prefix: string;
  @ApiProperty({ type: [String] }) scopes: string[];
  @ApiProperty({ type: [String], nullable: true }) ipAllowList: string[] | null;
  @ApiProperty({ format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(key: ApiKey): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
      ipAllowList: key.ipAllowList ?? null,
      expiresAt: key.expiresAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      createdAt: key.createdAt.toISOString(),
    };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself. It is shown only in this response; store it now.' })
  key: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) items: ApiKeyDto[];
}
