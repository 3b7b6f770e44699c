import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, DomainException, ErrorCode } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { isPlatformHost, Public } from '@tenantpay/tenancy';
import {
  CONSOLE_CONTENT_SECURITY_POLICY,
  UPGRADE_INSECURE_REQUESTS,
} from './console-content-security-policy.constant';
import { type ConsoleAsset, ConsoleAssetsService } from './console-assets.service';
import { IMMUTABLE_ASSET_CACHE_CONTROL, PLATFORM_EMAIL_LINK_PATHS } from './console.constant';
import type { HeaderResponse } from '../http/header-response';

interface ConsoleRequest {
  readonly protocol: string;
  readonly headers: { readonly host?: string };
}

/**
 * The white-label staff console (apps/console) at the root of every tenant host, subdomain or verified custom
 * domain alike, and the platform console at the root of the platform's host (`admin.{BASE_DOMAIN}`, a reserved
 * slug, so never a tenant's): two pages of one build sharing their assets. The files are the same for every tenant and hold no data: the console reads its brand from
 * /v1/branding and everything else through the API with the signed-in user's token. Its screens live in the
 * URL's hash, so `/` is its only page. Served from memory without a tenant lookup or rate limit (a page load
 * would otherwise spend the per-IP budget that logins share), under the consoles' strict CSP. Not API
 * operations, so not in the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@SkipRateLimit()
@Controller()
export class ConsoleController {
  private readonly baseDomain: string;

  constructor(
    private readonly files: ConsoleAssetsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.baseDomain = config.tenancy.baseDomain;
  }

  @Get()
  page(@Req() request: ConsoleRequest, @Res({ passthrough: true }) response: HeaderResponse): Buffer {
    if (isPlatformHost(request.headers.host, this.baseDomain)) return this.platformPage(request, response);
    const page = this.files.findPage();
    if (page === undefined)
      throw new DomainException(
        ErrorCode.ServiceUnavailable,
        'The staff console is not built on this server.',
      );
    // Fetched again on every load, so a new build's asset names are picked up at once.
    return this.serve(page, 'no-cache', request, response);
  }

  /** The platform's email-link pages (`?token=` in the query): only on the platform host. */
  @Get([...PLATFORM_EMAIL_LINK_PATHS])
  platformEmailLinkPage(
    @Req() request: ConsoleRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Buffer {
    if (!isPlatformHost(request.headers.host, this.baseDomain))
      throw new DomainException(ErrorCode.NotFound, 'No such page.');
    return this.platformPage(request, response);
  }

  private platformPage(request: ConsoleRequest, response: HeaderResponse): Buffer {
    const page = this.files.findPlatformPage();
    if (page === undefined)
      throw new DomainException(
        ErrorCode.ServiceUnavailable,
        'The platform console is not built on this server.',
      );
    return this.serve(page, 'no-cache', request, response);
  }

  @Get('assets/:asset')
  asset(
    @Param('asset') name: string,
    @Req() request: ConsoleRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Buffer {
    const asset = this.files.findAsset(name);
    if (asset === undefined) throw new DomainException(ErrorCode.NotFound, 'No such console file.');
    return this.serve(asset, IMMUTABLE_ASSET_CACHE_CONTROL, request, response);
  }

  private serve(
    asset: ConsoleAsset,
    cacheControl: string,
    request: ConsoleRequest,
    response: HeaderResponse,
  ): Buffer {
    response.header(
      'Content-Security-Policy',
      request.protocol === 'https'
        ? `${CONSOLE_CONTENT_SECURITY_POLICY}; ${UPGRADE_INSECURE_REQUESTS}`
        : CONSOLE_CONTENT_SECURITY_POLICY,
    );
    response.header('Cache-Control', cacheControl);
    response.header('Content-Type', asset.contentType);
    return asset.body;
  }
}
