import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { principalActorId, TenantContextService } from '@tenantpay/tenancy';
import { TenantSecurityPolicyRepository } from './tenant-security-policy.repository';

/** What the settings route answers. */
export interface MfaPolicyView {
  readonly mfaRequired: boolean;
}

/**
 * Whether the current tenant requires MFA of its users (an ENTERPRISE feature; the route is tier-gated). Read
 * at each password login only, never per request, so no cache is needed. Changes are audited.
 */
@Injectable()
export class MfaPolicyService {
  constructor(
    private readonly policies: TenantSecurityPolicyRepository,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
  ) {}

  async isMfaRequired(): Promise<boolean> {
    return (await this.policies.current())?.mfaRequired ?? false;
  }

  async view(): Promise<MfaPolicyView> {
    return { mfaRequired: await this.isMfaRequired() };
  }

  async setMfaRequired(mfaRequired: boolean): Promise<MfaPolicyView> {
    const context = this.tenantContext.current();
    const actorId =
      context?.principal === null || context?.principal === undefined
        ? 'unknown'
        : principalActorId(context.principal);
    const before = await this.policies.setMfaRequired(mfaRequired, actorId);
    const was = before?.mfaRequired ?? false;
    if (was !== mfaRequired)
      await this.audit.record({
        action: AuditAction.TenantMfaRequirementChanged,
        outcome: 'success',
        metadata: { from: String(was), to: String(mfaRequired) },
      });
    return { mfaRequired };
  }
}
