import { Controller, Get, Query, Req } from '@nestjs/common';
import { TenantUserRole } from '@tenantpay/identity';
import { Roles, Scopes } from '@tenantpay/tenancy';
import { ReadsCurrentUsage, RequestUsageMeter, type UsageReport, UsageReportService } from '@tenantpay/usage';
import type { FastifyRequest } from 'fastify';
import { UsagePeriodQueryDto } from './dto/usage-period.query.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { UsageReportResponse } from './responses/usage-report.response';

/** The tenant's own usage for a period, with its limits and how much of them is used. */
@Controller('usage')
export class UsageController {
  constructor(
    private readonly reports: UsageReportService,
    private readonly meter: RequestUsageMeter,
  ) {}

  /** The tenant's usage in a billing period against its plan's limits. */
  @ApiOkResponse({ type: UsageReportResponse })
  @Get()
  @Roles(TenantUserRole.Admin, TenantUserRole.Viewer)
  @Scopes('usage:read')
  @ReadsCurrentUsage()
  get(@Query() query: UsagePeriodQueryDto, @Req() request: FastifyRequest): Promise<UsageReport> {
    return this.reports.forCurrentTenant(query.period, this.meter.meteredUsageOf(request));
  }
}
