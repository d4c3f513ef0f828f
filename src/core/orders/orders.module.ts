import { Module } from '@nestjs/common';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { SubscriptionRenewalController } from './subscription-renewal.controller';

/** Orders and manual payments (SPEC §4.5). */
@Module({ controllers: [OrdersController, SubscriptionRenewalController], providers: [OrdersService], exports: [OrdersService] })
export class OrdersModule {}
