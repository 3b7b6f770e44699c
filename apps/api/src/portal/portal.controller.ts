import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import { consoleRouteOfPortalPage } from './legacy-portal-link';
import { PortalAssetsService } from './portal-assets.service';
import {
  PORTAL_CONTENT_SECURITY_POLICY,
  UPGRADE_INSECURE_REQUESTS,
} from './portal-content-security-policy.constant';

/** What the portal reads of a request: whether it came over HTTPS (through the trusted proxies), and its query. */
interface PortalRequest {
  readonly protocol: string;
  readonly url: string;
}

interface PortalResponse {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
}

/**
 * What is left of the plain-JS portal under /portal/*. A tenant's old email links (accept an invitation, reset
 * a password) and the old change-password and two-factor pages redirect to the staff console's routes
 * (legacy-portal-link.ts). Platform operators' links (`audience=platform`) still open the portal's invitation and
 * reset pages here, until the platform console serves them on its host. The files are the same for every tenant and hold no
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
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const consoleRoute = consoleRouteOfPortalPage(name, query);
    if (consoleRoute !== undefined) {
      // 302, not 301: browsers must not cache where an old link goes; it stays ours to change.
      response.status(302);
      response.header('Location', consoleRoute);
      response.header('Cache-Control', 'no-store');
      return '';
    }
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
