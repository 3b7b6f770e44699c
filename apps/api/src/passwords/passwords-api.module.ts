import { Module } from '@nestjs/common';
import { PasswordChangeController } from './password-change.controller';
import { PasswordResetController } from './password-reset.controller';
import { PlatformPasswordResetController } from './platform-password-reset.controller';

/** Password reset by email (tenant users and platform operators) and password change; services from IdentityModule. */
@Module({ controllers: [PasswordResetController, PlatformPasswordResetController, PasswordChangeController] })
export class PasswordsApiModule {}
