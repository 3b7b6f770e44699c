import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { BypassTenantIsolation, Roles } from '@tenantpay/tenancy';
import { type TenantUsageRow, UsageReportService, usageRowsToCsv } from '@tenantpay/usage';
import { UsagePeriodQueryDto } from './dto/usage-period.query.dto';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { BillingUsageResponse } from './responses/billing-usage.response';
import type { HeaderResponse } from '../http/header-response';

/** Every tenant's usage for a period, for billing: JSON, or CSV with `Accept: text/csv`. */
@Controller('admin/usage')
@Roles('SUPER_ADMIN')
@BypassTenantIsolation('billing: every tenant’s usage for a period')
export class AdminUsageController {
  constructor(private readonly reports: UsageReportService) {}

  /** Usage of every tenant in a billing period (JSON, or CSV with `Accept: text/csv`). */
  @ApiExtraModels(BillingUsageResponse)
  @ApiOkResponse({
    description: 'JSON, or CSV (one row per tenant) when `Accept` prefers `text/csv`',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(BillingUsageResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @Get()
  async list(
    @Query() query: UsagePeriodQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<{ period: string; data: TenantUsageRow[] } | string> {
    const rows = await this.reports.forAllTenants(query.period);
    const period = this.reports.resolvePeriod(query.period).toString();
    if (wantsCsv(accept)) {
      response.header('Content-Type', 'text/csv; charset=utf-8');
      response.header('Content-Disposition', `attachment; filename="usage-${period}.csv"`);
      return usageRowsToCsv(rows);
    }
    return { period, data: rows };
  }
}

/** CSV only when asked for explicitly and preferred to JSON; anything else (or nothing) gets JSON. */
function wantsCsv(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const ranges = accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim(), q: q === undefined ? 1 : Number(q.slice(2)) || 0 };
  });
  const quality = (type: string) => ranges.find((range) => range.type === type)?.q ?? 0;
  return quality('text/csv') > 0 && quality('text/csv') >= quality('application/json');
}
