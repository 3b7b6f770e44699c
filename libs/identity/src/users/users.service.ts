import { isDuplicateKeyError } from '@tenantpay/platform';
import { Injectable } from '@nestjs/common';
import { AuditAction, type AuditResource, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import { TenantContextService } from '@tenantpay/tenancy';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
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

export interface TenantUserPage {
  readonly data: readonly TenantUserView[];
  readonly has_more: boolean;
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
    return toTenantUserView(user);
  }

  async get(id: string): Promise<TenantUserView> {
    return toTenantUserView(await this.existing(id));
  }

  async list(limit: number, startingAfter?: string): Promise<TenantUserPage> {
    const page = await this.users.list(limit, startingAfter);
    return { data: page.items.map(toTenantUserView), has_more: page.hasMore };
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
    return toTenantUserView(user);
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
    if (user === null) return toTenantUserView(await this.existing(id));
    await this.access.invalidate(id);
    await this.audit.recordChange(AuditAction.UserDeactivated, userResource(user), ip);
    return toTenantUserView(user);
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

function userResource(user: TenantUser): AuditResource {
  return { type: 'user', id: user._id.toHexString() };
}
