import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { type MfaEnrolment, type MfaRecoveryCodes, MfaService, type MfaStatus } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { MfaCodeDto } from './dto/mfa-code.dto';
import { MfaDisableDto } from './dto/mfa-disable.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { MfaEnrolmentResponse } from './responses/mfa-enrolment.response';
import { MfaRecoveryCodesResponse } from './responses/mfa-recovery-codes.response';
import { MfaStatusResponse } from './responses/mfa-status.response';

/** Tenant users manage their own TOTP factor (the platform's operators: PlatformMfaController). */
@Controller('auth/mfa')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  /** The caller's MFA status. */
  @ApiOkResponse({ type: MfaStatusResponse })
  @Get()
  status(): Promise<MfaStatus> {
    return this.mfa.status();
  }

  /** A new secret and its otpauth:// URI, shown this once; active after `confirm`. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: MfaEnrolmentResponse })
  @Post('totp')
  @HttpCode(200)
  enrol(@Ip() ip: string): Promise<MfaEnrolment> {
    return this.mfa.enrol(ip);
  }

  /** Activates the enrolment with a code from the app; answers the ten recovery codes, shown this once. */
  @DocumentedErrors(ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @ApiOkResponse({ type: MfaRecoveryCodesResponse })
  @Post('totp/confirm')
  @HttpCode(200)
  confirm(@Body() body: MfaCodeDto, @Ip() ip: string): Promise<MfaRecoveryCodes> {
    return this.mfa.confirm(body.code, ip);
  }

  /** Replace the caller's recovery codes (shown once). */
  @DocumentedErrors(ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @ApiOkResponse({ type: MfaRecoveryCodesResponse })
  @Post('recovery-codes')
  @HttpCode(200)
  regenerateRecoveryCodes(@Body() body: MfaCodeDto, @Ip() ip: string): Promise<MfaRecoveryCodes> {
    return this.mfa.regenerateRecoveryCodes(body.code, ip);
  }

  /** Turn off the caller's MFA. */
  @DocumentedErrors(ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @Post('disable')
  @HttpCode(204)
  disable(@Body() body: MfaDisableDto, @Ip() ip: string): Promise<void> {
    return this.mfa.disable(body, ip);
  }
}
