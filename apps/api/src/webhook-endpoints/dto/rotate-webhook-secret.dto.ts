import { WEBHOOK_PREVIOUS_SECRET_MAX_TTL_SECONDS } from '@tenantpay/webhooks';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateWebhookSecretDto {
  /** How long the old secret keeps signing next to the new one; 0 (the default) stops it at once. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(WEBHOOK_PREVIOUS_SECRET_MAX_TTL_SECONDS)
  previousSecretValidForSeconds?: number;
}
