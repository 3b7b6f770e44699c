import { ApiProperty } from '@nestjs/swagger';
import type { PaymentStats } from '@tenantpay/payments';
import { CurrencyVolumeResponse } from './currency-volume.response';

/** The tenant's payments counted by status, and their volume by currency. */
export class PaymentStatsResponse implements PaymentStats {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { COMPLETED: 120, FAILED: 3 },
  })
  readonly countsByStatus!: Record<string, number>;
  readonly volumeByCurrency!: CurrencyVolumeResponse[];
}
