import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_SUBSCRIPTIONS, type WebhookEventSubscription } from '@tenantpay/webhooks';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

export class CreateWebhookEndpointDto {
  /** https (http only for allow-listed hosts); its form and destination are checked by the webhooks library. */
  @IsString()
  @MaxLength(2048)
  url!: string;

  /** Event types to receive, or `*` for all. */
  // The plugin cannot see the union behind the alias: the values are named here.
  @ApiProperty({ enum: WEBHOOK_EVENT_SUBSCRIPTIONS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_SUBSCRIPTIONS.length)
  @IsIn(WEBHOOK_EVENT_SUBSCRIPTIONS, { each: true })
  events!: WebhookEventSubscription[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}
