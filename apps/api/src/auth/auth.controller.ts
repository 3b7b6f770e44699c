import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  type CurrentIdentity,
  CurrentIdentityService,
  type IssuedAccessToken,
  LoginService,
} from '@tenantpay/identity';
import { Public, RequiresTenant } from '@tenantpay/tenancy';
import { LoginDto } from './dto/login.dto';

/** Tenant users: log in to the tenant named by the host or X-Tenant-ID, and see who they are. */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly identity: CurrentIdentityService,
  ) {}

  @Public()
  @RequiresTenant()
  @Post('login')
  @HttpCode(200)
  logIn(@Body() body: LoginDto, @Ip() ip: string): Promise<IssuedAccessToken> {
    return this.login.loginTenantUser(body, ip);
  }

  @Get('me')
  me(): Promise<CurrentIdentity> {
    return this.identity.describe();
  }
}
