import { PAYMENT_VOLUME_GROUPINGS, type PaymentVolumeGroupingValue } from '@tenantpay/payments';
import { IsIn } from 'class-validator';
import { AnalyticsQueryDto } from './analytics.query.dto';

export class PlatformPaymentVolumesQueryDto extends AnalyticsQueryDto {
  @IsIn(PAYMENT_VOLUME_GROUPINGS, {
    message: `group_by must be one of ${PAYMENT_VOLUME_GROUPINGS.join(', ')}`,
  })
  group_by!: PaymentVolumeGroupingValue;
}
