import { ErrorCode } from '@tenantpay/platform';
import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { PlatformInvitationsService } from '@tenantpay/identity';
import { PublicPlatformRoute } from '@tenantpay/tenancy';
import { PLATFORM_AUTH_COOKIE_PATH } from '../auth/refresh-token-cookie';
import type { HeaderResponse } from '../http/header-response';
import type { SessionRequest } from '../auth/session-endpoints';
import { deliverSession, type SessionResponse } from '../auth/session-response';
import { AcceptPlatformInvitationDto } from './dto/accept-platform-invitation.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiOkResponse } from '@nestjs/swagger';
import { SessionTokensResponse } from '../auth/responses/session-tokens.response';

/**
 * Accepting an operator invitation, on the platform host: answers like the operator login (a session, its refresh
 * token where the caller asks for it). A tenant invitation's token is unknown here, and this one on a tenant's
 * acceptance route.
 */
@Controller('platform/invitations')
export class PlatformInvitationAcceptanceController {
  constructor(private readonly invitations: PlatformInvitationsService) {}

  /** Accept an operator invitation: set a password and sign in. */
  @DocumentedErrors(
    ErrorCode.InvitationNotFound,
    ErrorCode.InvitationExpired,
    ErrorCode.InvitationUsed,
    ErrorCode.InvitationRevoked,
    ErrorCode.WeakPassword,
    ErrorCode.Conflict,
  )
  @PublicPlatformRoute()
  @ApiOkResponse({ type: SessionTokensResponse })
  @Post('accept')
  @HttpCode(200)
  async accept(
    @Body() body: AcceptPlatformInvitationDto,
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
      cookiePath: PLATFORM_AUTH_COOKIE_PATH,
    });
  }
}
