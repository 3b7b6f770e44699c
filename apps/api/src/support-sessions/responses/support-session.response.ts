import type { SupportSessionView } from '@tenantpay/identity';

/** A platform operator's time-boxed, read-only access to one tenant. */
export class SupportSessionResponse implements SupportSessionView {
  readonly id!: string;
  readonly tenantId!: string;
  readonly operatorId!: string;
  /** Why the operator opened it, as they wrote it. @example "Ticket 4711: payment stuck in PROCESSING" */
  readonly reason!: string;
  readonly openedAt!: string;
  readonly expiresAt!: string;
  /** When an admin or the operator ended it early. */
  readonly endedAt!: string | null;
}
