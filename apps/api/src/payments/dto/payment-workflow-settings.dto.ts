import { isKnownCurrency, PaymentMethod } from '@tenantpay/payments';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { PaymentAmountLimitDto } from './payment-amount-limit.dto';

const MAX_CURRENCIES = 50;

/**
 * The whole custom payment workflow, replaced at once: a rule left out is removed. An omitted list allows
 * everything; an empty one would allow nothing, so it is refused rather than stored.
 */
export class PaymentWorkflowSettingsDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(PaymentMethod, { each: true })
  allowedMethods?: PaymentMethod[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CURRENCIES)
  @Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((code) => (typeof code === 'string' ? code.toUpperCase() : code))
      : value,
  )
  @ArrayUnique()
  @ValidateBy(
    { name: 'isIso4217', validator: { validate: isKnownCurrency } },
    { each: true, message: 'allowedCurrencies must hold ISO 4217 currency codes such as EUR' },
  )
  allowedCurrencies?: string[];

  /** Per currency: a minor unit is worth different amounts in different currencies. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CURRENCIES)
  @ValidateNested({ each: true })
  @Type(() => PaymentAmountLimitDto)
  amountLimits?: PaymentAmountLimitDto[];
}
