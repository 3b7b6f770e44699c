import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  guardFilter,
  guardNewDocument,
  guardUpdate,
  type Page,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import { type ClientSession, isValidObjectId, type Model, Types } from 'mongoose';
import type { TenantUser } from './tenant-user';
import type { TenantUserRole } from './tenant-user-role.enum';
import { TENANT_USER_MODEL } from './tenant-user.schema';

export interface NewTenantUser {
  readonly email: string;
  readonly passwordHash: string;
  readonly role: TenantUserRole;
}

/**
 * The current tenant's users. Methods that take a session exist because a change to who is active is written
 * in one transaction with the tenant's seat counter, and TenantAwareRepository has no session parameter: they
 * apply the very same guards (guardNewDocument, guardFilter, guardUpdate) before reaching the model.
 */
@Injectable()
export class UsersRepository extends TenantAwareRepository<TenantUser> {
  constructor(@InjectModel(TENANT_USER_MODEL) model: Model<TenantUser>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  async insert(user: NewTenantUser, session: ClientSession): Promise<TenantUser> {
    const tenant = this.isolation.tenantObjectId();
    const document = guardNewDocument({ ...user, isActive: true, lastLoginAt: null }, tenant);
    const [created] = await this.model.create([document], { session });
    if (created === undefined) throw new Error('insert returned no document');
    return created.toObject() as TenantUser;
  }

  findByEmail(email: string): Promise<TenantUser | null> {
    return this.findOne({ email: email.toLowerCase() });
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
  async setActive(id: string, isActive: boolean, session: ClientSession): Promise<TenantUser | null> {
    if (!isValidObjectId(id)) return null;
    const tenant = this.isolation.tenantObjectId();
    const filter = guardFilter({ _id: new Types.ObjectId(id), isActive: !isActive }, tenant);
    const update = guardUpdate({ $set: { isActive } }, tenant);
    return (await this.model
      .findOneAndUpdate(filter, update as never, { returnDocument: 'after', session })
      .lean()
      .exec()) as TenantUser | null;
  }

  async recordLogin(id: Types.ObjectId, at: Date): Promise<void> {
    await this.updateOne({ _id: id }, { $set: { lastLoginAt: at } });
  }
}
