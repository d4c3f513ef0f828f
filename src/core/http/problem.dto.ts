import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'name' }) field: string;
  @ApiProperty({ example: 'name must be a string' }) message: string;
  @ApiPropertyOptional({ example: 'isString' }) code?: string;
}

/** RFC 9457 problem details, as every error of the API is reported. */
export class ProblemDto {
  @ApiProperty({ example: 'https://iptv-hub.dev/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'name: name must be a string' }) detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable, machine-readable error code' }) code: string;
  @ApiPropertyOptional({ example: '/panels' }) instance?: string;
  @ApiProperty({ example: '0b9e1f0e-8d6a-4a3c-9f51-2f3f5f8c1d2e' }) correlationId: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
