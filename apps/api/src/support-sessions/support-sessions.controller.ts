import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { SupportSessionsService, type SupportSessionView, TenantUserRole } from '@tenantpay/identity';
import { Roles } from '@tenantpay/tenancy';

/** The tenant's admins see who from the platform is looking at their tenant, and may end it. */
@Controller('support-sessions')
@Roles(TenantUserRole.Admin)
export class SupportSessionsController {
  constructor(private readonly sessions: SupportSessionsService) {}

  /** Support sessions currently open on the tenant. */
  @Get()
  async listActive(): Promise<{ data: SupportSessionView[] }> {
    return { data: await this.sessions.listActive() };
  }

  /** Its token stops working at the next request, on every instance. */
  @Post(':id/end')
  @HttpCode(200)
  end(@Param('id') id: string): Promise<SupportSessionView> {
    return this.sessions.end(id);
  }
}
