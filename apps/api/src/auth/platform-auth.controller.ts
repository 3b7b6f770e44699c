import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  type CurrentIdentity,
  CurrentIdentityService,
  type IssuedAccessToken,
  LoginService,
} from '@tenantpay/identity';
import { BypassTenantIsolation, Public, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { LoginDto } from './dto/login.dto';

/** Platform operators: log in (no tenant) and see who they are. */
@Controller('platform/auth')
export class PlatformAuthController {
  constructor(
    private readonly login: LoginService,
    private readonly identity: CurrentIdentityService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  logIn(@Body() body: LoginDto, @Ip() ip: string): Promise<IssuedAccessToken> {
    return this.login.loginPlatformUser(body, ip);
  }

  @Get('me')
  @BypassTenantIsolation('platform operator reads their own identity')
  @Roles(SUPER_ADMIN_ROLE)
  me(): Promise<CurrentIdentity> {
    return this.identity.describe();
  }
}
