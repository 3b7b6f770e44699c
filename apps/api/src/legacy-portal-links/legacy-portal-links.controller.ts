import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import { TenantLinkBuilder } from '@tenantpay/mail';
import { targetOfPortalPage } from './legacy-portal-link';

interface LegacyLinkRequest {
  readonly url: string;
}

interface LegacyLinkResponse {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
}

/**
 * All that is left of the retired plain-JS portal under /portal/*: its old links, in emails already sent,
 * redirect to the consoles (legacy-portal-link.ts); anything else there is a 404. A redirect needs no tenant
 * lookup, so it is not rate limited (it would otherwise spend the per-IP budget that logins share). Not an API
 * operation, so not in the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@SkipRateLimit()
@Controller()
export class LegacyPortalLinksController {
  constructor(private readonly links: TenantLinkBuilder) {}

  @Get('portal/:page')
  redirect(
    @Param('page') page: string,
    @Req() request: LegacyLinkRequest,
    @Res({ passthrough: true }) response: LegacyLinkResponse,
  ): string {
    const target = targetOfPortalPage(page, new URLSearchParams(request.url.split('?')[1] ?? ''));
    if (target === undefined) throw new DomainException(ErrorCode.NotFound, 'No such page.');
    // 302, not 301: browsers must not cache where an old link goes; it stays ours to change.
    response.status(302);
    response.header(
      'Location',
      target.host === 'same' ? target.location : this.links.buildForPlatform(target.path, target.query),
    );
    response.header('Cache-Control', 'no-store');
    return '';
  }
}
