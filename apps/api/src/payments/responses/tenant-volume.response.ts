import { Tier } from '@tenantpay/tenancy';
import { VolumeFiguresResponse } from './volume-figures.response';

/** One tenant's payments in one currency; its details are null when it no longer exists. */
export class TenantVolumeResponse extends VolumeFiguresResponse {
  readonly tenantId!: string;
  readonly tenantSlug!: string | null;
  readonly tenantName!: string | null;
  readonly tier!: Tier | null;
}
