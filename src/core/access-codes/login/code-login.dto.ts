import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CodeLoginDto {
  @ApiProperty({ example: 'K7M2XQ', description: 'The access code (case-insensitive, surrounding spaces ignored)' }) @IsString() @Length(1, 64) code: string;
}

export class CodeLoginResultDto {
  @ApiProperty({ example: 'K7M2XQ' }) code: string;
  @ApiProperty() portalName: string;
  @ApiProperty({ example: 'http://line.example.com:8080', description: 'The Xtream server to connect to' }) portalUrl: string;
  @ApiProperty({ description: 'Xtream username' }) username: string;
  @ApiProperty({ description: 'Xtream password' }) password: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the code stops working (null: never)' }) expiresAt: string | null;
}
