/**
 * Every machine-readable error code the API can answer with, and its HTTP status. This table is the one
 * place where domain errors meet HTTP; libraries throw exceptions carrying a code and never pick a status.
 */
export enum ErrorCode {
  ValidationError = 'validation_error',
  InvalidJson = 'invalid_json',
  Unauthorized = 'unauthorized',
  /** A refresh token its session had already rotated away was presented again; the whole session ended. */
  RefreshTokenReused = 'refresh_token_reused',
  /** A second-factor code (TOTP or recovery) or the proof given to change the factor is not valid. */
  InvalidMfaCode = 'invalid_mfa_code',
  Forbidden = 'forbidden',
  TenantMismatch = 'tenant_mismatch',
  TenantSuspended = 'tenant_suspended',
  /** The tenant is archived: read-only, every change refused until a super-admin unarchives it. */
  TenantArchived = 'tenant_archived',
  /** Offboarding starts only from an archived (read-only) tenant, so its export cannot miss later writes. */
  TenantNotArchived = 'tenant_not_archived',
  /** A support session tried anything but a read. */
  SupportSessionReadOnly = 'support_session_read_only',
  CrossTenantAccess = 'cross_tenant_access',
  FeatureNotInTier = 'feature_not_in_tier',
  /** The tenant's plan allows no more active users (SPEC §3 max users). */
  UserLimitReached = 'user_limit_reached',
  NotFound = 'not_found',
  /** The path exists, not with this method; the `Allow` header lists the methods it has. */
  MethodNotAllowed = 'method_not_allowed',
  TenantNotFound = 'tenant_not_found',
  Conflict = 'conflict',
  /** Deactivating this platform operator would leave no active super-admin. */
  LastSuperAdmin = 'last_super_admin',
  /** A new password breaks the password policy (length, common-password list, the account's email). */
  WeakPassword = 'weak_password',
  /** An invitation token names no invitation of this tenant. */
  InvitationNotFound = 'invitation_not_found',
  /** The invitation was not accepted within its lifetime. */
  InvitationExpired = 'invitation_expired',
  /** The invitation was already accepted: tokens are single-use. */
  InvitationUsed = 'invitation_used',
  /** An admin revoked the invitation (or replaced its token by resending it). */
  InvitationRevoked = 'invitation_revoked',
  /** A password reset token names no reset of this tenant. */
  PasswordResetTokenNotFound = 'password_reset_token_not_found',
  /** The reset link is older than its 30 minutes. */
  PasswordResetTokenExpired = 'password_reset_token_expired',
  /** The reset link was already used (or a newer reset replaced it): tokens are single-use. */
  PasswordResetTokenUsed = 'password_reset_token_used',
  /** Changing a password needs the current one, and it was wrong. */
  InvalidCurrentPassword = 'invalid_current_password',
  /** The offboarded tenant's export archive was deleted after its retention period; it cannot be downloaded. */
  OffboardingArchiveDeleted = 'offboarding_archive_deleted',
  IdempotencyInProgress = 'idempotency_in_progress',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  /** Node's HTTP parser refused the request before any route saw it: the bytes are not a valid HTTP request. */
  MalformedRequest = 'malformed_request',
  /** The request's headers exceed the server's limit (Node's `maxHeaderSize`, 16 KB by default). */
  RequestHeadersTooLarge = 'request_headers_too_large',
  /** The client did not send a whole request within the server's request timeout. */
  RequestTimeout = 'request_timeout',
  IdempotencyKeyReused = 'idempotency_key_reused',
  RateLimitExceeded = 'rate_limit_exceeded',
  QuotaExceeded = 'quota_exceeded',
  InternalError = 'internal_error',
  NotReady = 'not_ready',
  /**
   * The deployment has no WEBHOOK_SECRET_ENCRYPTION_KEY (allowed outside production), so it cannot keep a
   * webhook signing secret: webhooks are unavailable until an operator sets one.
   */
  WebhooksNotConfigured = 'webhooks_not_configured',
  /** MongoDB cannot be reached right now; nothing was decided, the request can be retried. */
  ServiceUnavailable = 'service_unavailable',
  /** Admission control refused the request before any work: the instance or the tenant's share is full. */
  Overloaded = 'overloaded',
  /** The tenant's data is being moved between placements and its writes are frozen for a bounded moment. */
  TenantMoving = 'tenant_moving',
}

export const HTTP_STATUS_BY_ERROR_CODE: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationError]: 400,
  [ErrorCode.InvalidJson]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.RefreshTokenReused]: 401,
  [ErrorCode.InvalidMfaCode]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.TenantMismatch]: 403,
  [ErrorCode.TenantSuspended]: 403,
  [ErrorCode.CrossTenantAccess]: 403,
  [ErrorCode.FeatureNotInTier]: 403,
  [ErrorCode.SupportSessionReadOnly]: 403,
  [ErrorCode.UserLimitReached]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.TenantNotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.LastSuperAdmin]: 409,
  [ErrorCode.TenantArchived]: 409,
  [ErrorCode.TenantNotArchived]: 409,
  [ErrorCode.WeakPassword]: 400,
  [ErrorCode.InvitationNotFound]: 404,
  [ErrorCode.InvitationExpired]: 410,
  [ErrorCode.InvitationUsed]: 410,
  [ErrorCode.InvitationRevoked]: 410,
  [ErrorCode.PasswordResetTokenNotFound]: 404,
  [ErrorCode.PasswordResetTokenExpired]: 410,
  [ErrorCode.PasswordResetTokenUsed]: 410,
  [ErrorCode.InvalidCurrentPassword]: 400,
  [ErrorCode.OffboardingArchiveDeleted]: 410,
  [ErrorCode.IdempotencyInProgress]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.MalformedRequest]: 400,
  [ErrorCode.RequestHeadersTooLarge]: 431,
  [ErrorCode.RequestTimeout]: 408,
  [ErrorCode.IdempotencyKeyReused]: 422,
  [ErrorCode.RateLimitExceeded]: 429,
  [ErrorCode.QuotaExceeded]: 429,
  [ErrorCode.InternalError]: 500,
  [ErrorCode.NotReady]: 503,
  // 501, not 503: no retry helps until an operator configures the deployment.
  [ErrorCode.WebhooksNotConfigured]: 501,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Overloaded]: 503,
  [ErrorCode.TenantMoving]: 503,
};
