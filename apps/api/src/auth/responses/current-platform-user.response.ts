import { ApiProperty } from '@nestjs/swagger';

/** `GET /v1/platform/auth/me` for a platform operator. */
export class CurrentPlatformUserResponse {
  @ApiProperty({ enum: ['platform-user'] })
  readonly kind!: 'platform-user';
  readonly id!: string;
  readonly email!: string;
  /** @example "SUPER_ADMIN" */
  readonly role!: string;
}
