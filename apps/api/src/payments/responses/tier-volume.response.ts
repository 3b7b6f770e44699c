import { Tier } from '@tenantpay/tenancy';
import { VolumeFiguresResponse } from './volume-figures.response';

/** The payments of one tier's tenants in one currency (tiers as they are now). */
export class TierVolumeResponse extends VolumeFiguresResponse {
  readonly tier!: Tier | null;
  /** Tenants of the tier with payments in the range (in this currency). */
  readonly tenants!: number;
}
