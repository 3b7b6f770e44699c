import { ErrorCode } from '@tenantpay/platform';
import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { PlatformPasswordResetService } from '@tenantpay/identity';
import { PublicPlatformRoute } from '@tenantpay/tenancy';
import { ConfirmPasswordResetDto } from './dto/confirm-password-reset.dto';
import { RequestPasswordResetDto } from './dto/request-password-reset.dto';
import { PASSWORD_RESET_REQUESTED } from './password-reset-requested';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import { PasswordResetRequestedResponse } from './responses/password-reset-requested.response';

/**
 * Password reset by email for platform operators, on the platform host. Their tokens live apart from every
 * tenant's: a tenant user's reset token is unknown here, and an operator's is unknown on a tenant's route.
 */
@Controller('platform/auth/password-reset')
@PublicPlatformRoute()
export class PlatformPasswordResetController {
  constructor(private readonly resets: PlatformPasswordResetService) {}

  /** Ask for a password-reset email (the same answer whether or not the email exists). */
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
  )
  @Post('confirm')
  @HttpCode(204)
  confirm(@Body() body: ConfirmPasswordResetDto, @Ip() ip: string): Promise<void> {
    return this.resets.confirm(body.token, body.password, ip);
  }
}
