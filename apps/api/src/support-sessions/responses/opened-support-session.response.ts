import { ApiProperty } from '@nestjs/swagger';
import type { OpenedSupportSession } from '@tenantpay/identity';
import { SupportSessionResponse } from './support-session.response';

/** A support session just opened, with its token: shown this once. */
export class OpenedSupportSessionResponse implements OpenedSupportSession {
  readonly session!: SupportSessionResponse;
  /** Send as `Authorization: Bearer <token>` on the tenant's routes until the session ends. */
  readonly token!: string;
  @ApiProperty({ enum: ['Bearer'] })
  readonly tokenType!: 'Bearer';
}
