import { Module } from '@nestjs/common';
import { InvitationAcceptanceController } from './invitation-acceptance.controller';
import { InvitationsController } from './invitations.controller';
import { PlatformInvitationAcceptanceController } from './platform-invitation-acceptance.controller';

/**
 * Invitations: tenant admins' management routes, the public acceptance of tenant and of platform invitations;
 * the services come from IdentityModule.
 */
@Module({
  controllers: [
    InvitationAcceptanceController,
    InvitationsController,
    PlatformInvitationAcceptanceController,
  ],
})
export class InvitationsModule {}
