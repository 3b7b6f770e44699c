import { ApiProperty } from '@nestjs/swagger';
import type { TierLimitSummary } from '@tenantpay/usage';

/** A tier's tenants and how many reached each alert threshold. */
export class TierLimitSummaryResponse implements TierLimitSummary {
  /** Null for tenants that no longer exist. @example "PROFESSIONAL" */
  readonly tier!: string | null;
  readonly tenants!: number;
  /** Tenants without a transactions limit. */
  readonly unlimited!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Per alert threshold (percent), the tenants that reached it',
    example: { '80': 3, '100': 1 },
  })
  readonly reached!: Readonly<Record<string, number>>;
}
