import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { LoginService } from '@tenantpay/identity';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { LoginDto } from './dto/login.dto';
import { type HeaderResponse, TENANT_AUTH_COOKIE_PATH } from './refresh-token-cookie';
import type { SessionRequest } from './session-endpoints';
import { deliverSession, type SessionResponse } from './session-response';

/** Tenant users: log in to the tenant named by the host or X-Tenant-ID (who they are: MeController). */
@Controller('auth')
export class AuthController {
  constructor(private readonly login: LoginService) {}

  @Public()
  @RequiresTenant()
  @Post('login')
  @HttpCode(200)
  async logIn(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<SessionResponse> {
    const { refreshTokenDelivery, ...credentials } = body;
    const issued = await this.login.loginTenantUser(credentials, ip, request.headers['user-agent'] ?? null);
    return deliverSession(issued, refreshTokenDelivery, {
      request,
      response,
      cookiePath: TENANT_AUTH_COOKIE_PATH,
    });
  }
}
