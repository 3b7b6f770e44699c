import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

export class RotateApiKeyDto {
  /** A new expiry for the replacement; omit to keep the old key's. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
}
