import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTOR_TYPES, type AuditActor, type AuditActorType } from '@tenantpay/audit';

/** Who did it; `id` is absent for `system` and usually for `anonymous`. */
export class AuditActorResponse implements AuditActor {
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES })
  readonly type!: AuditActorType;
  readonly id?: string;
}
