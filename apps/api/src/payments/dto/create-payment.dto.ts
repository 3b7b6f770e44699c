import { isKnownCurrency, MAX_AMOUNT_MINOR_UNITS, PaymentMethod } from '@tenantpay/payments';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { IsPaymentMetadata } from './is-payment-metadata.decorator';

export class CreatePaymentDto {
  /** Integer minor units (cents, yen, fils): 10.50 EUR is 1050. Floats and strings are refused. */
  @IsInt({ message: 'amount must be an integer number of minor units of the currency' })
  @Min(1, { message: 'amount must be positive' })
  @Max(MAX_AMOUNT_MINOR_UNITS, {
    message: `amount must have at most ${String(MAX_AMOUNT_MINOR_UNITS).length} digits`,
  })
  amount!: number;

  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @ValidateBy(
    { name: 'isIso4217', validator: { validate: isKnownCurrency } },
    {
      message: 'currency must be an ISO 4217 currency code such as EUR',
    },
  )
  currency!: string;

  /** The tenant's own reference, unique among its payments. */
  @IsString()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'reference must be 1 to 100 printable ASCII characters' })
  reference!: string;

  @IsEnum(PaymentMethod)
  method!: PaymentMethod;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsOptional()
  @IsPaymentMetadata()
  metadata?: Record<string, string>;

  @IsOptional()
  @Matches(/^tok_[A-Za-z0-9_]{1,60}$/, { message: 'paymentToken must be a token such as tok_visa' })
  paymentToken?: string;
}
