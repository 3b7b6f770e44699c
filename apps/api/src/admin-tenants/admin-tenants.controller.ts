import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post, Put, Query } from '@nestjs/common';
import { type InvitationView, type OnboardedTenant, TenantOnboardingService } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import {
  BypassTenantIsolation,
  Roles,
  SUPER_ADMIN_ROLE,
  TenantAdminService,
  type TenantAdminView,
  TenantDomainsService,
} from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { AddDomainDto } from './dto/add-domain.dto';
import { ChangeSlugDto } from './dto/change-slug.dto';
import { RenameTenantDto } from './dto/rename-tenant.dto';
import { ChangeTierDto } from './dto/change-tier.dto';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { FirstAdminDto } from './dto/first-admin.dto';
import { LimitOverridesDto } from './dto/limit-overrides.dto';
import { ListTenantsQueryDto } from './dto/list-tenants.query.dto';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { InvitationResponse } from '../invitations/responses/invitation.response';
import { ListResponse } from '../openapi/list-response.decorator';
import { OnboardedTenantResponse } from './responses/onboarded-tenant.response';
import { TenantAdminResponse } from './responses/tenant-admin.response';

/** Tenant administration for platform operators (SPEC §10). */
@DocumentedErrors(ErrorCode.TenantNotFound)
@Controller('admin/tenants')
@BypassTenantIsolation('platform tenant administration')
@Roles(SUPER_ADMIN_ROLE)
export class AdminTenantsController {
  constructor(
    private readonly admin: TenantAdminService,
    private readonly onboarding: TenantOnboardingService,
    private readonly domains: TenantDomainsService,
  ) {}

  /** With `admin`, also invites the tenant's first admin (their invitation is in `adminInvitation`). */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiCreatedResponse({ type: OnboardedTenantResponse })
  @Post()
  create(@Body() body: CreateTenantDto, @Ip() ip: string): Promise<OnboardedTenant> {
    const { admin, ...tenant } = body;
    return this.onboarding.create(tenant, admin, ip);
  }

  /** Invites an admin into an existing tenant (a first admin whose invitation lapsed, a replacement). */
  @DocumentedErrors(ErrorCode.UserLimitReached, ErrorCode.Conflict)
  @ApiCreatedResponse({ type: InvitationResponse })
  @Post(':id/admin-invitations')
  inviteAdmin(
    @Param('id') id: string,
    @Body() body: FirstAdminDto,
    @Ip() ip: string,
  ): Promise<InvitationView> {
    return this.onboarding.inviteAdmin(id, body, ip);
  }

  /** List tenants, newest first; `search` matches the slug's start or part of the name. */
  @ListResponse(TenantAdminResponse)
  @Get()
  list(@Query() query: ListTenantsQueryDto): Promise<ListEnvelope<TenantAdminView>> {
    return this.admin.list({
      limit: query.limit,
      ...(query.starting_after !== undefined ? { startingAfter: query.starting_after } : {}),
      ...(query.tier !== undefined ? { tier: query.tier } : {}),
      ...(query.status !== undefined ? { isActive: query.status === 'active' } : {}),
      ...(query.search !== undefined && query.search.trim() !== '' ? { search: query.search } : {}),
    });
  }

  /** Get a tenant. */
  @ApiOkResponse({ type: TenantAdminResponse })
  @Get(':id')
  get(@Param('id') id: string): Promise<TenantAdminView> {
    return this.admin.get(id);
  }

  /** Change a tenant's tier. */
  @ApiOkResponse({ type: TenantAdminResponse })
  @Put(':id/tier')
  changeTier(@Param('id') id: string, @Body() body: ChangeTierDto): Promise<TenantAdminView> {
    return this.admin.changeTier(id, body.tier);
  }

  /** Change a tenant's slug. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: TenantAdminResponse })
  @Put(':id/slug')
  changeSlug(@Param('id') id: string, @Body() body: ChangeSlugDto): Promise<TenantAdminView> {
    return this.admin.changeSlug(id, body.slug);
  }

  /** Rename a tenant. */
  @ApiOkResponse({ type: TenantAdminResponse })
  @Put(':id/name')
  rename(@Param('id') id: string, @Body() body: RenameTenantDto): Promise<TenantAdminView> {
    return this.admin.rename(id, body.name);
  }

  /** Read-only until unarchived: reads and exports work, writes answer 409 `tenant_archived`. */
  @ApiOkResponse({ type: TenantAdminResponse })
  @Post(':id/archive')
  @HttpCode(200)
  archive(@Param('id') id: string): Promise<TenantAdminView> {
    return this.admin.archive(id);
  }

  /** Unarchive a tenant: writes are accepted again. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: TenantAdminResponse })
  @Post(':id/unarchive')
  @HttpCode(200)
  unarchive(@Param('id') id: string): Promise<TenantAdminView> {
    return this.admin.unarchive(id);
  }

  /** Override a tenant's plan limits. */
  @ApiOkResponse({ type: TenantAdminResponse })
  @Put(':id/limits')
  setLimits(@Param('id') id: string, @Body() body: LimitOverridesDto): Promise<TenantAdminView> {
    return this.admin.setLimitOverrides(id, body);
  }

  /** Suspend a tenant. */
  @ApiOkResponse({ type: TenantAdminResponse })
  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Param('id') id: string): Promise<TenantAdminView> {
    return this.admin.suspend(id);
  }

  /** Reactivate a suspended tenant. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: TenantAdminResponse })
  @Post(':id/activate')
  @HttpCode(200)
  activate(@Param('id') id: string): Promise<TenantAdminView> {
    return this.admin.activate(id);
  }

  /** Add a custom domain to a tenant. */
  @DocumentedErrors(ErrorCode.Conflict, ErrorCode.FeatureNotInTier)
  @ApiCreatedResponse({ type: TenantAdminResponse })
  @Post(':id/domains')
  addDomain(@Param('id') id: string, @Body() body: AddDomainDto): Promise<TenantAdminView> {
    return this.admin.addDomain(id, body.hostname);
  }

  /**
   * Checks the domain's DNS TXT record for the tenant, as its own admins' `POST /v1/domains/{hostname}/verify`
   * does: verified once the record carries the token, 409 while it does not (audited either way).
   */
  @DocumentedErrors(ErrorCode.Conflict, ErrorCode.NotFound)
  @ApiOkResponse({ type: TenantAdminResponse })
  @Post(':id/domains/:hostname/check-dns')
  @HttpCode(200)
  async checkDomainDns(
    @Param('id') id: string,
    @Param('hostname') hostname: string,
  ): Promise<TenantAdminView> {
    await this.domains.verifyByDns(id, hostname);
    return this.admin.get(id);
  }

  /** An operator's explicit, audited decision that the domain is the tenant's, without a DNS check. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: TenantAdminResponse })
  @Post(':id/domains/:hostname/verify')
  @HttpCode(200)
  verifyDomain(@Param('id') id: string, @Param('hostname') hostname: string): Promise<TenantAdminView> {
    return this.admin.verifyDomain(id, hostname);
  }

  /** Remove a tenant's custom domain. */
  @ApiOkResponse({ type: TenantAdminResponse })
  @Delete(':id/domains/:hostname')
  removeDomain(@Param('id') id: string, @Param('hostname') hostname: string): Promise<TenantAdminView> {
    return this.admin.removeDomain(id, hostname);
  }
}
