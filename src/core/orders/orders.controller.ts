import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditAction } from '../audit/audit-action.decorator';
import { IdPipe } from '../common/id.pipe';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreateOrderDto, MarkPaidDto, OrderDto, OrderPageDto, OrderQueryDto, OrderReasonDto } from './order.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @ApiOperation({ operationId: 'createOrder', summary: 'Create an order (a repeated provider payment id returns the existing order)' })
  @ApiProblems(400, 409, 422)
  @ApiCreatedResponse({ type: OrderDto })
  async create(@Body() body: CreateOrderDto): Promise<OrderDto> {
    return OrderDto.from(await this.orders.create(body));
  }

  @Get()
  @ApiOperation({ operationId: 'listOrders', summary: 'List orders' })
  @ApiProblems(400)
  @ApiOkResponse({ type: OrderPageDto })
  async list(@Query() query: OrderQueryDto): Promise<OrderPageDto> {
    const page = await this.orders.list(query, pageLimit(query));
    return { items: page.items.map(OrderDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getOrder', summary: 'Get an order' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: OrderDto })
  async get(@Param('id', IdPipe) id: string): Promise<OrderDto> {
    return OrderDto.from(await this.orders.get(id));
  }

  @Post(':id/mark-paid')
  @HttpCode(200)
  @AuditAction('order.mark_paid.request', 'order')
  @ApiOperation({ operationId: 'markOrderPaid', summary: 'Mark an order paid (manual payments); starts the purchase, renewal or upgrade workflow' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: OrderDto })
  async markPaid(@Param('id', IdPipe) id: string, @Body() body: MarkPaidDto): Promise<OrderDto> {
    return OrderDto.from(await this.orders.markPaid(id, body));
  }

  @Post(':id/mark-failed')
  @HttpCode(200)
  @AuditAction('order.mark_failed.request', 'order')
  @ApiOperation({ operationId: 'markOrderFailed', summary: 'Mark a manual payment failed (emits payment.failed)' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: OrderDto })
  async markFailed(@Param('id', IdPipe) id: string, @Body() body: OrderReasonDto): Promise<OrderDto> {
    return OrderDto.from(await this.orders.markFailed(id, body.reason));
  }

  @Post(':id/mark-refunded')
  @HttpCode(200)
  @AuditAction('order.mark_refunded.request', 'order')
  @ApiOperation({ operationId: 'markOrderRefunded', summary: 'Mark a paid order refunded (emits payment.refunded; the line is disabled)' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: OrderDto })
  async markRefunded(@Param('id', IdPipe) id: string, @Body() body: OrderReasonDto): Promise<OrderDto> {
    return OrderDto.from(await this.orders.markRefunded(id, body.reason));
  }
}
