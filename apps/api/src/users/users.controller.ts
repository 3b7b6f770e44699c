import { Body, Controller, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { TenantUserRole, type TenantUserView, UsersService } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import { Roles } from '@tenantpay/tenancy';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { TenantUserResponse } from './responses/tenant-user.response';

/** The tenant's users, managed by its admins. */
@Controller('users')
@Roles(TenantUserRole.Admin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Create a user in the tenant. */
  @DocumentedErrors(ErrorCode.Conflict, ErrorCode.UserLimitReached)
  @ApiCreatedResponse({ type: TenantUserResponse })
  @Post()
  create(@Body() body: CreateUserDto, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.create(body, ip);
  }

  /** List the tenant's users. */
  @ListResponse(TenantUserResponse)
  @Get()
  list(@Query() query: CursorPageQueryDto): Promise<ListEnvelope<TenantUserView>> {
    return this.users.list(query.limit, query.starting_after);
  }

  /** Get a user. */
  @ApiOkResponse({ type: TenantUserResponse })
  @Get(':id')
  get(@Param('id') id: string): Promise<TenantUserView> {
    return this.users.get(id);
  }

  /** Change a user's role. */
  @ApiOkResponse({ type: TenantUserResponse })
  @Patch(':id/role')
  changeRole(
    @Param('id') id: string,
    @Body() body: ChangeRoleDto,
    @Ip() ip: string,
  ): Promise<TenantUserView> {
    return this.users.changeRole(id, body.role, ip);
  }

  /** Deactivate a user. */
  @ApiOkResponse({ type: TenantUserResponse })
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id') id: string, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.deactivate(id, ip);
  }

  /** Reactivates a deactivated user if the tier has a seat left (403 `user_limit_reached` otherwise). */
  @DocumentedErrors(ErrorCode.UserLimitReached)
  @ApiOkResponse({ type: TenantUserResponse })
  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@Param('id') id: string, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.reactivate(id, ip);
  }

  /** Clears the lock that five failed logins put on the account. */
  @ApiOkResponse({ type: TenantUserResponse })
  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@Param('id') id: string, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.unlock(id, ip);
  }
}
