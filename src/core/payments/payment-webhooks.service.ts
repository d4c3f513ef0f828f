import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { HubError, NotFoundError } from '../common/errors';
import { isPluginError, PluginError } from '../plugins/sdk';
import { PaymentClientsService } from './payment-clients.service';
import { IntakeResult, PaymentEventIntake } from './payment-event-intake.service';

export interface InboundWebhook {
  provider: string;
  accountId: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
  ip?: string;
}

/**
 * The inbound payment webhook (SPEC §8): the provider's own signature is checked on the raw bytes
 * before anything is stored; a bad one leaves only a security audit entry and gets 400
 * WEBHOOK_SIGNATURE_INVALID. Verified events are stored once and queued; the answer does not
 * wait for their effect.
 */
@Injectable()
export class PaymentWebhooksService {
  constructor(
    private readonly clients: PaymentClientsService,
    private readonly intake: PaymentEventIntake,
    private readonly audit: AuditService,
  ) {}

  async receive(input: InboundWebhook): Promise<IntakeResult> {
    let ready;
    try {
      ready = await this.clients.forWebhook(input.accountId);
    } catch (error) {
      if (error instanceof NotFoundError) await this.reject(input, 'unknown payment account', 'PAYMENT_ACCOUNT_NOT_FOUND');
      throw error;
    }
    if (ready.account.type !== input.provider) {
      await this.reject(input, `the account is a ${ready.account.type} account, not ${input.provider}`, 'PAYMENT_ACCOUNT_NOT_FOUND');
      throw new NotFoundError('Payment account', input.accountId);
    }
    if (!ready.client.parseWebhook) throw new HubError(404, 'WEBHOOKS_NOT_SUPPORTED', 'Not found', `${input.provider} accounts receive no webhooks`);
    if (!input.rawBody || input.rawBody.length === 0) {
      await this.reject(input, 'empty or non-JSON body', 'WEBHOOK_SIGNATURE_INVALID');
      throw signatureProblem('The webhook has no body the signature could cover');
    }
    let events;
    try {
      events = await ready.client.parseWebhook({ headers: input.headers, rawBody: input.rawBody, accountId: input.accountId });
    } catch (error) {
      if (isPluginError(error) && (error as PluginError).code === 'WEBHOOK_SIGNATURE_INVALID') {
        await this.reject(input, (error as PluginError).message, 'WEBHOOK_SIGNATURE_INVALID');
        throw signatureProblem((error as PluginError).message);
      }
      if (isPluginError(error) && (error as PluginError).retryable) {
        // E.g. PayPal's certificate could not be fetched: 503 makes the provider deliver again.
        throw new HubError(503, 'WEBHOOK_VERIFICATION_UNAVAILABLE', 'Service unavailable', (error as PluginError).message);
      }
      if (isPluginError(error)) throw new HubError(422, (error as PluginError).code, 'Unprocessable content', (error as PluginError).message);
      throw error;
    }
    return this.intake.record(input.provider, input.accountId, events, 'webhook');
  }

  private async reject(input: InboundWebhook, reason: string, code: string): Promise<void> {
    await this.audit.record({
      action: 'payment.webhook.rejected',
      outcome: 'denied',
      actor: { type: 'provider', id: input.provider.slice(0, 100) },
      target: { type: 'payment_account', id: input.accountId.slice(0, 36) },
      ip: input.ip,
      details: { provider: input.provider, code, reason: reason.slice(0, 300), bytes: input.rawBody?.length ?? 0 },
    });
  }
}

function signatureProblem(detail: string): HubError {
  return new HubError(400, 'WEBHOOK_SIGNATURE_INVALID', 'Webhook signature invalid', detail);
}
