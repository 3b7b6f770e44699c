import { isDuplicateKeyError, type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { Injectable } from '@nestjs/common';
import { AuditAction, type AuditResource, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import { TenantContextService } from '@tenantpay/tenancy';
import { tenantLoginAccountKey } from '../login/login-account-key';
import { LoginAttemptLimiter } from '../login/login-attempt-limiter.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
import { SessionEndReason } from '../sessions/session-end-reason.enum';
import { SessionsService } from '../sessions/sessions.service';
import { EmailAlreadyRegisteredException } from './email-already-registered.exception';
import { OwnAccountChangeException } from './own-account-change.exception';
import type { TenantUser } from './tenant-user';
import type { TenantUserRole } from './tenant-user-role.enum';
import { type TenantUserView, toTenantUserView } from './tenant-user-view';
import { UserAccessCache } from './user-access-cache.service';
import { UserNotFoundException } from './user-not-found.exception';
import { UserSeatAllocator } from './user-seat-allocator.service';
import { UserSeatsRepository } from './user-seats.repository';
import { UsersRepository } from './users.repository';

export interface CreateTenantUserInput {
  readonly email: string;
  readonly password: string;
  readonly role: TenantUserRole;
}

/**
 * Manages the current tenant's users. Every change to who holds a seat (create, deactivate) runs in one
 * transaction with the tenant's seat counter (UserSeatAllocator), whose conditional increment keeps active
 * users plus pending invitations within `maxUsers` even when requests race for the last seat.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly seats: UserSeatsRepository,
    private readonly seatAllocator: UserSeatAllocator,
    private readonly access: UserAccessCache,
    private readonly hasher: PasswordHasher,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
    private readonly sessions: SessionsService,
    private readonly loginAttempts: LoginAttemptLimiter,
  ) {}

  async create(input: CreateTenantUserInput, ip: string | null = null): Promise<TenantUserView> {
    const email = input.email.trim().toLowerCase();
    assertPasswordAllowed(input.password, email);
    if ((await this.users.findByEmail(email)) !== null) throw new EmailAlreadyRegisteredException();
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.seatAllocator.withSeatTaken(async () => {
      try {
        return await this.users.insert({ email, passwordHash, role: input.role });
      } catch (error) {
        throw isDuplicateKeyError(error) ? new EmailAlreadyRegisteredException() : error;
      }
    });
    await this.audit.recordChange(AuditAction.UserCreated, userResource(user), ip, { role: user.role });
    return this.view(user);
  }

  async get(id: string): Promise<TenantUserView> {
    return this.view(await this.existing(id));
  }

  async list(limit: number, startingAfter?: string): Promise<ListEnvelope<TenantUserView>> {
    const page = await this.users.list(limit, startingAfter);
    return listEnvelope(await Promise.all(page.items.map((user) => this.view(user))), page.hasMore);
  }

  async changeRole(id: string, role: TenantUserRole, ip: string | null = null): Promise<TenantUserView> {
    this.refuseOwnAccount(id);
    const before = await this.existing(id);
    const user = (await this.users.updateRole(id, role)) ?? this.notFound();
    if (before.role !== role) {
      // Tokens carry the role: the user's current tokens stop working on every instance, so the new role
      // applies from the next login and the old one from nowhere.
      await this.access.invalidate(id);
      await this.audit.recordChange(AuditAction.UserRoleChanged, userResource(user), ip, {
        from: before.role,
        to: role,
      });
    }
    return this.view(user);
  }

  /**
   * Deactivates a user and frees their seat; their access tokens stop working on every instance from the
   * next request. Deactivating an inactive user changes nothing.
   */
  async deactivate(id: string, ip: string | null = null): Promise<TenantUserView> {
    this.refuseOwnAccount(id);
    const user = await this.transactions.withTransaction(async () => {
      const changed = await this.users.setActive(id, false);
      if (changed !== null) await this.seats.release();
      return changed;
    });
    if (user === null) return this.view(await this.existing(id));
    await this.access.invalidate(id);
    // Ended too, so that a later reactivation does not bring the old sessions back to life.
    await this.sessions.revokeAllOfUser(id, SessionEndReason.UserDeactivated, ip);
    await this.audit.recordChange(AuditAction.UserDeactivated, userResource(user), ip);
    return this.view(user);
  }

  /**
   * Reactivates a deactivated user, taking a seat in the same transaction (403 `user_limit_reached` when the
   * tier has none left). They sign in again with their password; their old sessions stay ended.
   */
  async reactivate(id: string, ip: string | null = null): Promise<TenantUserView> {
    const current = await this.existing(id);
    if (current.isActive) return this.view(current);
    const user = await this.seatAllocator
      .withSeatTaken(async () => {
        const changed = await this.users.setActive(id, true);
        // Reactivated meanwhile: throwing rolls back the seat just taken for it.
        if (changed === null) throw new AlreadyActive();
        return changed;
      })
      .catch((error: unknown) => {
        if (error instanceof AlreadyActive) return null;
        throw error;
      });
    if (user === null) return this.view(await this.existing(id));
    await this.access.invalidate(id);
    await this.audit.recordChange(AuditAction.UserReactivated, userResource(user), ip);
    return this.view(user);
  }

  /**
   * Clears the failed-login counter that locks an account after five failures (anyone who knows an email can
   * lock it, so its admin must be able to open it again at once).
   */
  async unlock(id: string, ip: string | null = null): Promise<TenantUserView> {
    const user = await this.existing(id);
    await this.loginAttempts.reset(tenantLoginAccountKey(this.tenantContext.getTenantId(), user.email));
    await this.audit.recordChange(AuditAction.UserUnlocked, userResource(user), ip);
    return this.view(user);
  }

  /** The user with their lock: one Redis read, so an admin sees who failed logins locked out, and until when. */
  private async view(user: TenantUser): Promise<TenantUserView> {
    const lockedUntil = await this.loginAttempts.lockedUntil(
      tenantLoginAccountKey(this.tenantContext.getTenantId(), user.email),
    );
    return toTenantUserView(user, lockedUntil);
  }

  private async existing(id: string): Promise<TenantUser> {
    return (await this.users.findById(id)) ?? this.notFound();
  }

  private notFound(): never {
    throw new UserNotFoundException();
  }

  private refuseOwnAccount(id: string): void {
    const principal = this.tenantContext.current()?.principal;
    if (principal?.kind === 'user' && principal.userId === id) throw new OwnAccountChangeException();
  }
}

/** A reactivation that found the user active already: rolls its seat transaction back. */
class AlreadyActive extends Error {}

function userResource(user: TenantUser): AuditResource {
  return { type: 'user', id: user._id.toHexString() };
}
