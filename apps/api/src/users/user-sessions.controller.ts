import { Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import type { ListEnvelope } from '@tenantpay/platform';
import { SessionEndReason, SessionsService, type SessionView, TenantUserRole } from '@tenantpay/identity';
import { Roles } from '@tenantpay/tenancy';
import { ApiOkResponse } from '@nestjs/swagger';
import { SessionListItemResponse } from '../auth/responses/session.response';
import { ListResponse } from '../openapi/list-response.decorator';
import { RevokedSessionsResponse } from './responses/revoked-sessions.response';

/** A tenant user's sessions, for the tenant's admins: see them, and end them all (e.g. a lost laptop). */
@Controller('users/:id/sessions')
@Roles(TenantUserRole.Admin)
export class UserSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /** A user's active sessions. */
  @ListResponse(SessionListItemResponse)
  @Get()
  list(@Param('id') id: string): Promise<ListEnvelope<SessionView>> {
    return this.sessions.listOfUser(id);
  }

  /** End all of a user's sessions. */
  @ApiOkResponse({ type: RevokedSessionsResponse })
  @Post('revoke')
  @HttpCode(200)
  async revokeAll(@Param('id') id: string, @Ip() ip: string): Promise<{ revoked: number }> {
    return { revoked: await this.sessions.revokeAllOfUser(id, SessionEndReason.RevokedByAdmin, ip) };
  }
}
