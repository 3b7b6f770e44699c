import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { SupportSessionsService, type SupportSessionView, TenantUserRole } from '@tenantpay/identity';
import { type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { Roles } from '@tenantpay/tenancy';
import { ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { SupportSessionResponse } from './responses/support-session.response';

/** The tenant's admins see who from the platform is looking at their tenant, and may end it. */
@Controller('support-sessions')
@Roles(TenantUserRole.Admin)
export class SupportSessionsController {
  constructor(private readonly sessions: SupportSessionsService) {}

  /** Support sessions currently open on the tenant. */
  @ListResponse(SupportSessionResponse)
  @Get()
  /** Only the live ones, and support sessions are short and few: one page holds them all. */
  async listActive(): Promise<ListEnvelope<SupportSessionView>> {
    return listEnvelope(await this.sessions.listActive(), false);
  }

  /** Its token stops working at the next request, on every instance. */
  @ApiOkResponse({ type: SupportSessionResponse })
  @Post(':id/end')
  @HttpCode(200)
  end(@Param('id') id: string): Promise<SupportSessionView> {
    return this.sessions.end(id);
  }
}
