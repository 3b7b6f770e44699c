import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { AdminPlatformInvitationsController } from './admin-platform-invitations.controller';
import { AdminPlatformUsersController } from './admin-platform-users.controller';

/** Super-admin routes for platform operators and their invitations. */
@Module({
  imports: [IdentityModule],
  controllers: [AdminPlatformUsersController, AdminPlatformInvitationsController],
})
export class AdminPlatformUsersModule {}
