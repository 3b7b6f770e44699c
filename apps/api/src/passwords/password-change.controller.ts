import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { PasswordChangeService } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import {
  AccessDeniedException,
  BypassTenantIsolation,
  CurrentPrincipal,
  type Principal,
  Roles,
  SUPER_ADMIN_ROLE,
} from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';

/** Signed-in people change their own password (the current one required). API keys have no password. */
@Controller()
export class PasswordChangeController {
  constructor(private readonly passwords: PasswordChangeService) {}

  /** Change the caller's password. */
  @DocumentedErrors(ErrorCode.InvalidCurrentPassword, ErrorCode.WeakPassword)
  @Post('auth/password')
  @HttpCode(204)
  changeOwn(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal | null,
    @Ip() ip: string,
  ): Promise<void> {
    if (principal?.kind !== 'user')
      throw new AccessDeniedException('Only a signed-in user has a password to change.');
    return this.passwords.changeForTenantUser(
      principal.userId,
      principal.sessionId,
      body.currentPassword,
      body.newPassword,
      ip,
    );
  }

  /** Change the platform operator's password. */
  @DocumentedErrors(ErrorCode.InvalidCurrentPassword, ErrorCode.WeakPassword)
  @Post('platform/auth/password')
  @HttpCode(204)
  @BypassTenantIsolation('platform operator changes their own password')
  @Roles(SUPER_ADMIN_ROLE)
  changeOwnPlatform(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal | null,
    @Ip() ip: string,
  ): Promise<void> {
    if (principal?.kind !== 'platform-user')
      throw new AccessDeniedException('Only a signed-in operator has a password to change.');
    return this.passwords.changeForPlatformUser(
      principal.userId,
      principal.sessionId,
      body.currentPassword,
      body.newPassword,
      ip,
    );
  }
}
