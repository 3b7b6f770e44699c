import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ValidationException, isDuplicateKeyError } from '@tenantpay/platform';
import { ResolutionMethod, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import { InvalidGatewaySignatureException } from '../errors/invalid-gateway-signature.exception';
import { SYSTEM_ACTOR } from '../payment/payment-actor';
import { PaymentStatus } from '../payment/payment-status.enum';
import { PaymentsRepository } from '../payment/payments.repository';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import { PaymentEventType } from '../ports/payment-event';
import { PaymentEventsService } from '../processing/payment-events.service';
import type { GatewayEvent } from './gateway-event';
import { GatewayEventsRepository } from './gateway-events.repository';
import { verifyGatewaySignature } from './gateway-signature';
import { type GatewayWebhookEvent, parseGatewayWebhookEvent } from './gateway-webhook-event';

/**
 * Inbound gateway webhooks (`POST /v1/webhooks/gateway`). Order matters: verify the signature over the raw
 * bytes, store the event under the tenant it names (the unique event id makes redeliveries no-ops), apply it
 * with a conditional transition, and only then acknowledge. A failure before the store answers an error, so
 * the gateway redelivers; a redelivery of a stored event applies it again, which is harmless.
 */
@Injectable()
export class GatewayWebhooksService implements OnModuleInit {
  constructor(
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    private readonly events: GatewayEventsRepository,
    private readonly payments: PaymentsRepository,
    private readonly paymentEvents: PaymentEventsService,
  ) {}

  onModuleInit(): void {
    if (this.settings.gatewayWebhookSecret === null) {
      new Logger(GatewayWebhooksService.name).warn(
        'PAYMENTS_GATEWAY_WEBHOOK_SECRET is not set: every inbound gateway webhook is refused',
      );
    }
  }

  async receive(
    rawBody: Buffer | undefined,
    signature: string | undefined,
  ): Promise<{ received: true; result: string }> {
    const secret = this.settings.gatewayWebhookSecret;
    const verified =
      secret !== null &&
      rawBody !== undefined &&
      verifyGatewaySignature(
        secret,
        rawBody,
        signature,
        Math.floor(Date.now() / 1000),
        this.settings.gatewayWebhookToleranceSeconds,
      );
    if (!verified) throw new InvalidGatewaySignatureException();
    const event = parseGatewayWebhookEvent(safeParse(rawBody));
    if (event === null) throw new ValidationException([{ field: 'body', issue: 'is not a gateway event' }]);
    const tenant = await this.tenants.findById(event.data.tenantId);
    if (tenant === null)
      throw new ValidationException([{ field: 'data.tenantId', issue: 'names no tenant' }]);
    const context = {
      tenant,
      resolvedBy: ResolutionMethod.Job,
      principal: null,
      requestId: this.requestId(),
    };
    return this.tenantContext.run(context, async () => {
      const stored = await this.store(event);
      const result = stored.processedAt === null ? await this.apply(event) : (stored.result ?? 'applied');
      if (stored.processedAt === null) {
        await this.events.updateOne({ _id: stored._id }, { $set: { processedAt: new Date(), result } });
      }
      return { received: true as const, result };
    });
  }

  private async store(event: GatewayWebhookEvent): Promise<GatewayEvent> {
    try {
      return await this.events.create({
        eventId: event.id,
        type: event.type,
        paymentId: event.data.paymentId,
        payload: event,
        processedAt: null,
        result: null,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.events.findOne({ eventId: event.id });
      if (existing === null) throw error;
      return existing;
    }
  }

  private async apply(event: GatewayWebhookEvent): Promise<string> {
    const payment = await this.payments.findById(event.data.paymentId);
    if (payment === null) return 'unknown_payment';
    if (payment.status !== PaymentStatus.Processing) return `ignored_in_${payment.status.toLowerCase()}`;
    const succeeded = event.type === 'charge.succeeded';
    const settled = await this.paymentEvents.transition(
      payment._id,
      {
        from: PaymentStatus.Processing,
        to: succeeded ? PaymentStatus.Completed : PaymentStatus.Failed,
        by: SYSTEM_ACTOR,
        reason: `gateway webhook ${event.id}`,
        set: {
          gatewayReference: event.data.gatewayReference,
          lastProcessingError: null,
          ...(succeeded
            ? {}
            : {
                failureCode: event.data.failureCode ?? 'gateway_declined',
                failureMessage: event.data.failureMessage ?? 'The gateway declined the charge.',
              }),
        },
      },
      succeeded ? PaymentEventType.Completed : PaymentEventType.Failed,
    );
    if (settled === null) return 'concurrent_change';
    return 'applied';
  }

  private requestId(): string {
    return this.tenantContext.current()?.requestId ?? '';
  }
}

function safeParse(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}
