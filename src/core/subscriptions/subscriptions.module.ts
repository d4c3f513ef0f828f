import { Module } from '@nestjs/common';
import { ExpiryScanner } from './expiry-scanner.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

/** Subscriptions (SPEC §4.4): the state machine, the API and the expiry scanner (reconcile lives in the drift module). */
@Module({ controllers: [SubscriptionsController], providers: [SubscriptionsService, ExpiryScanner], exports: [SubscriptionsService, ExpiryScanner] })
export class SubscriptionsModule {}
