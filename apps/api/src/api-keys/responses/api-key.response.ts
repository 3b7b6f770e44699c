import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyScope, type ApiKeyStatus, type ApiKeyView } from '@tenantpay/identity';

const API_KEY_STATUSES: readonly ApiKeyStatus[] = ['active', 'rotating', 'expired', 'revoked'];

/** An API key as the API shows it: never its secret. */
export class ApiKeyResponse implements ApiKeyView {
  /** @example "665f1c2ab3e4d5f6a7b8c9d1" */
  readonly id!: string;
  /** @example "ERP integration" */
  readonly name!: string;
  /** The key's visible prefix (its tenant and 8 random characters), to recognise it by. @example "tp_live_65a1b2c3d4e5f60718293a4b_AbC123xY" */
  readonly prefix!: string;
  /** @example ["payments:read", "payments:write", "webhooks:manage"] */
  readonly scopes!: ApiKeyScope[];
  @ApiProperty({
    enum: API_KEY_STATUSES,
    description: '`rotating` while a rotation lets it work beside its replacement',
  })
  readonly status!: ApiKeyStatus;
  readonly expiresAt!: string | null;
  readonly revokedAt!: string | null;
  readonly lastUsedAt!: string | null;
  /** The user who created it. */
  readonly createdBy!: string | null;
  /** The key this one replaced by rotation. */
  readonly rotatedFromId!: string | null;
  /** Until when the key it replaced still works. */
  readonly rotatingUntil!: string | null;
  readonly createdAt!: string;
}
