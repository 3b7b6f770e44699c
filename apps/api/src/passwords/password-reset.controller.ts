import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { PasswordResetService } from '@tenantpay/identity';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { ConfirmPasswordResetDto } from './dto/confirm-password-reset.dto';
import { RequestPasswordResetDto } from './dto/request-password-reset.dto';
import { PASSWORD_RESET_REQUESTED } from './password-reset-requested';

/** Password reset by email for a tenant's users, on the tenant's host (or with X-Tenant-ID). */
@Controller('auth/password-reset')
@Public()
@RequiresTenant()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @HttpCode(202)
  async request(
    @Body() body: RequestPasswordResetDto,
    @Ip() ip: string,
  ): Promise<typeof PASSWORD_RESET_REQUESTED> {
    await this.resets.request(body.email, ip);
    return PASSWORD_RESET_REQUESTED;
  }

  @Post('confirm')
  @HttpCode(204)
  confirm(@Body() body: ConfirmPasswordResetDto, @Ip() ip: string): Promise<void> {
    return this.resets.confirm(body.token, body.password, ip);
  }
}
