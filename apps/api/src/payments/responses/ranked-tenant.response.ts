import { Tier } from '@tenantpay/tenancy';

/** A tenant's place in the ranking by volume in the asked currency. */
export class RankedTenantResponse {
  /** 1 for the largest volume. */
  readonly rank!: number;
  readonly tenantId!: string;
  readonly tenantSlug!: string | null;
  readonly tenantName!: string | null;
  readonly tier!: Tier | null;
  readonly count!: number;
  /** Integer minor units of the asked currency. */
  readonly volume!: number;
}
