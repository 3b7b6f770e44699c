import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { PasswordResetService } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ConfirmPasswordResetDto } from './dto/confirm-password-reset.dto';
import { RequestPasswordResetDto } from './dto/request-password-reset.dto';

/** The same answer whatever the email: the request never tells whether an account exists. */
const RESET_REQUESTED = {
  status: 'requested',
  message: 'If an account exists for this email, a link to reset its password is on its way.',
} as const;

/** Password reset by email for a tenant's users, on the tenant's host (or with X-Tenant-ID). */
@Controller('auth/password-reset')
@Public()
@RequiresTenant()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** Request a password reset email. */
  @DocumentedErrors(ErrorCode.TenantArchived)
  @Post()
  @HttpCode(202)
  async request(@Body() body: RequestPasswordResetDto, @Ip() ip: string): Promise<typeof RESET_REQUESTED> {
    await this.resets.request(body.email, ip);
    return RESET_REQUESTED;
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
