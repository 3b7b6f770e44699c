import type { Principal } from '@tenantpay/tenancy';
import type { PaymentActor } from './payment';

export const SYSTEM_ACTOR: PaymentActor = Object.freeze({ type: 'system', id: null });

export function paymentActorOf(principal: Principal | null | undefined): PaymentActor {
  if (principal?.kind === 'user') return { type: 'user', id: principal.userId };
  if (principal?.kind === 'api-key') return { type: 'api_key', id: principal.apiKeyId };
  return SYSTEM_ACTOR;
}
