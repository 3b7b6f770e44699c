import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { InvitationsService } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { TENANT_AUTH_COOKIE_PATH } from '../auth/refresh-token-cookie';
import type { HeaderResponse } from '../http/header-response';
import type { SessionRequest } from '../auth/session-endpoints';
import { deliverSession, type SessionResponse } from '../auth/session-response';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { SessionTokensResponse } from '../auth/responses/session-tokens.response';

/**
 * Accepting an invitation, on the tenant's host (or with X-Tenant-ID): the token only exists in that tenant,
 * so the same token on another tenant's host is simply unknown. Answers like a login: it opens a session and
 * hands out its refresh token where the caller asks for it.
 */
@Controller('invitations')
export class InvitationAcceptanceController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Accept an invitation: set a password and join the tenant. */
  @DocumentedErrors(
    ErrorCode.TenantArchived,
    ErrorCode.InvitationNotFound,
    ErrorCode.InvitationExpired,
    ErrorCode.InvitationUsed,
    ErrorCode.InvitationRevoked,
    ErrorCode.WeakPassword,
    ErrorCode.UserLimitReached,
    ErrorCode.Conflict,
  )
  @Public()
  @RequiresTenant()
  @ApiOkResponse({ type: SessionTokensResponse })
  @Post('accept')
  @HttpCode(200)
  async accept(
    @Body() body: AcceptInvitationDto,
    @Ip() ip: string,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<SessionResponse> {
    const { refreshTokenDelivery, ...acceptance } = body;
    const issued = await this.invitations.accept(acceptance, {
      ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    return deliverSession(issued, refreshTokenDelivery, {
      request,
      response,
      cookiePath: TENANT_AUTH_COOKIE_PATH,
    });
  }
}
