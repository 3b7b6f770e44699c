/**
 * Every audit action name the platform records. One list, so that a search by action finds every event of
 * that kind and a typo cannot invent a new one (the schema refuses names not listed here).
 */
export const AuditAction = {
  TenantCrossTenantAttempt: 'tenant.cross_tenant_attempt',
  TenantMismatch: 'tenant.mismatch',
  /** Code below the repository ran an unscoped operation on a tenant-owned model (refused). */
  TenantIsolationGuardViolation: 'tenant.isolation_guard_violation',
  /** A super-admin route entered the platform scope (`@BypassTenantIsolation`). */
  PlatformBypassUsed: 'platform.bypass_used',
  /** A platform route was called with an operator token on a host that names a tenant (refused). */
  PlatformRouteOnTenantHost: 'platform.route_on_tenant_host',
  /** A cross-tenant read or maintenance operation through PlatformRepository, with its reason. */
  PlatformCrossTenantAccess: 'platform.cross_tenant_access',

  AuthLoginSucceeded: 'auth.login_succeeded',
  AuthLoginFailed: 'auth.login_failed',
  AuthLoginRateLimited: 'auth.login_rate_limited',
  AuthLogout: 'auth.logout',
  /** A session was ended by its owner or an admin (metadata: reason). */
  AuthSessionRevoked: 'auth.session_revoked',
  /** A rotated-away refresh token was presented again: its session (token family) was ended. Security event. */
  AuthRefreshTokenReused: 'auth.refresh_token_reused',
  /** The password was right and the account has a second factor: a challenge was issued, no session yet. */
  AuthMfaChallengeIssued: 'auth.mfa_challenge_issued',
  /** A recovery code opened a session (one fewer left). */
  AuthMfaRecoveryCodeUsed: 'auth.mfa_recovery_code_used',
  MfaEnrolmentStarted: 'mfa.enrolment_started',
  MfaEnabled: 'mfa.enabled',
  MfaDisabled: 'mfa.disabled',
  MfaRecoveryCodesRegenerated: 'mfa.recovery_codes_regenerated',
  /** A wrong, replayed or expired code (or password, to disable), at login or in self-service. */
  MfaCodeFailed: 'mfa.code_failed',

  ApiKeyCreated: 'api_key.created',
  ApiKeyRevoked: 'api_key.revoked',
  ApiKeyRotated: 'api_key.rotated',

  UserCreated: 'user.created',
  UserRoleChanged: 'user.role_changed',
  UserDeactivated: 'user.deactivated',
  UserReactivated: 'user.reactivated',
  /** An admin cleared the failed-login lock of a user. */
  UserUnlocked: 'user.unlocked',
  /** Failed logins reached the account's limit: it is locked until the window passes or an admin unlocks it. */
  UserLocked: 'user.locked',

  PlatformUserCreated: 'platform_user.created',
  PlatformUserDeactivated: 'platform_user.deactivated',
  PlatformUserReactivated: 'platform_user.reactivated',

  InvitationCreated: 'invitation.created',
  InvitationResent: 'invitation.resent',
  InvitationRevoked: 'invitation.revoked',
  InvitationAccepted: 'invitation.accepted',
  /** Accepting failed (expired, used, revoked or unknown token); the reason is in the metadata. */
  InvitationAcceptFailed: 'invitation.accept_failed',
  /** Pending invitations past their expiry were closed and their seats given back. */
  InvitationsExpired: 'invitation.expired',

  /** A password reset was asked for an existing account (unknown emails are audited with outcome failure). */
  PasswordResetRequested: 'password.reset_requested',
  PasswordResetCompleted: 'password.reset_completed',
  /** Confirming a reset failed (unknown, expired or used token). */
  PasswordResetFailed: 'password.reset_failed',
  PasswordChanged: 'password.changed',

  /** An email was delivered to the SMTP server (the outbox row's id is the resource). */
  MailDelivered: 'mail.delivered',
  /** An email could not be delivered after its last attempt. */
  MailFailed: 'mail.failed',

  TenantCreated: 'tenant.created',
  TenantTierChanged: 'tenant.tier_changed',
  TenantSlugChanged: 'tenant.slug_changed',
  TenantRenamed: 'tenant.renamed',
  TenantArchived: 'tenant.archived',
  TenantUnarchived: 'tenant.unarchived',
  TenantOffboardingStarted: 'tenant.offboarding_started',
  TenantOffboardingExported: 'tenant.offboarding_exported',
  TenantOffboardingExportFailed: 'tenant.offboarding_export_failed',
  TenantOffboardingArchiveDownloaded: 'tenant.offboarding_archive_downloaded',
  TenantOffboardingArchiveDeleted: 'tenant.offboarding_archive_deleted',
  TenantOffboarded: 'tenant.offboarded',
  /** A super-admin asked for the tenant's data to move to another placement (metadata: from, to). */
  TenantPlacementMoveRequested: 'tenant.placement_move_requested',
  /** The move flagged the tenant moving and waits for every instance's tenant cache to see it. */
  TenantPlacementMovePreparing: 'tenant.placement_move_preparing',
  TenantPlacementMoveCopying: 'tenant.placement_move_copying',
  TenantPlacementMoveCatchingUp: 'tenant.placement_move_catching_up',
  /** The tenant's writes are refused (503 tenant_moving) for the final pass. */
  TenantPlacementMoveFrozen: 'tenant.placement_move_frozen',
  TenantPlacementMoveVerifying: 'tenant.placement_move_verifying',
  /** The tenant's placement now names the target (metadata: verification, timings). */
  TenantPlacementMoveSwitched: 'tenant.placement_move_switched',
  /** The move failed; the tenant stays on its source with nothing lost (metadata: failure). */
  TenantPlacementMoveFailed: 'tenant.placement_move_failed',
  /** A super-admin asked to cancel an open move before its switch (the operator as actor). */
  TenantPlacementMoveCancelRequested: 'tenant.placement_move_cancel_requested',
  /** The move stopped on the cancel: writes thawed, the target's copy deleted, the tenant on its source. */
  TenantPlacementMoveCanceled: 'tenant.placement_move_canceled',
  /** The old copy on the move's source was deleted after the retention period (metadata: deleted). */
  TenantPlacementMoveOldCopyDeleted: 'tenant.placement_move_old_copy_deleted',
  SupportSessionOpened: 'support_session.opened',
  SupportSessionUsed: 'support_session.used',
  SupportSessionEnded: 'support_session.ended',
  TenantSuspended: 'tenant.suspended',
  TenantActivated: 'tenant.activated',
  TenantDomainAdded: 'tenant.domain_added',
  TenantDomainVerified: 'tenant.domain_verified',
  TenantDomainRemoved: 'tenant.domain_removed',
  TenantLimitsChanged: 'tenant.limits_changed',
  TenantBrandingChanged: 'tenant.branding_changed',
  TenantPaymentWorkflowChanged: 'tenant.payment_workflow_changed',
  /** A tenant admin required (or stopped requiring) MFA of every user (metadata: from, to). */
  TenantMfaRequirementChanged: 'tenant.mfa_requirement_changed',

  WebhookEndpointCreated: 'webhook_endpoint.created',
  WebhookEndpointSecretRotated: 'webhook_endpoint.secret_rotated',
  WebhookEndpointDeleted: 'webhook_endpoint.deleted',
  WebhookEndpointDisabled: 'webhook_endpoint.disabled',

  UsageThresholdReached: 'usage.threshold_reached',
  /** Redis lost usage counts (restarted empty, or from an older copy): usage since the last sync is lost. */
  UsageRedisDataLost: 'usage.redis_data_lost',

  PaymentApproved: 'payment.approved',
  PaymentRejected: 'payment.rejected',
  PaymentBatchCreated: 'payment_batch.created',
  /**
   * The worker's sweep finished a batch no chunk job would have finished: chunks re-enqueued (their job lost) or
   * settled (their job failed for good without settling); metadata: counts.
   */
  PaymentBatchRecovered: 'payment_batch.recovered',
} as const;

export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

export const AUDIT_ACTION_NAMES: readonly AuditActionName[] = Object.freeze(Object.values(AuditAction));

export function isAuditActionName(value: unknown): value is AuditActionName {
  return typeof value === 'string' && (AUDIT_ACTION_NAMES as readonly string[]).includes(value);
}
