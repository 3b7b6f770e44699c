import { ApiProperty } from '@nestjs/swagger';
import type { CurrentIdentity } from '@tenantpay/identity';

/** `GET /v1/platform/auth/me` for a platform operator. */
export class CurrentPlatformUserResponse implements Extract<CurrentIdentity, { kind: 'platform-user' }> {
  @ApiProperty({ enum: ['platform-user'] })
  readonly kind!: 'platform-user';
  readonly id!: string;
  readonly email!: string;
  /** @example "SUPER_ADMIN" */
  readonly role!: string;
}
