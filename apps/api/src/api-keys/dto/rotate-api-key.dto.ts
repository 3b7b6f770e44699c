import { API_KEY_ROTATION_MAX_OVERLAP_SECONDS } from '@tenantpay/identity';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateApiKeyDto {
  /** A new expiry for the replacement; omit to keep the old key's. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;

  /**
   * How long the old key keeps working beside the replacement, in seconds: 0 cuts it at once, at most 7 days
   * (604800); 24 hours when omitted.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(API_KEY_ROTATION_MAX_OVERLAP_SECONDS)
  overlapSeconds?: number;
}
