import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, type Page, TenantAwareRepository } from '@tenantpay/data-isolation';
import { isValidObjectId, type Model, Types } from 'mongoose';
import type { TenantUser } from './tenant-user';
import type { TenantUserRole } from './tenant-user-role.enum';
import { TENANT_USER_MODEL } from './tenant-user.schema';

export interface NewTenantUser {
  readonly email: string;
  readonly passwordHash: string;
  readonly role: TenantUserRole;
  /** Set when the user gives one (accepting an invitation); null otherwise. */
  readonly name?: string | null;
  /** Given when the caller needs the id before the insert commits (an invitation records its user). */
  readonly _id?: Types.ObjectId;
}

/**
 * The current tenant's users. A change to who is active is written in one transaction with the tenant's seat
 * counter (`TransactionService.withTransaction`), which these methods join through the ambient session.
 */
@Injectable()
export class UsersRepository extends TenantAwareRepository<TenantUser> {
  constructor(@InjectModel(TENANT_USER_MODEL) model: Model<TenantUser>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  insert(user: NewTenantUser): Promise<TenantUser> {
    return this.create({ ...user, name: user.name ?? null, isActive: true, lastLoginAt: null });
  }

  findByEmail(email: string): Promise<TenantUser | null> {
    return this.findOne({ email: email.toLowerCase() });
  }

  /**
   * The active users holding a role (a tenant's admins, to be told about its account). No index: a tenant has
   * at most its tier's `maxUsers` users, and this runs for rare notices, not per request.
   */
  listActiveWithRole(role: TenantUserRole, limit: number): Promise<TenantUser[]> {
    return this.find({ role, isActive: true }, { sort: { _id: 1 }, limit });
  }

  /** One page in a stable order (by id), starting after the given id when there is one. */
  list(limit: number, startingAfter?: string): Promise<Page<TenantUser>> {
    return this.findPage({}, { limit, ...(startingAfter === undefined ? {} : { startingAfter }) });
  }

  countActive(): Promise<number> {
    return this.countDocuments({ isActive: true });
  }

  updateRole(id: string, role: TenantUserRole): Promise<TenantUser | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.findOneAndUpdate({ _id: new Types.ObjectId(id) }, { $set: { role } });
  }

  /**
   * Flips `isActive` only if it currently has the other value, so exactly one of two concurrent flips
   * wins; the caller adjusts the seat counter only when this returns a user.
   */
  async setActive(id: string, isActive: boolean): Promise<TenantUser | null> {
    if (!isValidObjectId(id)) return null;
    return this.findOneAndUpdate(
      { _id: new Types.ObjectId(id), isActive: !isActive },
      { $set: { isActive } },
    );
  }

  async setPasswordHash(id: Types.ObjectId, passwordHash: string): Promise<void> {
    await this.updateOne({ _id: id }, { $set: { passwordHash } });
  }

  async recordLogin(id: Types.ObjectId, at: Date): Promise<void> {
    await this.updateOne({ _id: id }, { $set: { lastLoginAt: at } });
  }
}
