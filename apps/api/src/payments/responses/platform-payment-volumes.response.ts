import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  PAYMENT_VOLUME_GROUPINGS,
  type PaymentVolumeGroupingValue,
  type PlatformPaymentVolumes,
  type StatusVolumeRow,
  type TenantVolumeRow,
  type TierVolumeRow,
  type DayVolumeRow,
} from '@tenantpay/payments';
import { DayVolumeResponse } from './day-volume.response';
import { StatusVolumeResponse } from './status-volume.response';
import { TenantVolumeResponse } from './tenant-volume.response';
import { TierVolumeResponse } from './tier-volume.response';
import { VolumeFiguresResponse } from './volume-figures.response';

/** Payment volumes across tenants in a date range, grouped as asked (`groupBy`), with totals by currency. */
export class PlatformPaymentVolumesResponse implements PlatformPaymentVolumes {
  readonly from!: string;
  readonly to!: string;
  @ApiProperty({ enum: PAYMENT_VOLUME_GROUPINGS })
  readonly groupBy!: PaymentVolumeGroupingValue;
  @ApiProperty({
    description: 'One row per group and currency; the row shape follows `groupBy`',
    type: 'array',
    items: {
      oneOf: [TenantVolumeResponse, TierVolumeResponse, StatusVolumeResponse, DayVolumeResponse].map(
        (row) => ({ $ref: getSchemaPath(row) }),
      ),
    },
  })
  readonly data!: readonly (TenantVolumeRow | TierVolumeRow | StatusVolumeRow | DayVolumeRow)[];
  readonly totals!: VolumeFiguresResponse[];
}
