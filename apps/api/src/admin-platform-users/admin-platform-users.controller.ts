import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { PlatformUsersService, type PlatformUserView, toPlatformUserView } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import { BypassTenantIsolation, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { CreatePlatformUserDto } from './dto/create-platform-user.dto';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { PlatformUserResponse } from './responses/platform-user.response';

/** Platform operators, managed by super-admins. */
@Controller('admin/platform-users')
@BypassTenantIsolation('platform operator administration')
@Roles(SUPER_ADMIN_ROLE)
export class AdminPlatformUsersController {
  constructor(private readonly platformUsers: PlatformUsersService) {}

  /** Create a platform operator. */
  @DocumentedErrors(ErrorCode.WeakPassword, ErrorCode.Conflict)
  @ApiCreatedResponse({ type: PlatformUserResponse })
  @Post()
  async create(@Body() body: CreatePlatformUserDto, @Ip() ip: string): Promise<PlatformUserView> {
    return toPlatformUserView(await this.platformUsers.create(body.email, body.password, ip));
  }

  /** List platform operators. */
  @ListResponse(PlatformUserResponse)
  @Get()
  list(@Query() query: CursorPageQueryDto): Promise<ListEnvelope<PlatformUserView>> {
    return this.platformUsers.list(query.limit, query.starting_after);
  }

  /** Get a platform operator. */
  @ApiOkResponse({ type: PlatformUserResponse })
  @Get(':id')
  get(@Param('id') id: string): Promise<PlatformUserView> {
    return this.platformUsers.get(id);
  }

  /** Refused for oneself (403) and for the last active super-admin (409 `last_super_admin`). */
  @DocumentedErrors(ErrorCode.LastSuperAdmin)
  @ApiOkResponse({ type: PlatformUserResponse })
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id') id: string, @Ip() ip: string): Promise<PlatformUserView> {
    return this.platformUsers.deactivate(id, ip);
  }

  /** Reactivate a platform operator. */
  @ApiOkResponse({ type: PlatformUserResponse })
  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@Param('id') id: string, @Ip() ip: string): Promise<PlatformUserView> {
    return this.platformUsers.reactivate(id, ip);
  }
}
