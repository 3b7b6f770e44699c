import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TenantContextService } from '@tenantpay/tenancy';
import { type ClientSession, isValidObjectId, type Model, type QueryFilter, Types } from 'mongoose';
import type { TenantUser } from './tenant-user';
import type { TenantUserRole } from './tenant-user-role.enum';
import { TENANT_USER_MODEL } from './tenant-user.schema';

export interface NewTenantUser {
  readonly email: string;
  readonly passwordHash: string;
  readonly role: TenantUserRole;
}

/**
 * The current tenant's users. The tenant id comes only from the tenant context, never from a parameter,
 * and is put into every filter and every write; soft-deleted users are invisible. Every method is the
 * shape of a TenantAwareRepository call (scoped filter in, document out), so moving onto it is mechanical.
 */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectModel(TENANT_USER_MODEL) private readonly model: Model<TenantUser>,
    private readonly tenantContext: TenantContextService,
  ) {}

  async insert(user: NewTenantUser, session?: ClientSession): Promise<TenantUser> {
    const [created] = await this.model.create([{ ...user, tenantId: this.tenantId(), isActive: true }], {
      session: session ?? null,
    });
    if (created === undefined) throw new Error('insert returned no document');
    return created.toObject<TenantUser>();
  }

  /** The user with this id in the current tenant; null for an unknown, malformed or other tenant's id. */
  async findById(id: string): Promise<TenantUser | null> {
    if (!isValidObjectId(id)) return null;
    return this.model
      .findOne(this.scoped({ _id: new Types.ObjectId(id) }))
      .lean<TenantUser>()
      .exec();
  }

  async findByEmail(email: string): Promise<TenantUser | null> {
    return this.model
      .findOne(this.scoped({ email: email.toLowerCase() }))
      .lean<TenantUser>()
      .exec();
  }

  /** One page in a stable order (by id), starting after the given id when there is one. */
  async list(limit: number, startingAfter?: string): Promise<TenantUser[]> {
    const after = startingAfter !== undefined && isValidObjectId(startingAfter) ? startingAfter : undefined;
    const filter = after === undefined ? {} : { _id: { $gt: new Types.ObjectId(after) } };
    return this.model.find(this.scoped(filter)).sort({ _id: 1 }).limit(limit).lean<TenantUser[]>().exec();
  }

  countActive(session?: ClientSession): Promise<number> {
    return this.model
      .countDocuments(this.scoped({ isActive: true }))
      .session(session ?? null)
      .exec();
  }

  async updateRole(id: string, role: TenantUserRole): Promise<TenantUser | null> {
    if (!isValidObjectId(id)) return null;
    return this.model
      .findOneAndUpdate(
        this.scoped({ _id: new Types.ObjectId(id) }),
        { $set: { role } },
        { returnDocument: 'after' },
      )
      .lean<TenantUser>()
      .exec();
  }

  /**
   * Flips `isActive` only if it currently has the other value, so exactly one of two concurrent flips
   * wins; the caller adjusts the seat counter only when this returns a user.
   */
  async setActive(id: string, isActive: boolean, session?: ClientSession): Promise<TenantUser | null> {
    if (!isValidObjectId(id)) return null;
    return this.model
      .findOneAndUpdate(
        this.scoped({ _id: new Types.ObjectId(id), isActive: !isActive }),
        { $set: { isActive } },
        { returnDocument: 'after', session: session ?? null },
      )
      .lean<TenantUser>()
      .exec();
  }

  async recordLogin(id: Types.ObjectId, at: Date): Promise<void> {
    await this.model.updateOne(this.scoped({ _id: id }), { $set: { lastLoginAt: at } }).exec();
  }

  private scoped(filter: QueryFilter<TenantUser>): QueryFilter<TenantUser> {
    return { ...filter, tenantId: this.tenantId(), deletedAt: null };
  }

  private tenantId(): Types.ObjectId {
    return new Types.ObjectId(this.tenantContext.getTenantId());
  }
}
