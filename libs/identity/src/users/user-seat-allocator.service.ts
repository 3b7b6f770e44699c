import { Injectable } from '@nestjs/common';
import { TransactionService } from '@tenantpay/data-isolation';
import { effectiveLimits, TenantContextService, UNLIMITED } from '@tenantpay/tenancy';
import { InvitationExpiry } from '../invitations/invitation-expiry.service';
import { InvitationsRepository } from '../invitations/invitations.repository';
import { UserLimitReachedException } from './user-limit-reached.exception';
import { UserSeatsRepository } from './user-seats.repository';
import { UsersRepository } from './users.repository';

/**
 * Seats of the tier's user limit, held by active users and by pending invitations. Taking one runs in the same
 * transaction as the write that needs it; overdue invitations give theirs back first, so a tenant whose
 * invitations lapsed is never refused a seat it has.
 */
@Injectable()
export class UserSeatAllocator {
  constructor(
    private readonly seats: UserSeatsRepository,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly expiry: InvitationExpiry,
    private readonly tenantContext: TenantContextService,
    private readonly transactions: TransactionService,
  ) {}

  /** Runs `write` in a transaction that also takes a seat, refusing when the tier's limit is reached. */
  async withSeatTaken<R>(write: () => Promise<R>): Promise<R> {
    const maxUsers = effectiveLimits(this.tenantContext.getTenant()).maxUsers;
    await this.expiry.expireOverdue();
    await this.seats.ensureExists(
      async () => (await this.users.countActive()) + (await this.invitations.countPending()),
    );
    return this.transactions.withTransaction(async () => {
      if (!(await this.seats.take(maxUsers))) {
        // Without a limit, only a counter deleted since ensureExists can refuse: a bug, not a full tenant.
        if (maxUsers === UNLIMITED) throw new Error('The seat counter of the tenant vanished');
        throw new UserLimitReachedException(maxUsers);
      }
      return write();
    });
  }

  /** Gives one seat back; call inside the transaction of the change that frees it. */
  release(): Promise<void> {
    return this.seats.release();
  }
}
