import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCode } from '@tenantpay/platform';
import { BypassTenantIsolation, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { type TenantUsageRow, UsageReportService } from '@tenantpay/usage';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { UsagePeriodQueryDto } from './dto/usage-period.query.dto';
import { TenantUsageRowResponse } from './responses/tenant-usage-row.response';

/** One tenant's usage in a period, for the platform console's tenant detail (the billing export's row). */
@DocumentedErrors(ErrorCode.TenantNotFound)
@Controller('admin/tenants/:id/usage')
@Roles(SUPER_ADMIN_ROLE)
@BypassTenantIsolation('platform: one tenant’s usage for a period')
export class AdminTenantUsageController {
  constructor(private readonly reports: UsageReportService) {}

  /** A tenant's usage in a billing period (the current one by default) against its effective limits. */
  @ApiOkResponse({ type: TenantUsageRowResponse })
  @Get()
  get(@Param('id') id: string, @Query() query: UsagePeriodQueryDto): Promise<TenantUsageRow> {
    return this.reports.forTenant(id, query.period);
  }
}
