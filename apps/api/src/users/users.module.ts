import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { UsersController } from './users.controller';

/** Tenant user management. */
@Module({ imports: [IdentityModule], controllers: [UsersController] })
export class UsersModule {}
