import { PaymentBatchItemStatus } from '@tenantpay/payments';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListBatchItemsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  /** The row index of the last item of the previous page: the next rows follow. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  starting_after?: number;

  @IsOptional()
  @IsEnum(PaymentBatchItemStatus)
  status?: PaymentBatchItemStatus;
}
