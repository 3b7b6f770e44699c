import type { MfaPolicyView } from '@tenantpay/identity';

/** Whether the tenant requires a second factor of its users. */
export class MfaPolicyResponse implements MfaPolicyView {
  readonly mfaRequired!: boolean;
}
