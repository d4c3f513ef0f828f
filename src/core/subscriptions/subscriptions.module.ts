import { Module } from '@nestjs/common';
import { ExpiryScanner } from './expiry-scanner.service';
import { ReconcileService } from './reconcile.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

/** Subscriptions (SPEC §4.4): the state machine, the API, the expiry scanner and the reconcile job. */
@Module({ controllers: [SubscriptionsController], providers: [SubscriptionsService, ExpiryScanner, ReconcileService], exports: [SubscriptionsService, ExpiryScanner, ReconcileService] })
export class SubscriptionsModule {}
