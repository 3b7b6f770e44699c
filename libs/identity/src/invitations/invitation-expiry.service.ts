import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import { UserSeatsRepository } from '../users/user-seats.repository';
import { InvitationStatus } from './invitation-status.enum';
import { InvitationsRepository } from './invitations.repository';

/** At most this many overdue invitations are closed per call; the rest on the next. */
const EXPIRY_BATCH = 100;

/**
 * Closes the current tenant's pending invitations past their expiry and gives their seats back, each in one
 * transaction with its seat. Run before anything that counts seats or shows pending invitations, so an
 * overdue invitation never holds a seat a tenant needs.
 */
@Injectable()
export class InvitationExpiry {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly seats: UserSeatsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async expireOverdue(now = new Date()): Promise<number> {
    const overdue = await this.invitations.overdue(now, EXPIRY_BATCH);
    const expired: string[] = [];
    for (const invitation of overdue) {
      const closed = await this.transactions.withTransaction(async () => {
        const changed = await this.invitations.leavePending(invitation._id, InvitationStatus.Expired);
        if (changed !== null) await this.seats.release();
        return changed !== null;
      });
      if (closed) expired.push(invitation._id.toHexString());
    }
    if (expired.length > 0)
      await this.audit.record({
        action: AuditAction.InvitationsExpired,
        outcome: 'success',
        actor: { type: 'system' },
        metadata: { invitationIds: expired, seatsReleased: expired.length },
      });
    return expired.length;
  }
}
