import { Inject, Injectable, Logger } from '@nestjs/common';
import { eachRowInItsTenant, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import { PaymentsRepository } from '../payment/payments.repository';
import { PlatformPaymentsRepository } from '../payment/platform-payments.repository';
import type { PaymentEvent } from '../ports/payment-event';
import { PAYMENT_EVENT_PUBLISHER, type PaymentEventPublisher } from '../ports/payment-event-publisher.port';
import { outboxEntryOf } from './payment-event-entries';
import type { PaymentOutboxEntry } from './payment-outbox-entry';
import { PaymentOutboxPlatformRepository } from './payment-outbox-platform.repository';
import { PaymentOutboxRepository } from './payment-outbox.repository';

const RETRY_REASON = 'dispatch undelivered payment events';
const REPAIR_REASON = 'write payment events whose writer died after the status change';
/**
 * How old an owed event must be before the retry writes it: a live writer records its entry milliseconds after
 * the change, so an older debt means the writer died. (Both writing it is harmless, only wasted.)
 */
const OWED_EVENT_GRACE_MS = 30_000;

/**
 * The one way payment events reach the bound publisher (tenant webhooks): from the outbox. Right after the
 * write of an entry, the writer dispatches it (so webhooks are not delayed by a schedule); the
 * worker's repeatable job dispatches whatever is left, when that attempt failed or its process died first.
 * Both may dispatch the same entry; the publisher deduplicates by event id, so the event is stored once.
 */
@Injectable()
export class PaymentOutboxDispatcher {
  private readonly logger = new Logger(PaymentOutboxDispatcher.name);

  constructor(
    private readonly outbox: PaymentOutboxRepository,
    private readonly platformOutbox: PaymentOutboxPlatformRepository,
    private readonly payments: PaymentsRepository,
    private readonly platformPayments: PlatformPaymentsRepository,
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

  /**
   * First writes the entries of events owed by payments whose writer died after the status change, then
   * dispatches every undispatched entry of every tenant, each in its tenant's context. Returns how many were
   * dispatched.
   */
  async dispatchPending(now = new Date()): Promise<number> {
    await this.writeOwedEvents(new Date(now.getTime() - OWED_EVENT_GRACE_MS));
    return eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      RETRY_REASON,
      (afterId, pageSize) => this.platformOutbox.undispatched(afterId, pageSize),
      (entry) => this.dispatch(entry),
    );
  }

  private writeOwedEvents(cutoff: Date): Promise<number> {
    return eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      REPAIR_REASON,
      (afterId, pageSize) => this.platformPayments.owingEventsSince(cutoff, afterId, pageSize),
      async (payment) => {
        for (const event of payment.pendingEvents) {
          if (event.occurredAt.getTime() >= cutoff.getTime()) continue;
          await this.outbox.insertOnce(outboxEntryOf(event, payment));
          await this.payments.clearPendingEvent(payment._id, event.eventId);
          this.logger.warn({ eventId: event.eventId }, 'Payment event written by the outbox retry');
        }
        return true;
      },
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
