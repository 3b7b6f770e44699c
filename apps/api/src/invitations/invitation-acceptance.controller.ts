import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { InvitationsService, type IssuedAccessToken } from '@tenantpay/identity';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';

/**
 * Accepting an invitation, on the tenant's host (or with X-Tenant-ID): the token only exists in that tenant,
 * so the same token on another tenant's host is simply unknown. Answers like a login.
 */
@Controller('invitations')
export class InvitationAcceptanceController {
  constructor(private readonly invitations: InvitationsService) {}

  @Public()
  @RequiresTenant()
  @Post('accept')
  @HttpCode(200)
  accept(@Body() body: AcceptInvitationDto, @Ip() ip: string): Promise<IssuedAccessToken> {
    return this.invitations.accept(body, ip);
  }
}
