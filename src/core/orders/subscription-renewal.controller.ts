import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AuditAction } from '../audit/audit-action.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiProblems } from '../http/api-problems.decorator';
import { OrderDto } from './order.dto';
import { OrdersService } from './orders.service';

export class RenewSubscriptionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Another product makes this an upgrade; default: the same product' }) @IsOptional() @IsUUID() productId?: string;
  @ApiPropertyOptional({ description: 'Reference of the manual payment' }) @IsOptional() @IsString() @Length(1, 200) providerPaymentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

/** Renewal is an order like any other (so billing history stays whole); this is its manual shortcut. */
@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionRenewalController {
  constructor(private readonly orders: OrdersService) {}

  @Post(':id/renew')
  @AuditAction('subscription.renew.request', 'subscription')
  @ApiOperation({ operationId: 'renewSubscription', summary: 'Renew a subscription with a manual payment (creates a paid renewal order; the renewal workflow extends the line)' })
  @ApiProblems(400, 404, 409, 422)
  @ApiCreatedResponse({ type: OrderDto })
  async renew(@Param('id', IdPipe) id: string, @Body() body: RenewSubscriptionDto): Promise<OrderDto> {
    return OrderDto.from(await this.orders.renew(id, body));
  }
}
