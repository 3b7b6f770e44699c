import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Payment } from '../payment/payment';
import { toPaymentView } from '../payment/payment-view';
import type { PaymentEvent, PaymentEventTypeName } from '../ports/payment-event';
import { PAYMENT_EVENT_PUBLISHER, type PaymentEventPublisher } from '../ports/payment-event-publisher.port';

/** Builds payment events with deterministic ids and hands them to the bound publisher. */
@Injectable()
export class PaymentEventsService {
  private readonly logger = new Logger(PaymentEventsService.name);

  constructor(@Inject(PAYMENT_EVENT_PUBLISHER) private readonly publisher: PaymentEventPublisher) {}

  /** Throws when publishing fails, so a job retries (and republishes under the same id). */
  async publish(type: PaymentEventTypeName, payment: Payment, discriminator?: string): Promise<void> {
    const paymentId = payment._id.toHexString();
    const event: PaymentEvent = {
      id: `evt_${paymentId}_${type.replace('payment.', '')}${discriminator === undefined ? '' : `_${discriminator}`}`,
      type,
      tenantId: payment.tenantId.toHexString(),
      occurredAt: new Date(payment.updatedAt).toISOString(),
      data: toPaymentView(payment),
    };
    await this.publisher.publish(event);
  }

  /** For request paths: the change is committed; a lost event is logged, never turned into a failed request. */
  async publishBestEffort(type: PaymentEventTypeName, payment: Payment): Promise<void> {
    await this.publish(type, payment).catch((error: unknown) =>
      this.logger.error(
        { err: error, type, paymentId: payment._id.toHexString() },
        'Payment event not published',
      ),
    );
  }
}
