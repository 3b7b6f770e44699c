import { Body, Controller, Get, HttpCode, Ip, Param, Post, Req, Res } from '@nestjs/common';
import type { ListEnvelope } from '@tenantpay/platform';
import { SessionsService, type SessionView } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { RefreshDto } from './dto/refresh.dto';
import type { HeaderResponse } from '../http/header-response';
import { TENANT_AUTH_COOKIE_PATH } from './refresh-token-cookie';
import { SessionEndpoints, type SessionRequest } from './session-endpoints';
import type { SessionResponse } from './session-response';
import { ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { SessionListItemResponse } from './responses/session.response';
import { SessionTokensResponse } from './responses/session-tokens.response';

/**
 * Tenant users' sessions: refresh (refresh token in the body or the portal's cookie), logout, and their own
 * session list. The refresh token only finds a session of the tenant the host or X-Tenant-ID names.
 */
@Controller('auth')
export class SessionsController {
  private readonly endpoints: SessionEndpoints;

  constructor(private readonly sessions: SessionsService) {
    this.endpoints = new SessionEndpoints(sessions, 'user', TENANT_AUTH_COOKIE_PATH);
  }

  /** Exchange a refresh token for new access and refresh tokens. */
  @DocumentedErrors(ErrorCode.Unauthorized, ErrorCode.RefreshTokenReused)
  @Public()
  @RequiresTenant()
  @ApiOkResponse({ type: SessionTokensResponse })
  @Post('refresh')
  @HttpCode(200)
  refresh(
    @Body() body: RefreshDto,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<SessionResponse> {
    return this.endpoints.refresh(body, request, response);
  }

  /** Ends the session of the access token: it stops working on every instance from the next request. */
  @Post('logout')
  @HttpCode(204)
  logout(
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<void> {
    return this.endpoints.logout(request, response);
  }

  /** The caller's active sessions. */
  @ListResponse(SessionListItemResponse)
  @Get('sessions')
  list(): Promise<ListEnvelope<SessionView>> {
    return this.sessions.listOwn();
  }

  /** End one of the caller's sessions. */
  @Post('sessions/:id/revoke')
  @HttpCode(204)
  revoke(@Param('id') id: string, @Ip() ip: string): Promise<void> {
    return this.sessions.revokeOwn(id, ip);
  }
}
