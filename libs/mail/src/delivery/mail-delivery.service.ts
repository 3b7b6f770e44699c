import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { MailOutboxRepository } from '../outbox/mail-outbox.repository';
import { MailStatus } from '../outbox/mail-status.enum';
import type { MailDeliveryOutcome } from './mail-delivery-outcome';
import { SmtpMailTransport } from './smtp-mail-transport.service';

/**
 * One delivery attempt of one outbox row, in its tenant's context (the worker's job). Sent rows are skipped,
 * so a duplicate job never sends twice once the first has recorded its send. A failure is recorded on the row
 * and rethrown, so BullMQ retries with backoff; the last attempt marks the row failed.
 */
@Injectable()
export class MailDeliveryService {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly transport: SmtpMailTransport,
    private readonly audit: AuditService,
  ) {}

  async deliver(outboxId: string, isLastAttempt: boolean): Promise<MailDeliveryOutcome> {
    const entry = await this.outbox.findById(outboxId);
    if (entry === null || entry.status !== MailStatus.Pending) return 'skipped';
    const resource = { type: 'mail', id: outboxId };
    try {
      await this.transport.send(entry);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.outbox.recordFailure(entry._id, message, isLastAttempt);
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
    await this.outbox.markSent(entry._id);
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
