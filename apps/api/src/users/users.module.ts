import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { UserSessionsController } from './user-sessions.controller';
import { UsersController } from './users.controller';

/** Tenant user management: users, their seats, locks and sessions. */
@Module({ imports: [IdentityModule], controllers: [UsersController, UserSessionsController] })
export class UsersModule {}
