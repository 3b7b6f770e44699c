import { ApiProperty } from '@nestjs/swagger';

/** `GET /v1/me` for a tenant user. */
export class CurrentUserResponse {
  @ApiProperty({ enum: ['user'] })
  readonly kind!: 'user';
  readonly id!: string;
  readonly email!: string;
  /** @example "ADMIN" */
  readonly role!: string;
  readonly tenantId!: string;
}
