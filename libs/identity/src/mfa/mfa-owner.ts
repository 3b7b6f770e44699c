import type { SessionUserKind } from '../sessions/sessions.service';
import type { MfaFactorStore } from './mfa-factor-store';

/** Whose factor an operation changes, and where that kind of user keeps it. */
export interface MfaOwner {
  readonly kind: SessionUserKind;
  readonly userId: string;
  readonly tenantId: string | null;
  readonly store: MfaFactorStore;
}
