import { isKnownCurrency, MAX_AMOUNT_MINOR_UNITS } from '@tenantpay/payments';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';

/** Amount rules for one currency, in that currency's minor units (1050 EUR minor units are 10.50 EUR). */
export class PaymentAmountLimitDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @ValidateBy(
    { name: 'isIso4217', validator: { validate: isKnownCurrency } },
    { message: 'currency must be an ISO 4217 currency code such as EUR' },
  )
  currency!: string;

  @IsOptional()
  @IsInt({ message: 'maxAmount must be an integer number of minor units of the currency' })
  @Min(1, { message: 'maxAmount must be positive' })
  @Max(MAX_AMOUNT_MINOR_UNITS, { message: `maxAmount must be at most ${MAX_AMOUNT_MINOR_UNITS}` })
  maxAmount?: number;

  @IsOptional()
  @IsInt({ message: 'approvalThreshold must be an integer number of minor units of the currency' })
  @Min(1, { message: 'approvalThreshold must be positive' })
  @Max(MAX_AMOUNT_MINOR_UNITS, { message: `approvalThreshold must be at most ${MAX_AMOUNT_MINOR_UNITS}` })
  approvalThreshold?: number;
}
