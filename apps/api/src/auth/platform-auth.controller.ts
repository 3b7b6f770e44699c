import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import {
  type CurrentIdentity,
  CurrentIdentityService,
  LoginService,
  MfaLoginService,
} from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { BypassTenantIsolation, PublicPlatformRoute, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { LoginDto } from './dto/login.dto';
import { MfaLoginDto } from './dto/mfa-login.dto';
import { deliverLogin, type LoginResponse } from './login-response';
import type { HeaderResponse } from '../http/header-response';
import { PLATFORM_AUTH_COOKIE_PATH } from './refresh-token-cookie';
import type { SessionRequest } from './session-endpoints';
import { deliverSession, type SessionResponse } from './session-response';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiLoginResponse } from './api-login-response.decorator';
import { SessionTokensResponse } from './responses/session-tokens.response';
import { ApiCurrentIdentityResponse } from './api-current-identity-response.decorator';
import { CurrentPlatformUserResponse } from './responses/current-platform-user.response';

/** Platform operators: log in (no tenant) and see who they are. */
@Controller('platform/auth')
export class PlatformAuthController {
  constructor(
    private readonly login: LoginService,
    private readonly mfaLogin: MfaLoginService,
    private readonly identity: CurrentIdentityService,
  ) {}

  /** Log in a platform operator. */
  @DocumentedErrors(ErrorCode.Unauthorized)
  @PublicPlatformRoute()
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
    const issued = await this.login.loginPlatformUser(credentials, ip, request.headers['user-agent'] ?? null);
    return deliverLogin(issued, refreshTokenDelivery, {
      request,
      response,
      cookiePath: PLATFORM_AUTH_COOKIE_PATH,
    });
  }

  /** The second step for an account with MFA: the challenge plus a TOTP code or a recovery code. */
  @DocumentedErrors(ErrorCode.Unauthorized, ErrorCode.InvalidMfaCode, ErrorCode.Conflict)
  @PublicPlatformRoute()
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
      'platform-user',
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
      cookiePath: PLATFORM_AUTH_COOKIE_PATH,
    });
    // Only when this step also enrolled the factor (mandatory MFA): shown this once.
    return recoveryCodes === undefined ? delivered : { ...delivered, recoveryCodes };
  }

  /** The calling platform operator. */
  @ApiCurrentIdentityResponse(CurrentPlatformUserResponse)
  @Get('me')
  @BypassTenantIsolation('platform operator reads their own identity')
  @Roles(SUPER_ADMIN_ROLE)
  me(): Promise<CurrentIdentity> {
    return this.identity.describe();
  }
}
