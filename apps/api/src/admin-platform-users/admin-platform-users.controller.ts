import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { PlatformUsersService, type PlatformUserView, toPlatformUserView } from '@tenantpay/identity';
import type { ListEnvelope } from '@tenantpay/platform';
import { BypassTenantIsolation, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { CreatePlatformUserDto } from './dto/create-platform-user.dto';

/** Platform operators, managed by super-admins. */
@Controller('admin/platform-users')
@BypassTenantIsolation('platform operator administration')
@Roles(SUPER_ADMIN_ROLE)
export class AdminPlatformUsersController {
  constructor(private readonly platformUsers: PlatformUsersService) {}

  @Post()
  async create(@Body() body: CreatePlatformUserDto, @Ip() ip: string): Promise<PlatformUserView> {
    return toPlatformUserView(await this.platformUsers.create(body.email, body.password, ip));
  }

  @Get()
  list(@Query() query: CursorPageQueryDto): Promise<ListEnvelope<PlatformUserView>> {
    return this.platformUsers.list(query.limit, query.starting_after);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<PlatformUserView> {
    return this.platformUsers.get(id);
  }

  /** Refused for oneself (403) and for the last active super-admin (409 `last_super_admin`). */
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id') id: string, @Ip() ip: string): Promise<PlatformUserView> {
    return this.platformUsers.deactivate(id, ip);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@Param('id') id: string, @Ip() ip: string): Promise<PlatformUserView> {
    return this.platformUsers.reactivate(id, ip);
  }
}
