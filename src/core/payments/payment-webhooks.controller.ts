import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import { AuditAction } from '../audit/audit-action.decorator';
import { Public } from '../auth/public.decorator';
import { ApiPublicProblems } from '../http/api-problems.decorator';
import { PaymentWebhooksService } from './payment-webhooks.service';

export class WebhookReceiptDto {
  @ApiProperty({ description: 'New events stored and queued' }) received: number;
  @ApiProperty({ description: 'Deliveries of events already stored (answered 2xx, nothing done)' }) duplicates: number;
  @ApiProperty({ description: 'Verified events of types the hub does not act on (recorded)' }) ignored: number;
}

/**
 * Where payment providers post their webhooks. Public (providers hold no API key): the provider's
 * signature is the authentication. Not rate limited per address, as a provider's retries after
 * an outage come in bursts from few addresses; unsigned requests are rejected before any write.
 */
@ApiTags('hooks')
@Controller('hooks/payments')
export class PaymentWebhooksController {
  constructor(private readonly webhooks: PaymentWebhooksService) {}

  @Post(':provider/:accountId')
  @Public()
  @SkipThrottle()
  @HttpCode(200)
  @AuditAction('none')
  @ApiOperation({ operationId: 'receivePaymentWebhook', summary: "Inbound payment webhook: verified with the provider's own signature scheme on the raw body, deduplicated, answered at once and processed from the queue" })
  @ApiPublicProblems(400, 404, 422, 503)
  @ApiOkResponse({ type: WebhookReceiptDto })
  async receive(@Param('provider') provider: string, @Param('accountId') accountId: string, @Req() req: RawBodyRequest<Request>): Promise<WebhookReceiptDto> {
    return this.webhooks.receive({ provider, accountId, headers: req.headers, rawBody: req.rawBody, ip: req.ip });
  }
}
