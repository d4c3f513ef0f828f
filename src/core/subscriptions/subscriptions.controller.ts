import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditAction } from '../audit/audit-action.decorator';
import { IdPipe } from '../common/id.pipe';
import { pageLimit } from '../common/pagination';
import { ApiProblems } from '../http/api-problems.decorator';
import { SubscriptionDto, SubscriptionPageDto, SubscriptionQueryDto, SubscriptionReasonDto } from './subscription.dto';
import { Subscription } from './subscription.entity';
import { SubscriptionsService } from './subscriptions.service';

/**
 * Subscriptions are created by paid orders; operators suspend, reactivate and cancel them here.
 * Each change emits its `subscription.*` event, and the built-in workflows bring the panel's line
 * in step (disable, enable…). Renewal goes through an order (`POST /subscriptions/{id}/renew`);
 * reconcile is the drift module's (`POST /subscriptions/{id}/reconcile`).
 */
@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  @ApiOperation({ operationId: 'listSubscriptions', summary: 'List subscriptions' })
  @ApiProblems(400)
  @ApiOkResponse({ type: SubscriptionPageDto })
  async list(@Query() query: SubscriptionQueryDto): Promise<SubscriptionPageDto> {
    const page = await this.subscriptions.list(query, pageLimit(query));
    return { items: await Promise.all(page.items.map((row) => this.dto(row))), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getSubscription', summary: 'Get a subscription with its history' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: SubscriptionDto })
  async get(@Param('id', IdPipe) id: string): Promise<SubscriptionDto> {
    return this.dto(await this.subscriptions.get(id));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @AuditAction('subscription.suspend.request', 'subscription')
  @ApiOperation({ operationId: 'suspendSubscription', summary: 'Suspend a subscription (its line is disabled by the suspend workflow)' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: SubscriptionDto })
  async suspend(@Param('id', IdPipe) id: string, @Body() body: SubscriptionReasonDto): Promise<SubscriptionDto> {
    return this.dto(await this.subscriptions.inTransaction((unit) => this.subscriptions.suspend(unit, id, { reason: body.reason })));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @AuditAction('subscription.reactivate.request', 'subscription')
  @ApiOperation({ operationId: 'reactivateSubscription', summary: 'Reactivate a suspended or expired subscription (its line is enabled again)' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: SubscriptionDto })
  async reactivate(@Param('id', IdPipe) id: string, @Body() body: SubscriptionReasonDto): Promise<SubscriptionDto> {
    return this.dto(await this.subscriptions.inTransaction((unit) => this.subscriptions.reactivate(unit, id, { reason: body.reason })));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @AuditAction('subscription.cancel.request', 'subscription')
  @ApiOperation({ operationId: 'cancelSubscription', summary: 'Cancel a subscription for good (its line is disabled)' })
  @ApiProblems(400, 404, 409)
  @ApiOkResponse({ type: SubscriptionDto })
  async cancel(@Param('id', IdPipe) id: string, @Body() body: SubscriptionReasonDto): Promise<SubscriptionDto> {
    return this.dto(await this.subscriptions.inTransaction((unit) => this.subscriptions.cancel(unit, id, { reason: body.reason })));
  }

  private async dto(subscription: Subscription): Promise<SubscriptionDto> {
    return SubscriptionDto.from(subscription, await this.subscriptions.hasPassword(subscription));
  }
}
