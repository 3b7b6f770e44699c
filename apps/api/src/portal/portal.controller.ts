import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import { PortalAssetsService } from './portal-assets.service';
import {
  PORTAL_CONTENT_SECURITY_POLICY,
  UPGRADE_INSECURE_REQUESTS,
} from './portal-content-security-policy.constant';

/** What the portal reads of a request: whether it came over HTTPS (through the trusted proxies). */
interface PortalRequest {
  readonly protocol: string;
}

interface PortalResponse {
  header(name: string, value: string): unknown;
}

/**
 * The single-purpose pages that email links open on a tenant's (or the platform's) host, under /portal/*:
 * accepting an invitation, resetting a password, changing it, turning on two-factor authentication. The staff
 * console (../console) replaced the portal's index page. The files are the same for every tenant and hold no
 * data: the pages read their brand from /v1/branding and call the API with the user's token. They are served
 * from memory without a tenant lookup, so they are not rate limited (a page load would otherwise spend the
 * per-IP budget that logins share). Not API operations, so not in the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@SkipRateLimit()
@Controller()
export class PortalController {
  constructor(private readonly assets: PortalAssetsService) {}

  @Get('portal/:asset')
  asset(
    @Param('asset') name: string,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: PortalResponse,
  ): string {
    return this.serve(name, request, response);
  }

  private serve(name: string, request: PortalRequest, response: PortalResponse): string {
    const asset = this.assets.find(name);
    if (asset === undefined) throw new DomainException(ErrorCode.NotFound, 'No such portal file.');
    response.header(
      'Content-Security-Policy',
      request.protocol === 'https'
        ? `${PORTAL_CONTENT_SECURITY_POLICY}; ${UPGRADE_INSECURE_REQUESTS}`
        : PORTAL_CONTENT_SECURITY_POLICY,
    );
    // Fetched again on every load: the file names carry no version (the files are a few kB).
    response.header('Cache-Control', 'no-cache');
    response.header('Content-Type', asset.contentType);
    return asset.body;
  }
}
