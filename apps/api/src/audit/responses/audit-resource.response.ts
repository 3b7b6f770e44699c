import type { AuditResource } from '@tenantpay/audit';

/** What it was done to. */
export class AuditResourceResponse implements AuditResource {
  /** @example "api_key" */
  readonly type!: string;
  readonly id!: string;
}
