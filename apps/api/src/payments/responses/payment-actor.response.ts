import { ApiProperty } from '@nestjs/swagger';
import type { PaymentActor } from '@tenantpay/payments';

/** Who did something: a user, an API key, or the platform itself. */
export class PaymentActorResponse implements PaymentActor {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  readonly type!: 'user' | 'api_key' | 'system';
  /** The user's or the key's id; null for the system. */
  readonly id!: string | null;
}
