import { ApiProperty } from '@nestjs/swagger';
import type { CurrentIdentity } from '@tenantpay/identity';

/** `GET /v1/me` for an API key: the key itself (every key of the tenant may ask). */
export class CurrentApiKeyResponse implements Extract<CurrentIdentity, { kind: 'api-key' }> {
  @ApiProperty({ enum: ['api-key'] })
  readonly kind!: 'api-key';
  readonly id!: string;
  readonly name!: string;
  readonly tenantId!: string;
  /** @example ["payments:read", "payments:write"] */
  readonly scopes!: string[];
  /** The key's visible start. @example "tp_live_65a1b2c3d4e5f60718293a4b_AbC123xY" */
  readonly prefix!: string;
  readonly expiresAt!: string | null;
  /** `active`, or `rotating` while a rotation's overlap lets it work beside its replacement. */
  readonly status!: string;
}
