import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { CheckoutController } from './checkout.controller';
import { CheckoutService } from './checkout.service';
import { PaymentAccountsController } from './payment-accounts.controller';
import { PaymentAccountsService } from './payment-accounts.service';
import { PaymentClientsService } from './payment-clients.service';
import { PaymentEventApplier } from './payment-event-applier.service';
import { PaymentEventIntake } from './payment-event-intake.service';
import { PaymentEventProcessor } from './payment-event-processor.service';
import { PaymentEventsController } from './payment-events.controller';
import { PaymentPolicyController } from './payment-policy.controller';
import { PaymentReconciliationService } from './payment-reconciliation.service';
import { PaymentWebhooksController } from './payment-webhooks.controller';
import { PaymentWebhooksService } from './payment-webhooks.service';

/**
 * Payments (SPEC §4.5, §8): payment accounts, checkouts, the inbound provider webhook endpoint,
 * deduplicated provider events applied to orders from the durable queue, and reconciliation.
 */
@Module({
  imports: [OrdersModule],
  controllers: [PaymentAccountsController, CheckoutController, PaymentWebhooksController, PaymentEventsController, PaymentPolicyController],
  providers: [PaymentAccountsService, PaymentClientsService, PaymentWebhooksService, PaymentEventIntake, PaymentEventProcessor, PaymentEventApplier, CheckoutService, PaymentReconciliationService],
  exports: [PaymentClientsService, PaymentAccountsService],
})
export class PaymentsModule {}
