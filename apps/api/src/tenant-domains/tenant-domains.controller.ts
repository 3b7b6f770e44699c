import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { TenantUserRole } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import {
  Feature,
  RequireFeature,
  Roles,
  TenantDomainsService,
  type TenantDomainView,
} from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { AddTenantDomainDto } from './dto/add-tenant-domain.dto';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { TenantDomainResponse } from './responses/tenant-domain.response';

/**
 * A tenant's custom domains, managed by its own admins (ENTERPRISE white-label). Listing and removal stay
 * open after a downgrade, so a tenant can still see and clean up domains it can no longer add.
 */
@Controller('domains')
@Roles(TenantUserRole.Admin)
export class TenantDomainsController {
  constructor(private readonly domains: TenantDomainsService) {}

  /** List the tenant's custom domains. */
  @ListResponse(TenantDomainResponse)
  @Get()
  /** A tenant's domains live in its own document (a handful): one page holds them all. */
  async list(): Promise<ListEnvelope<TenantDomainView>> {
    return listEnvelope(await this.domains.list(), false);
  }

  /** Answers the token and the TXT record to publish; the domain resolves only once verified. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiCreatedResponse({ type: TenantDomainResponse })
  @Post()
  @RequireFeature(Feature.WhiteLabel)
  add(@Body() body: AddTenantDomainDto): Promise<TenantDomainView> {
    return this.domains.add(body.hostname);
  }

  /** Verify a custom domain's DNS record. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: TenantDomainResponse })
  @Post(':hostname/verify')
  @HttpCode(200)
  @RequireFeature(Feature.WhiteLabel)
  verify(@Param('hostname') hostname: string): Promise<TenantDomainView> {
    return this.domains.verify(hostname);
  }

  /** Remove a custom domain. */
  @Delete(':hostname')
  @HttpCode(204)
  async remove(@Param('hostname') hostname: string): Promise<void> {
    await this.domains.remove(hostname);
  }
}
