import { MAX_AMOUNT_MINOR_UNITS } from '@tenantpay/payments';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RefundPaymentDto {
  /** Minor units; the whole refundable remainder when omitted. */
  @IsOptional()
  @IsInt({ message: 'amount must be an integer number of minor units of the currency' })
  @Min(1)
  @Max(MAX_AMOUNT_MINOR_UNITS)
  amount?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
