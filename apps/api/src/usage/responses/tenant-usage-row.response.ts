import type { TenantUsageRow } from '@tenantpay/usage';
import { UsageReportResponse } from './usage-report.response';

/** One tenant's row of the billing export; the tenant's details are null when it no longer exists. */
export class TenantUsageRowResponse extends UsageReportResponse implements TenantUsageRow {
  readonly tenantSlug!: string | null;
  readonly tenantName!: string | null;
  readonly tier!: string | null;
}
