import { WebhookDeliveryStatus } from '@tenantpay/webhooks';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListWebhookDeliveriesQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The id of the last delivery of the previous page. */
  @IsOptional()
  @Matches(/^[0-9a-f]{24}$/, { message: 'starting_after must be a delivery id' })
  starting_after?: string;

  @IsOptional()
  @IsEnum(WebhookDeliveryStatus)
  status?: WebhookDeliveryStatus;
}
