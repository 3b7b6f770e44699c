import { Body, Controller, Get, HttpCode, Ip, Param, Post, Req, Res } from '@nestjs/common';
import type { ListEnvelope } from '@tenantpay/platform';
import { SessionsService, type SessionView } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { BypassTenantIsolation, PublicPlatformRoute, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { RefreshDto } from './dto/refresh.dto';
import type { HeaderResponse } from '../http/header-response';
import { PLATFORM_AUTH_COOKIE_PATH } from './refresh-token-cookie';
import { SessionEndpoints, type SessionRequest } from './session-endpoints';
import type { SessionResponse } from './session-response';
import { ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { SessionListItemResponse } from './responses/session.response';
import { SessionTokensResponse } from './responses/session-tokens.response';

/** Platform operators' sessions: the same rules as tenant users' (SessionsController), without a tenant. */
@Controller('platform/auth')
export class PlatformSessionsController {
  private readonly endpoints: SessionEndpoints;

  constructor(private readonly sessions: SessionsService) {
    this.endpoints = new SessionEndpoints(sessions, 'platform-user', PLATFORM_AUTH_COOKIE_PATH);
  }

  /** Exchange a platform refresh token for new tokens. */
  @DocumentedErrors(ErrorCode.Unauthorized, ErrorCode.RefreshTokenReused)
  @PublicPlatformRoute()
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

  /** End the platform operator's current session. */
  @Post('logout')
  @HttpCode(204)
  @BypassTenantIsolation('platform operator ends their own session')
  @Roles(SUPER_ADMIN_ROLE)
  logout(
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<void> {
    return this.endpoints.logout(request, response);
  }

  /** The platform operator's active sessions. */
  @ListResponse(SessionListItemResponse)
  @Get('sessions')
  @BypassTenantIsolation('platform operator lists their own sessions')
  @Roles(SUPER_ADMIN_ROLE)
  list(): Promise<ListEnvelope<SessionView>> {
    return this.sessions.listOwn();
  }

  /** End one of the platform operator's sessions. */
  @Post('sessions/:id/revoke')
  @HttpCode(204)
  @BypassTenantIsolation('platform operator ends one of their own sessions')
  @Roles(SUPER_ADMIN_ROLE)
  revoke(@Param('id') id: string, @Ip() ip: string): Promise<void> {
    return this.sessions.revokeOwn(id, ip);
  }
}
