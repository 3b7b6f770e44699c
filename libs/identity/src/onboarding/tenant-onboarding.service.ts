import { Injectable } from '@nestjs/common';
import {
  type CreateTenantInput,
  ResolutionMethod,
  TenantAdminService,
  type TenantAdminView,
  TenantContextService,
  TenantLookupService,
  TenantNotFoundException,
} from '@tenantpay/tenancy';
import type { InvitationView } from '../invitations/invitation-view';
import { InvitationsService } from '../invitations/invitations.service';
import { TenantUserRole } from '../users/tenant-user-role.enum';

export interface FirstAdmin {
  readonly email: string;
  readonly name?: string | null;
}

export interface OnboardedTenant extends TenantAdminView {
  /** The first admin's pending invitation, when the tenant was created with one. */
  readonly adminInvitation: InvitationView | null;
}

/**
 * Super-admins bring a bank on board: the tenant, then its first admin's invitation (written in the new
 * tenant's own context, like any invitation, so it takes a seat and its email goes through the tenant's
 * outbox). The two are separate writes: if the invitation fails the tenant exists without one, and
 * `inviteAdmin` sends it again.
 */
@Injectable()
export class TenantOnboardingService {
  constructor(
    private readonly tenants: TenantAdminService,
    private readonly lookup: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    private readonly invitations: InvitationsService,
  ) {}

  async create(
    input: CreateTenantInput,
    admin: FirstAdmin | undefined,
    ip: string | null,
  ): Promise<OnboardedTenant> {
    const tenant = await this.tenants.create(input);
    const adminInvitation = admin === undefined ? null : await this.inviteAdmin(tenant.id, admin, ip);
    return { ...tenant, adminInvitation };
  }

  /** An ADMIN invitation into tenant `tenantId`, sent by the calling platform operator. */
  async inviteAdmin(tenantId: string, admin: FirstAdmin, ip: string | null): Promise<InvitationView> {
    const tenant = await this.lookup.findById(tenantId);
    if (tenant === null) throw new TenantNotFoundException();
    const outer = this.tenantContext.current();
    return this.tenantContext.run(
      {
        tenant,
        resolvedBy: ResolutionMethod.TenantHeader,
        principal: outer?.principal ?? null,
        requestId: outer?.requestId ?? '',
      },
      () =>
        this.invitations.invite(
          { email: admin.email, name: admin.name ?? null, role: TenantUserRole.Admin },
          ip,
        ),
    );
  }
}
