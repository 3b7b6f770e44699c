import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { LoginService, type MfaEnrolment, MfaLoginService } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { LoginDto } from './dto/login.dto';
import { MfaEnrolmentChallengeDto } from './dto/mfa-enrolment-challenge.dto';
import { MfaLoginDto } from './dto/mfa-login.dto';
import { deliverLogin, type LoginResponse } from './login-response';
import type { HeaderResponse } from '../http/header-response';
import { TENANT_AUTH_COOKIE_PATH } from './refresh-token-cookie';
import type { SessionRequest } from './session-endpoints';
import { deliverSession, type SessionResponse } from './session-response';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiLoginResponse } from './api-login-response.decorator';
import { SessionTokensResponse } from './responses/session-tokens.response';
import { MfaEnrolmentResponse } from './responses/mfa-enrolment.response';

/** Tenant users: log in to the tenant named by the host or X-Tenant-ID (who they are: MeController). */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly mfaLogin: MfaLoginService,
  ) {}

  /** Log in a tenant user with email and password. */
  @DocumentedErrors(ErrorCode.Unauthorized)
  @Public()
  @RequiresTenant()
  @ApiLoginResponse()
  @Post('login')
  @HttpCode(200)
  async logIn(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<LoginResponse> {
    const { refreshTokenDelivery, ...credentials } = body;
    const issued = await this.login.loginTenantUser(credentials, ip, request.headers['user-agent'] ?? null);
    return deliverLogin(issued, refreshTokenDelivery, {
      request,
      response,
      cookiePath: TENANT_AUTH_COOKIE_PATH,
    });
  }

  /** The second step for an account with MFA: the challenge plus a TOTP code or a recovery code. */
  @DocumentedErrors(ErrorCode.Unauthorized, ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @Public()
  @RequiresTenant()
  @ApiOkResponse({ type: SessionTokensResponse })
  @Post('login/mfa')
  @HttpCode(200)
  async completeMfaLogin(
    @Body() body: MfaLoginDto,
    @Ip() ip: string,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<SessionResponse & { readonly recoveryCodes?: readonly string[] }> {
    const { session, recoveryCodes } = await this.mfaLogin.complete(
      'user',
      body.challengeToken,
      {
        ...(body.code === undefined ? {} : { code: body.code }),
        ...(body.recoveryCode === undefined ? {} : { recoveryCode: body.recoveryCode }),
      },
      ip,
      request.headers['user-agent'] ?? null,
    );
    const delivered = deliverSession(session, body.refreshTokenDelivery, {
      request,
      response,
      cookiePath: TENANT_AUTH_COOKIE_PATH,
    });
    // Only when this step also enrolled the factor (mandatory MFA): shown this once.
    return recoveryCodes === undefined ? delivered : { ...delivered, recoveryCodes };
  }

  /**
   * Mandatory MFA, user without a factor: the enrolment challenge buys a secret (shown once), then `login/mfa`
   * with a code of it activates the factor and opens the session.
   */
  @DocumentedErrors(ErrorCode.Unauthorized, ErrorCode.InvalidMfaCode)
  @Public()
  @RequiresTenant()
  @ApiOkResponse({ type: MfaEnrolmentResponse })
  @Post('login/mfa/enrol')
  @HttpCode(200)
  startEnrolment(@Body() body: MfaEnrolmentChallengeDto, @Ip() ip: string): Promise<MfaEnrolment> {
    return this.mfaLogin.startEnrolment('user', body.challengeToken, ip);
  }
}
