import { ApiProperty } from '@nestjs/swagger';
import type { CurrentIdentity } from '@tenantpay/identity';

/** `GET /v1/me` for a tenant user. */
export class CurrentUserResponse implements Extract<CurrentIdentity, { kind: 'user' }> {
  @ApiProperty({ enum: ['user'] })
  readonly kind!: 'user';
  readonly id!: string;
  readonly email!: string;
  /** @example "ADMIN" */
  readonly role!: string;
  readonly tenantId!: string;
  /** The tenant's tier: the staff console shows a feature outside it as such. @example "PROFESSIONAL" */
  readonly tier!: string;
  /** What the tier includes. @example ["BASIC_PAYMENTS", "BULK_PAYMENTS", "ANALYTICS"] */
  readonly features!: string[];
}
