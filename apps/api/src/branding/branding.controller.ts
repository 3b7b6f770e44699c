import { Body, Controller, Get, Put, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { TenantUserRole } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import {
  AllowSuspendedTenant,
  type BrandingUpdate,
  Feature,
  type PublicBranding,
  Public,
  RequireFeature,
  Roles,
  TENANT_ID_HEADER,
  TenantBrandingService,
  TenantContextService,
  TenantNotFoundException,
} from '@tenantpay/tenancy';
import type { IncomingHttpHeaders } from 'node:http';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { brandingEtag, ifNoneMatchHits } from './branding-etag';
import { UpdateBrandingDto } from './dto/update-branding.dto';
import { BrandingUpdateResponse } from './responses/branding-update.response';
import { PublicBrandingResponse } from './responses/public-branding.response';

const BRANDING_MAX_AGE_SECONDS = 60;

/** White-label branding (SPEC §10): public by host, editable by the tenant's admins on ENTERPRISE. */
interface BrandingResponse {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}

@Controller('branding')
export class BrandingController {
  constructor(
    private readonly branding: TenantBrandingService,
    private readonly tenantContext: TenantContextService,
  ) {}

  /**
   * Public, and served even for a suspended tenant (its site must still say whose it is). An unknown host
   * answers 404 like any other tenant lookup; it reveals no more than the branding of a known one would.
   */
  @DocumentedErrors(ErrorCode.TenantNotFound)
  @Get()
  @Public()
  @AllowSuspendedTenant()
  // Declared with 304: an explicit response replaces @nestjs/swagger's default 200.
  @ApiResponse({ status: 200, description: "The tenant's public branding", type: PublicBrandingResponse })
  @ApiResponse({ status: 304, description: 'Not modified: `If-None-Match` names the current ETag' })
  read(
    @Req() request: { headers: IncomingHttpHeaders },
    @Res({ passthrough: true }) response: BrandingResponse,
  ): PublicBranding | undefined {
    if (this.tenantContext.current()?.tenant == null) throw new TenantNotFoundException();
    const body = this.branding.current();
    const etag = brandingEtag(JSON.stringify(body));
    response.header('ETag', etag);
    response.header('Cache-Control', `public, max-age=${BRANDING_MAX_AGE_SECONDS}`);
    // The answer depends on which tenant the request names, and the host is not the only way to name one.
    response.header('Vary', [TENANT_ID_HEADER, 'Authorization', 'X-API-Key'].join(', '));
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      response.status(304);
      return undefined;
    }
    return body;
  }

  /** Replace the tenant's branding; colours too faint for buttons are accepted with warnings. */
  @ApiOkResponse({
    description: 'The branding as now shown, with contrast warnings',
    type: BrandingUpdateResponse,
  })
  @Put()
  @Roles(TenantUserRole.Admin)
  @RequireFeature(Feature.WhiteLabel)
  replace(@Body() body: UpdateBrandingDto): Promise<BrandingUpdate> {
    return this.branding.replace(body);
  }
}
