/**
 * The audit action names tenancy records. They are the audit library's names (its `AuditAction` list
 * holds the same strings); kept here as well because tenancy sits below audit and may not import it.
 */
export const TenancyAuditAction = {
  TenantMismatch: 'tenant.mismatch',
  PlatformBypassUsed: 'platform.bypass_used',
  /** A platform route was called with an operator token on a host that names a tenant (refused). */
  PlatformRouteOnTenantHost: 'platform.route_on_tenant_host',
  TenantCreated: 'tenant.created',
  TenantTierChanged: 'tenant.tier_changed',
  TenantSlugChanged: 'tenant.slug_changed',
  TenantRenamed: 'tenant.renamed',
  TenantArchived: 'tenant.archived',
  TenantUnarchived: 'tenant.unarchived',
  TenantOffboarded: 'tenant.offboarded',
  TenantSuspended: 'tenant.suspended',
  TenantActivated: 'tenant.activated',
  TenantDomainAdded: 'tenant.domain_added',
  TenantDomainVerified: 'tenant.domain_verified',
  TenantDomainRemoved: 'tenant.domain_removed',
  TenantLimitsChanged: 'tenant.limits_changed',
  TenantBrandingChanged: 'tenant.branding_changed',
  TenantPaymentWorkflowChanged: 'tenant.payment_workflow_changed',
} as const;

export type TenancyAuditActionName = (typeof TenancyAuditAction)[keyof typeof TenancyAuditAction];
