import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_SUBSCRIPTIONS, type WebhookEventSubscription } from '@tenantpay/webhooks';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';

/** Every field optional; `enabled: true` re-enables an endpoint disabled by hand or by a 410. */
export class UpdateWebhookEndpointDto {
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @IsOptional()
  // The plugin cannot see the union behind the alias: the values are named here.
  @ApiProperty({ enum: WEBHOOK_EVENT_SUBSCRIPTIONS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_SUBSCRIPTIONS.length)
  @IsIn(WEBHOOK_EVENT_SUBSCRIPTIONS, { each: true })
  events?: WebhookEventSubscription[];

  /** null clears it (an explicit condition: a bare `@IsOptional()` refuses null). */
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(200)
  description?: string | null;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
