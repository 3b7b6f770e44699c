import { WebhookDeliveryStatus } from '@tenantpay/webhooks';
import { IsEnum, IsOptional } from 'class-validator';
import { CursorPageQueryDto } from '../../pagination/cursor-page.query.dto';

export class ListWebhookDeliveriesQueryDto extends CursorPageQueryDto {
  @IsOptional()
  @IsEnum(WebhookDeliveryStatus)
  status?: WebhookDeliveryStatus;
}
