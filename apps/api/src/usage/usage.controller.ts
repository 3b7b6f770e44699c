import { Controller, Get, Query } from '@nestjs/common';
import { TenantUserRole } from '@tenantpay/identity';
import { Roles, Scopes } from '@tenantpay/tenancy';
import { type UsageReport, UsageReportService } from '@tenantpay/usage';
import { UsagePeriodQueryDto } from './dto/usage-period.query.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { UsageReportResponse } from './responses/usage-report.response';

/** The tenant's own usage for a period, with its limits and how much of them is used. */
@Controller('usage')
export class UsageController {
  constructor(private readonly reports: UsageReportService) {}

  /** The tenant's usage in a billing period against its plan's limits. */
  @ApiOkResponse({ type: UsageReportResponse })
  @Get()
  @Roles(TenantUserRole.Admin, TenantUserRole.Viewer)
  @Scopes('usage:read')
  get(@Query() query: UsagePeriodQueryDto): Promise<UsageReport> {
    return this.reports.forCurrentTenant(query.period);
  }
}
