import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIT_OUTCOMES,
  AuditAction,
  type AuditActionName,
  type AuditEvent,
  type AuditOutcome,
} from '@tenantpay/audit';
import { AuditActorResponse } from './audit-actor.response';
import { AuditResourceResponse } from './audit-resource.response';

/** One recorded audit event. */
export class AuditEventResponse implements AuditEvent {
  readonly id!: string;
  /** Null for platform events. */
  readonly tenantId!: string | null;
  readonly actor!: AuditActorResponse;
  @ApiProperty({ enum: Object.values(AuditAction), example: 'api_key.created' })
  readonly action!: AuditActionName;
  readonly resource!: AuditResourceResponse | null;
  @ApiProperty({
    enum: AUDIT_OUTCOMES,
    description: '`denied`: refused by a security control; `failure`: attempted and did not work',
  })
  readonly outcome!: AuditOutcome;
  readonly ip!: string | null;
  readonly requestId!: string | null;
  readonly at!: Date;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Redacted and bounded when recorded',
  })
  readonly metadata!: Readonly<Record<string, unknown>>;
}
