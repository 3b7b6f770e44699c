import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ResolutionMethod,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
} from '@tenantpay/tenancy';
import type { Types } from 'mongoose';
import type { PaymentEvent } from '../ports/payment-event';
import { PAYMENT_EVENT_PUBLISHER, type PaymentEventPublisher } from '../ports/payment-event-publisher.port';
import type { PaymentOutboxEntry } from './payment-outbox-entry';
import { PaymentOutboxPlatformRepository } from './payment-outbox-platform.repository';
import { PaymentOutboxRepository } from './payment-outbox.repository';

const PAGE_SIZE = 500;
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
  async dispatchPending(): Promise<number> {
    let dispatched = 0;
    let afterId: Types.ObjectId | null = null;
    for (;;) {
      const page = await this.tenantContext.runAsPlatform(RETRY_REASON, () =>
        this.platformOutbox.undispatched(afterId, PAGE_SIZE),
      );
      for (const entry of page) {
        const tenant = await this.tenants.findById(entry.tenantId.toHexString());
        if (tenant !== null && (await this.inTenant(tenant, () => this.dispatch(entry)))) dispatched += 1;
      }
      const last = page.at(-1);
      if (page.length < PAGE_SIZE || last === undefined) break;
      afterId = last._id;
    }
    return dispatched;
  }

  private inTenant<T>(tenant: TenantSnapshot, work: () => Promise<T>): Promise<T> {
    return this.tenantContext.run(
      { tenant, resolvedBy: ResolutionMethod.Job, principal: null, requestId: '' },
      work,
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
