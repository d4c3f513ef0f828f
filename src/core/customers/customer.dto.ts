import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/pagination';
import type { Customer } from './customer.entity';

const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateCustomerDto {
  @ApiProperty({ example: 'jane@example.com' }) @Transform(lowerTrim) @IsEmail() @Length(3, 320) email: string;
  @ApiPropertyOptional({ example: 'Jane Doe' }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { storefront: 'cust_812', stripe: 'cus_N1' } })
  @IsOptional()
  @IsObject()
  externalRefs?: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 5000) notes?: string;
}

export class UpdateCustomerDto extends PartialType(CreateCustomerDto) {}

export class CustomerQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(lowerTrim) @IsString() email?: string;
  @ApiPropertyOptional({ description: 'Case-insensitive match on email or name' }) @IsOptional() @IsString() @Length(1, 200) search?: string;
  @ApiPropertyOptional({ example: 'storefront:cust_812', description: 'An external reference as system:id' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,50}:.{1,200}$/, { message: 'externalRef must look like system:id' })
  externalRef?: string;
}

export class CustomerDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) externalRefs: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(customer: Customer): CustomerDto {
    return {
      id: customer.id,
      email: customer.email,
      name: customer.name ?? null,
      externalRefs: customer.externalRefs,
      notes: customer.notes ?? null,
      createdAt: customer.createdAt.toISOString(),
      updatedAt: customer.updatedAt.toISOString(),
    };
  }
}

export class CustomerPageDto extends PageDto(CustomerDto, 'CustomerPageDto') {}
