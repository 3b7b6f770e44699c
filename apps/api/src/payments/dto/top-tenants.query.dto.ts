import { isKnownCurrency, PaymentStatus } from '@tenantpay/payments';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { AnalyticsQueryDto } from './analytics.query.dto';

export class TopTenantsQueryDto extends AnalyticsQueryDto {
  /** Required: volumes in different currencies cannot be ranked against each other. */
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @ValidateBy(
    { name: 'isIso4217', validator: { validate: isKnownCurrency } },
    { message: 'currency must be an ISO 4217 currency code such as EUR' },
  )
  currency!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Rank by the payments in this status only, e.g. COMPLETED; every status when absent. */
  @IsOptional()
  @IsEnum(PaymentStatus)
  status?: PaymentStatus;
}
