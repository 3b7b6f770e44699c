import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import type { Request, Response } from 'express';
import { PortalAssetsService } from './portal-assets.service';
import {
  PORTAL_CONTENT_SECURITY_POLICY,
  UPGRADE_INSECURE_REQUESTS,
} from './portal-content-security-policy.constant';

/**
 * The white-label staff portal at the root of a tenant's host. The files are the same for every tenant and
 * hold no data: the page reads its brand from /v1/branding and everything else through the API with the
 * signed-in user's token. They are served from memory without a tenant lookup, so they are not rate limited
 * (a page load would otherwise spend the per-IP budget that logins share). Not API operations, so not in the
 * OpenAPI document.
 */
@ApiExcludeController()
@Public()
@SkipRateLimit()
@Controller()
export class PortalController {
  constructor(private readonly assets: PortalAssetsService) {}

  @Get()
  page(@Req() request: Request, @Res({ passthrough: true }) response: Response): string {
    return this.serve('index.html', request, response);
  }

  @Get('portal/:asset')
  asset(
    @Param('asset') name: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): string {
    return this.serve(name, request, response);
  }

  private serve(name: string, request: Request, response: Response): string {
    const asset = this.assets.find(name);
    if (asset === undefined) throw new DomainException(ErrorCode.NotFound, 'No such portal file.');
    response.setHeader(
      'Content-Security-Policy',
      request.secure
        ? `${PORTAL_CONTENT_SECURITY_POLICY}; ${UPGRADE_INSECURE_REQUESTS}`
        : PORTAL_CONTENT_SECURITY_POLICY,
    );
    // Revalidated on every load (Express answers 304 from its ETag): the file names carry no version.
    response.setHeader('Cache-Control', 'no-cache');
    response.type(asset.contentType);
    return asset.body;
  }
}
