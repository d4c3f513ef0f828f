import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditAction } from '../audit/audit-action.decorator';
import { IdPipe } from '../common/id.pipe';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { ApiProblems } from '../http/api-problems.decorator';
import { CheckoutDto, CreateCheckoutDto } from './checkout.dto';
import { CheckoutService } from './checkout.service';

@ApiTags('orders')
@Controller('orders')
export class CheckoutController {
  constructor(
    private readonly checkouts: CheckoutService,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  @Post(':id/checkout')
  @AuditAction('order.checkout.request', 'order')
  @ApiOperation({ operationId: 'checkoutOrder', summary: "Open the payment provider's checkout for a pending order: returns the redirect URL or invoice (one per order and payment account)" })
  @ApiProblems(400, 404, 409, 422, 502, 503)
  @ApiCreatedResponse({ type: CheckoutDto })
  async checkout(@Param('id', IdPipe) id: string, @Body() body: CreateCheckoutDto, @Req() req: Request): Promise<CheckoutDto> {
    return CheckoutDto.from(await this.checkouts.open(id, body, this.config.payments.publicUrl ?? requestOrigin(req)));
  }

  @Get(':id/checkouts')
  @ApiOperation({ operationId: 'listOrderCheckouts', summary: "An order's checkouts and what came of them" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: [CheckoutDto] })
  async list(@Param('id', IdPipe) id: string): Promise<CheckoutDto[]> {
    return (await this.checkouts.list(id)).map(CheckoutDto.from);
  }
}

/** Where providers reach the hub when HUB_PUBLIC_URL is not set: the address this request came in on. */
function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
