import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { MailOutboxRepository } from '../outbox/mail-outbox.repository';
import type { MailOutboxStore } from '../outbox/mail-outbox-store';
import { MailStatus } from '../outbox/mail-status.enum';
import { PlatformMailOutboxRepository } from '../outbox/platform-mail-outbox.repository';
import type { MailDeliveryOutcome } from './mail-delivery-outcome';
import { SmtpMailTransport } from './smtp-mail-transport.service';

/**
 * One delivery attempt of one outbox row: a tenant's (`deliver`, in its tenant's context: the worker's job) or
 * the platform's (`deliverForPlatform`, outside any tenant). Sent rows are skipped, so a duplicate job never
 * sends twice once the first has recorded its send. A failure is recorded on the row and rethrown, so BullMQ
 * retries with backoff; the last attempt marks the row failed.
 */
@Injectable()
export class MailDeliveryService {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly platformOutbox: PlatformMailOutboxRepository,
    private readonly transport: SmtpMailTransport,
    private readonly audit: AuditService,
  ) {}

  deliver(outboxId: string, isLastAttempt: boolean): Promise<MailDeliveryOutcome> {
    return this.attempt(this.outbox, 'mail', outboxId, isLastAttempt);
  }

  deliverForPlatform(outboxId: string, isLastAttempt: boolean): Promise<MailDeliveryOutcome> {
    return this.attempt(this.platformOutbox, 'platform_mail', outboxId, isLastAttempt);
  }

  private async attempt(
    store: MailOutboxStore,
    resourceType: string,
    outboxId: string,
    isLastAttempt: boolean,
  ): Promise<MailDeliveryOutcome> {
    const entry = await store.findById(outboxId);
    if (entry === null || entry.status !== MailStatus.Pending) return 'skipped';
    const resource = { type: resourceType, id: outboxId };
    try {
      await this.transport.send(entry);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.recordFailure(entry._id, message, isLastAttempt);
      if (isLastAttempt)
        await this.audit.record({
          action: AuditAction.MailFailed,
          outcome: 'failure',
          actor: { type: 'system' },
          resource,
          metadata: { kind: entry.kind, attempts: entry.attempts + 1 },
        });
      throw error;
    }
    await store.markSent(entry._id);
    await this.audit.record({
      action: AuditAction.MailDelivered,
      outcome: 'success',
      actor: { type: 'system' },
      resource,
      metadata: { kind: entry.kind },
    });
    return 'sent';
  }
}
