import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { type InvitationView, InvitationsService, TenantUserRole } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import { Roles } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { InvitationResponse } from './responses/invitation.response';

/** The tenant's admins invite people, see who is still invited, resend and revoke. */
@Controller('invitations')
@Roles(TenantUserRole.Admin)
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Invite a user by email. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiCreatedResponse({ type: InvitationResponse })
  @Post()
  invite(@Body() body: CreateInvitationDto, @Ip() ip: string): Promise<InvitationView> {
    return this.invitations.invite(body, ip);
  }

  /** List pending invitations. */
  @ListResponse(InvitationResponse)
  @Get()
  listPending(@Query() query: CursorPageQueryDto): Promise<ListEnvelope<InvitationView>> {
    return this.invitations.listPending(query.limit, query.starting_after);
  }

  /** Resend an invitation with a new token. */
  @ApiOkResponse({ type: InvitationResponse })
  @Post(':id/resend')
  @HttpCode(200)
  resend(@Param('id') id: string, @Ip() ip: string): Promise<InvitationView> {
    return this.invitations.resend(id, ip);
  }

  /** Revoke an invitation. */
  @ApiOkResponse({ type: InvitationResponse })
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string, @Ip() ip: string): Promise<InvitationView> {
    return this.invitations.revoke(id, ip);
  }
}
