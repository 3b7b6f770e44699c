import { Module } from '@nestjs/common';
import { PasswordChangeController } from './password-change.controller';
import { PasswordResetController } from './password-reset.controller';

/** Password reset by email and password change; the services come from IdentityModule. */
@Module({ controllers: [PasswordResetController, PasswordChangeController] })
export class PasswordsApiModule {}
