import { ErrorCode } from '@tenantpay/platform';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { type OpenedSupportSession, SupportSessionsService } from '@tenantpay/identity';
import {
  BypassTenantIsolation,
  CurrentPrincipal,
  type Principal,
  principalActorId,
  Roles,
  SUPER_ADMIN_ROLE,
} from '@tenantpay/tenancy';
import { OpenSupportSessionDto } from './dto/open-support-session.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { OpenedSupportSessionResponse } from './responses/opened-support-session.response';

/** Platform operators open time-boxed, read-only support sessions into one tenant (issue 13 §6). */
@DocumentedErrors(ErrorCode.TenantNotFound)
@Controller('admin/tenants/:id/support-sessions')
@BypassTenantIsolation('support session opening')
@Roles(SUPER_ADMIN_ROLE)
export class AdminSupportSessionsController {
  constructor(private readonly sessions: SupportSessionsService) {}

  /** 201 with the token, shown once: `Authorization: Bearer <token>` on the tenant's routes, reads only. */
  @ApiCreatedResponse({ type: OpenedSupportSessionResponse })
  @Post()
  open(
    @Param('id') tenantId: string,
    @Body() body: OpenSupportSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OpenedSupportSession> {
    return this.sessions.open(tenantId, principalActorId(principal), body.reason, body.durationMinutes);
  }
}
