import { Controller, Get, Query } from '@nestjs/common';
import { BypassTenantIsolation, Roles } from '@tenantpay/tenancy';
import { toUsageLimitsOverview, type UsageLimitsOverview, UsageReportService } from '@tenantpay/usage';
import { UsagePeriodQueryDto } from './dto/usage-period.query.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { UsageLimitsOverviewResponse } from './responses/usage-limits-overview.response';

/** Every tenant's usage against its effective limits in a period (SPEC §10), closest to its limit first. */
@Controller('admin/analytics/usage')
@Roles('SUPER_ADMIN')
@BypassTenantIsolation('analytics: usage against limits across tenants')
export class AdminUsageAnalyticsController {
  constructor(private readonly reports: UsageReportService) {}

  /** Platform-wide usage overview across tenants. */
  @ApiOkResponse({ type: UsageLimitsOverviewResponse })
  @Get()
  async overview(@Query() query: UsagePeriodQueryDto): Promise<UsageLimitsOverview> {
    const period = this.reports.resolvePeriod(query.period).toString();
    return toUsageLimitsOverview(period, await this.reports.forAllTenants(period));
  }
}
