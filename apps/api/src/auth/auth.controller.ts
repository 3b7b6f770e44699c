import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { LoginService, MfaLoginService } from '@tenantpay/identity';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { LoginDto } from './dto/login.dto';
import { MfaLoginDto } from './dto/mfa-login.dto';
import { deliverLogin, type LoginResponse } from './login-response';
import { type HeaderResponse, TENANT_AUTH_COOKIE_PATH } from './refresh-token-cookie';
import type { SessionRequest } from './session-endpoints';
import { deliverSession, type SessionResponse } from './session-response';

/** Tenant users: log in to the tenant named by the host or X-Tenant-ID (who they are: MeController). */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly mfaLogin: MfaLoginService,
  ) {}

  @Public()
  @RequiresTenant()
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
  @Public()
  @RequiresTenant()
  @Post('login/mfa')
  @HttpCode(200)
  async completeMfaLogin(
    @Body() body: MfaLoginDto,
    @Ip() ip: string,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<SessionResponse> {
    const issued = await this.mfaLogin.complete(
      'user',
      body.challengeToken,
      {
        ...(body.code === undefined ? {} : { code: body.code }),
        ...(body.recoveryCode === undefined ? {} : { recoveryCode: body.recoveryCode }),
      },
      ip,
      request.headers['user-agent'] ?? null,
    );
    return deliverSession(issued, body.refreshTokenDelivery, {
      request,
      response,
      cookiePath: TENANT_AUTH_COOKIE_PATH,
    });
  }
}
