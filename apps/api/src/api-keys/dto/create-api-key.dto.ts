import { ApiKeyScope } from '@tenantpay/identity';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';

export class CreateApiKeyDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(ApiKeyScope, { each: true })
  scopes!: ApiKeyScope[];

  /** ISO 8601 time after which the key stops working; omit for a key that does not expire. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
}
