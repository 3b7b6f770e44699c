import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { AdminPlatformUsersController } from './admin-platform-users.controller';

/** Super-admin routes for platform operators. */
@Module({ imports: [IdentityModule], controllers: [AdminPlatformUsersController] })
export class AdminPlatformUsersModule {}
