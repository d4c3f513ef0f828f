import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { IdPipe } from '../common/id.pipe';
import { NotFoundError } from '../common/errors';
import { decodeCursor, PageDto, pageLimit, pageOf, PageQueryDto } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { PaymentEventRow, PaymentEventStatus } from './payment-event.entity';

const STATUSES: PaymentEventStatus[] = ['received', 'applied', 'ignored', 'recorded', 'review', 'unmatched', 'rejected'];

export class PaymentEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() paymentAccountId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: PaymentEventStatus;
  @ApiPropertyOptional({ example: 'payment.succeeded' }) @IsOptional() @IsString() type?: string;
}

export class PaymentEventDto {
  @ApiProperty() id: string;
  @ApiProperty() provider: string;
  @ApiProperty() paymentAccountId: string;
  @ApiProperty({ description: "The provider's stable key (dedupe)" }) providerEventId: string;
  @ApiProperty({ type: String, nullable: true }) providerEventType: string | null;
  @ApiProperty({ description: 'Normalised type' }) type: string;
  @ApiProperty({ type: String, nullable: true }) providerPaymentId: string | null;
  @ApiProperty({ type: String, nullable: true }) orderId: string | null;
  @ApiProperty({ enum: STATUSES }) status: PaymentEventStatus;
  @ApiProperty({ enum: ['webhook', 'reconcile'] }) source: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) event: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) detail: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appliedAt: string | null;

  static from(row: PaymentEventRow): PaymentEventDto {
    return {
      id: row.id,
      provider: row.provider,
      paymentAccountId: row.accountId,
      providerEventId: row.providerEventId,
      providerEventType: row.providerEventType ?? null,
      type: row.type,
      providerPaymentId: row.providerPaymentId ?? null,
      orderId: row.orderId ?? null,
      status: row.status,
      source: row.source,
      event: row.event as unknown as Record<string, unknown>,
      detail: row.detail ?? null,
      receivedAt: row.receivedAt.toISOString(),
      appliedAt: row.appliedAt?.toISOString() ?? null,
    };
  }
}

export class PaymentEventPageDto extends PageDto(PaymentEventDto, 'PaymentEventPageDto') {}

/** Verified provider events: what arrived, what it did, and what needs a human (`status=review`). */
@ApiTags('payment-events')
@Controller('payment-events')
export class PaymentEventsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ApiOperation({ operationId: 'listPaymentEvents', summary: 'List verified payment provider events (newest first)' })
  @ApiProblems(400)
  @ApiOkResponse({ type: PaymentEventPageDto })
  async list(@Query() query: PaymentEventQueryDto): Promise<PaymentEventPageDto> {
    const limit = pageLimit(query);
    const where: FilterQuery<PaymentEventRow> = { accountId: query.paymentAccountId, orderId: query.orderId, status: query.status, type: query.type };
    const before = decodeCursor(query.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(PaymentEventRow, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const page = pageOf(rows, limit, (row) => row);
    return { items: page.items.map(PaymentEventDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPaymentEvent', summary: 'Get a payment provider event' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: PaymentEventDto })
  async get(@Param('id', IdPipe) id: string): Promise<PaymentEventDto> {
    const row = await this.em.findOne(PaymentEventRow, { id });
    if (!row) throw new NotFoundError('Payment event', id);
    return PaymentEventDto.from(row);
  }
}
