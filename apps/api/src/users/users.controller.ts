import { Body, Controller, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { TenantUserRole, type TenantUserView, UsersService } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import { Roles } from '@tenantpay/tenancy';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';

/** The tenant's users, managed by its admins. */
@Controller('users')
@Roles(TenantUserRole.Admin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Create a user in the tenant. */
  @DocumentedErrors(ErrorCode.Conflict, ErrorCode.UserLimitReached)
  @Post()
  create(@Body() body: CreateUserDto, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.create(body, ip);
  }

  /** List the tenant's users. */
  @Get()
  list(@Query() query: CursorPageQueryDto): Promise<ListEnvelope<TenantUserView>> {
    return this.users.list(query.limit, query.starting_after);
  }

  /** Get a user. */
  @Get(':id')
  get(@Param('id') id: string): Promise<TenantUserView> {
    return this.users.get(id);
  }

  /** Change a user's role. */
  @Patch(':id/role')
  changeRole(
    @Param('id') id: string,
    @Body() body: ChangeRoleDto,
    @Ip() ip: string,
  ): Promise<TenantUserView> {
    return this.users.changeRole(id, body.role, ip);
  }

  /** Deactivate a user. */
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id') id: string, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.deactivate(id, ip);
  }

  /** Reactivates a deactivated user if the tier has a seat left (403 `user_limit_reached` otherwise). */
  @DocumentedErrors(ErrorCode.UserLimitReached)
  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@Param('id') id: string, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.reactivate(id, ip);
  }

  /** Clears the lock that five failed logins put on the account. */
  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@Param('id') id: string, @Ip() ip: string): Promise<TenantUserView> {
    return this.users.unlock(id, ip);
  }
}
