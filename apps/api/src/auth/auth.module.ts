import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { MfaController } from './mfa.controller';
import { MfaPolicyController } from './mfa-policy.controller';
import { PlatformAuthController } from './platform-auth.controller';
import { PlatformMfaController } from './platform-mfa.controller';
import { PlatformSessionsController } from './platform-sessions.controller';
import { SessionsController } from './sessions.controller';

/** Login (with its MFA step), own second factor, sessions (refresh, logout, session lists) and "who am I" for tenant users and platform operators. */
@Module({
  imports: [IdentityModule],
  controllers: [
    AuthController,
    MeController,
    PlatformAuthController,
    SessionsController,
    PlatformSessionsController,
    MfaController,
    PlatformMfaController,
    MfaPolicyController,
  ],
})
export class AuthModule {}
