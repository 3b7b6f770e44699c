import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { PasswordResetService } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ConfirmPasswordResetDto } from './dto/confirm-password-reset.dto';
import { RequestPasswordResetDto } from './dto/request-password-reset.dto';
import { PASSWORD_RESET_REQUESTED } from './password-reset-requested';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import { PasswordResetRequestedResponse } from './responses/password-reset-requested.response';

/** Password reset by email for a tenant's users, on the tenant's host (or with X-Tenant-ID). */
@Controller('auth/password-reset')
@Public()
@RequiresTenant()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** Request a password reset email. */
  @DocumentedErrors(ErrorCode.TenantArchived)
  @ApiAcceptedResponse({ type: PasswordResetRequestedResponse })
  @Post()
  @HttpCode(202)
  async request(
    @Body() body: RequestPasswordResetDto,
    @Ip() ip: string,
  ): Promise<typeof PASSWORD_RESET_REQUESTED> {
    await this.resets.request(body.email, ip);
    return PASSWORD_RESET_REQUESTED;
  }

  /** Set a new password with a reset token. */
  @DocumentedErrors(
    ErrorCode.WeakPassword,
    ErrorCode.PasswordResetTokenNotFound,
    ErrorCode.PasswordResetTokenExpired,
    ErrorCode.PasswordResetTokenUsed,
    ErrorCode.TenantArchived,
  )
  @Post('confirm')
  @HttpCode(204)
  confirm(@Body() body: ConfirmPasswordResetDto, @Ip() ip: string): Promise<void> {
    return this.resets.confirm(body.token, body.password, ip);
  }
}
