import { Module } from '@nestjs/common';
import { InvitationAcceptanceController } from './invitation-acceptance.controller';
import { InvitationsController } from './invitations.controller';

/** Invitations: admins' management routes and the public acceptance; the service comes from IdentityModule. */
@Module({ controllers: [InvitationAcceptanceController, InvitationsController] })
export class InvitationsModule {}
