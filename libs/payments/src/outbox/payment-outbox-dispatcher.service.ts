import { Inject, Injectable, Logger } from '@nestjs/common';
import { TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import { eachRowInItsTenant } from '../platform-scope/each-row-in-its-tenant';
import type { PaymentEvent } from '../ports/payment-event';
import { PAYMENT_EVENT_PUBLISHER, type PaymentEventPublisher } from '../ports/payment-event-publisher.port';
import type { PaymentOutboxEntry } from './payment-outbox-entry';
import { PaymentOutboxPlatformRepository } from './payment-outbox-platform.repository';
import { PaymentOutboxRepository } from './payment-outbox.repository';

const RETRY_REASON = 'dispatch undelivered payment events';

/**
 * The one way payment events reach the bound publisher (tenant webhooks): from the outbox. Right after the
 * transaction that wrote an entry, the writer dispatches it (so webhooks are not delayed by a schedule); the
 * worker's repeatable job dispatches whatever is left, when that attempt failed or its process died first.
 * Both may dispatch the same entry; the publisher deduplicates by event id, so the event is stored once.
 */
@Injectable()
export class PaymentOutboxDispatcher {
  private readonly logger = new Logger(PaymentOutboxDispatcher.name);

  constructor(
    private readonly outbox: PaymentOutboxRepository,
    private readonly platformOutbox: PaymentOutboxPlatformRepository,
    @Inject(PAYMENT_EVENT_PUBLISHER) private readonly publisher: PaymentEventPublisher,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
  ) {}

  /** In the entry's tenant context. Never throws: the entry stays undispatched for the retry. */
  async dispatch(entry: PaymentOutboxEntry): Promise<boolean> {
    try {
      await this.publisher.publish(toPaymentEvent(entry));
      await this.outbox.markDispatched(entry._id);
      return true;
    } catch (error) {
      this.logger.error(
        { err: error, eventId: entry.eventId, type: entry.type },
        'Payment event not dispatched; the outbox retry will',
      );
      await this.outbox
        .recordFailure(entry._id, error instanceof Error ? error.message : String(error))
        .catch(() => undefined);
      return false;
    }
  }

  /** Every undispatched entry of every tenant, each in its tenant's context. Returns how many were dispatched. */
  dispatchPending(): Promise<number> {
    return eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      RETRY_REASON,
      (afterId, pageSize) => this.platformOutbox.undispatched(afterId, pageSize),
      (entry) => this.dispatch(entry),
    );
  }
}

function toPaymentEvent(entry: PaymentOutboxEntry): PaymentEvent {
  return {
    id: entry.eventId,
    type: entry.type,
    tenantId: entry.tenantId.toHexString(),
    occurredAt: new Date(entry.occurredAt).toISOString(),
    data: entry.data,
  };
}
