import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { AuthController } from './auth.controller';
import { PlatformAuthController } from './platform-auth.controller';

/** Login and "who am I" for tenant users and platform operators. */
@Module({ imports: [IdentityModule], controllers: [AuthController, PlatformAuthController] })
export class AuthModule {}
