import { PaymentMethod, PaymentStatus } from '@tenantpay/payments';
import { Transform, Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const PAYMENT_ID = /^[0-9a-f]{24}$/;

export class ListPaymentsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The id of the last payment of the previous page: the next (older) page follows. */
  @IsOptional()
  @Matches(PAYMENT_ID, { message: 'starting_after must be a payment id' })
  starting_after?: string;

  /** The id of the first payment of the current page: the previous (newer) page follows. */
  @IsOptional()
  @Matches(PAYMENT_ID, { message: 'ending_before must be a payment id' })
  ending_before?: string;

  @IsOptional()
  @IsEnum(PaymentStatus)
  status?: PaymentStatus;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency?: string;

  @IsOptional()
  @IsEnum(PaymentMethod)
  method?: PaymentMethod;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  created_gte?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  created_lte?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  amount_gte?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  amount_lte?: number;
}
