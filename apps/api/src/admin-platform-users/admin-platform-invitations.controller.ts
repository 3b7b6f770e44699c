import { ErrorCode, type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { PlatformInvitationsService, type PlatformInvitationView } from '@tenantpay/identity';
import { BypassTenantIsolation, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { CreatePlatformInvitationDto } from './dto/create-platform-invitation.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { PlatformInvitationResponse } from './responses/platform-invitation.response';

/** Super-admins invite platform operators by email, see who is still invited, resend and revoke. */
@Controller('admin/platform-invitations')
@BypassTenantIsolation('platform operator invitations')
@Roles(SUPER_ADMIN_ROLE)
export class AdminPlatformInvitationsController {
  constructor(private readonly invitations: PlatformInvitationsService) {}

  /** Invite a platform operator by email; 409 `conflict` when one is pending (resend it) or the operator exists. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiCreatedResponse({ type: PlatformInvitationResponse })
  @Post()
  invite(@Body() body: CreatePlatformInvitationDto, @Ip() ip: string): Promise<PlatformInvitationView> {
    return this.invitations.invite(body.email, ip);
  }

  /** The pending operator invitations. */
  @ListResponse(PlatformInvitationResponse)
  @Get()
  /** A handful at most (invitations expire): one page holds them all. */
  async listPending(): Promise<ListEnvelope<PlatformInvitationView>> {
    return listEnvelope(await this.invitations.listPending(), false);
  }

  /** Send a pending invitation again with a new link (the old one stops working). */
  @DocumentedErrors(ErrorCode.NotFound, ErrorCode.Conflict)
  @ApiOkResponse({ type: PlatformInvitationResponse })
  @Post(':id/resend')
  @HttpCode(200)
  resend(@Param('id') id: string, @Ip() ip: string): Promise<PlatformInvitationView> {
    return this.invitations.resend(id, ip);
  }

  /** Revoke a pending invitation. */
  @DocumentedErrors(ErrorCode.NotFound, ErrorCode.Conflict)
  @ApiOkResponse({ type: PlatformInvitationResponse })
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string, @Ip() ip: string): Promise<PlatformInvitationView> {
    return this.invitations.revoke(id, ip);
  }
}
