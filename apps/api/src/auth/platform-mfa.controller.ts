import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { type MfaEnrolment, type MfaRecoveryCodes, MfaService, type MfaStatus } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { BypassTenantIsolation, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { MfaCodeDto } from './dto/mfa-code.dto';
import { MfaDisableDto } from './dto/mfa-disable.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { MfaEnrolmentResponse } from './responses/mfa-enrolment.response';
import { MfaRecoveryCodesResponse } from './responses/mfa-recovery-codes.response';
import { MfaStatusResponse } from './responses/mfa-status.response';

/** Platform operators manage their own TOTP factor, with the same rules as tenant users (MfaController). */
@Controller('platform/auth/mfa')
@Roles(SUPER_ADMIN_ROLE)
export class PlatformMfaController {
  constructor(private readonly mfa: MfaService) {}

  /** The platform operator's MFA status. */
  @ApiOkResponse({ type: MfaStatusResponse })
  @Get()
  @BypassTenantIsolation('platform operator reads their own second factor')
  status(): Promise<MfaStatus> {
    return this.mfa.status();
  }

  /** Start TOTP enrolment for the platform operator. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: MfaEnrolmentResponse })
  @Post('totp')
  @HttpCode(200)
  @BypassTenantIsolation('platform operator enrols their own second factor')
  enrol(@Ip() ip: string): Promise<MfaEnrolment> {
    return this.mfa.enrol(ip);
  }

  /** Confirm the platform operator's TOTP enrolment. */
  @DocumentedErrors(ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @ApiOkResponse({ type: MfaRecoveryCodesResponse })
  @Post('totp/confirm')
  @HttpCode(200)
  @BypassTenantIsolation('platform operator confirms their own second factor')
  confirm(@Body() body: MfaCodeDto, @Ip() ip: string): Promise<MfaRecoveryCodes> {
    return this.mfa.confirm(body.code, ip);
  }

  /** Replace the platform operator's recovery codes. */
  @DocumentedErrors(ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @ApiOkResponse({ type: MfaRecoveryCodesResponse })
  @Post('recovery-codes')
  @HttpCode(200)
  @BypassTenantIsolation('platform operator regenerates their own recovery codes')
  regenerateRecoveryCodes(@Body() body: MfaCodeDto, @Ip() ip: string): Promise<MfaRecoveryCodes> {
    return this.mfa.regenerateRecoveryCodes(body.code, ip);
  }

  /** Turn off the platform operator's MFA. */
  @DocumentedErrors(ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @Post('disable')
  @HttpCode(204)
  @BypassTenantIsolation('platform operator disables their own second factor')
  disable(@Body() body: MfaDisableDto, @Ip() ip: string): Promise<void> {
    return this.mfa.disable(body, ip);
  }
}
