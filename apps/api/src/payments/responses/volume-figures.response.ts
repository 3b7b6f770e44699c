import type { VolumeFigures } from '@tenantpay/payments';

/** A count and a volume in one currency (integer minor units; currencies are never added up). */
export class VolumeFiguresResponse implements VolumeFigures {
  /** @example "EUR" */
  readonly currency!: string;
  /** @example 42 */
  readonly count!: number;
  /** @example 1250000 */
  readonly volume!: number;
}
