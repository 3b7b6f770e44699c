import { PaymentStatus, type TopTenants } from '@tenantpay/payments';
import { RankedTenantResponse } from './ranked-tenant.response';

/** The tenants with the largest payment volume in one currency. */
export class TopTenantsResponse implements TopTenants {
  readonly from!: string;
  readonly to!: string;
  /** @example "EUR" */
  readonly currency!: string;
  /** Ranked by payments in this status only; every status when null. */
  readonly status!: PaymentStatus | null;
  readonly data!: RankedTenantResponse[];
}
