import { Module } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { SsrfGuard } from './ssrf-guard';
import { WebhookAttemptService } from './webhook-attempt.service';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookFanOutService } from './webhook-fan-out.service';
import { WebhookRetentionService } from './webhook-retention.service';

/** Outbound webhooks (Standard Webhooks) and alert routing: endpoints, fan-out, delivery jobs. */
@Module({
  controllers: [WebhookEndpointsController],
  providers: [
    { provide: SsrfGuard, inject: [HUB_CONFIG], useFactory: (config: HubConfig) => new SsrfGuard(config.webhooks.allowedNetworks) },
    WebhookEndpointsService,
    WebhookAttemptService,
    WebhookFanOutService,
    WebhookDeliveriesService,
    WebhookRetentionService,
  ],
  exports: [WebhookEndpointsService, SsrfGuard],
})
export class WebhooksModule {}
