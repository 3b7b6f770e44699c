/** What a tenant user may do inside their own tenant. */
export enum TenantUserRole {
  /** Everything in the tenant, including users, API keys, settings and payment approvals. */
  Admin = 'ADMIN',
  /** Creates and manages payments; reads everything an operator needs; manages no users or keys. */
  Operator = 'OPERATOR',
  /** Reads only. */
  Viewer = 'VIEWER',
}
