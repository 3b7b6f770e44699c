import type { TenantLimitUsage } from '@tenantpay/usage';
import { TransactionsAgainstLimitResponse } from './transactions-against-limit.response';

/** One tenant's usage against its limits. */
export class TenantLimitUsageResponse implements TenantLimitUsage {
  readonly tenantId!: string;
  readonly tenantSlug!: string | null;
  readonly tenantName!: string | null;
  readonly tier!: string | null;
  readonly transactions!: TransactionsAgainstLimitResponse;
}
