import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import type { Model } from 'mongoose';
import type { TenantSecurityPolicy } from './tenant-security-policy';
import { TENANT_SECURITY_POLICY_MODEL } from './tenant-security-policy.schema';

/** The current tenant's sign-in policy. */
@Injectable()
export class TenantSecurityPolicyRepository extends TenantAwareRepository<TenantSecurityPolicy> {
  constructor(
    @InjectModel(TENANT_SECURITY_POLICY_MODEL) model: Model<TenantSecurityPolicy>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  current(): Promise<TenantSecurityPolicy | null> {
    return this.findOne({});
  }

  /** Sets the requirement; answers the policy as it was before (null: there was none). */
  setMfaRequired(mfaRequired: boolean, updatedBy: string): Promise<TenantSecurityPolicy | null> {
    return this.findOneAndUpdate(
      {},
      { $set: { mfaRequired, updatedBy } },
      { upsert: true, returnDocument: 'before' },
    );
  }
}
