import { Global, Module } from '@nestjs/common';
import { AuditModule } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import { JwtModule } from '@nestjs/jwt';
import { MailModule } from '@tenantpay/mail';
import { RateLimitingModule } from '@tenantpay/rate-limiting';
import { MongooseModule } from '@nestjs/mongoose';
import { TenantContextService } from '@tenantpay/tenancy';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator.service';
import { ApiKeyCache } from './api-keys/api-key-cache.service';
import { ApiKeyCredentialsRepository } from './api-keys/api-key-credentials.repository';
import { API_KEY_MODEL, ApiKeySchema } from './api-keys/api-key.schema';
import { ApiKeysRepository } from './api-keys/api-keys.repository';
import { ApiKeysService } from './api-keys/api-keys.service';
import { InvitationExpiry } from './invitations/invitation-expiry.service';
import { INVITATION_MODEL, InvitationSchema } from './invitations/invitation.schema';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsService } from './invitations/invitations.service';
import { TenantOnboardingService } from './onboarding/tenant-onboarding.service';
import { PasswordChangeService } from './passwords/password-change.service';
import { PasswordResetService } from './password-reset/password-reset.service';
import { PASSWORD_RESET_MODEL, PasswordResetTokenSchema } from './password-reset/password-reset-token.schema';
import { PasswordResetTokensRepository } from './password-reset/password-reset-tokens.repository';
import { PlatformPasswordResetService } from './password-reset/platform-password-reset.service';
import {
  PLATFORM_INVITATION_MODEL,
  PlatformInvitationSchema,
} from './platform-invitations/platform-invitation.schema';
import { PlatformInvitationsRepository } from './platform-invitations/platform-invitations.repository';
import { PlatformInvitationsService } from './platform-invitations/platform-invitations.service';
import {
  PLATFORM_PASSWORD_RESET_MODEL,
  PlatformPasswordResetTokenSchema,
} from './password-reset/platform-password-reset-token.schema';
import { PlatformPasswordResetTokensRepository } from './password-reset/platform-password-reset-tokens.repository';
import { LoginAttemptLimiter } from './login/login-attempt-limiter.service';
import { LockoutNoticeService } from './login/lockout-notice.service';
import { LoginService } from './login/login.service';
import { MfaChallengeStore } from './mfa/mfa-challenge.store';
import { MfaFactorVerifier } from './mfa/mfa-factor-verifier.service';
import { MfaLoginService } from './mfa/mfa-login.service';
import { MfaEnrolmentService } from './mfa/mfa-enrolment.service';
import { MfaPolicyService } from './mfa/mfa-policy.service';
import { MfaService } from './mfa/mfa.service';
import {
  TENANT_SECURITY_POLICY_MODEL,
  TenantSecurityPolicySchema,
} from './mfa/tenant-security-policy.schema';
import { TenantSecurityPolicyRepository } from './mfa/tenant-security-policy.repository';
import { PlatformUserMfaStore } from './mfa/platform-user-mfa.store';
import { TenantUserMfaStore } from './mfa/tenant-user-mfa.store';
import { CurrentIdentityService } from './me/current-identity.service';
import { PasswordHasher } from './passwords/password-hasher.service';
import { PLATFORM_USER_MODEL, PlatformUserSchema } from './platform-users/platform-user.schema';
import { PlatformUsersRepository } from './platform-users/platform-users.repository';
import { PlatformUserAccessCache } from './platform-users/platform-user-access-cache.service';
import { PlatformUsersService } from './platform-users/platform-users.service';
import {
  PLATFORM_USER_SESSION_MODEL,
  PlatformUserSessionSchema,
} from './sessions/platform-user-session.schema';
import { PlatformUserSessionsRepository } from './sessions/platform-user-sessions.repository';
import { SessionStateCache } from './sessions/session-state-cache.service';
import { SessionsService } from './sessions/sessions.service';
import { USER_SESSION_MODEL, UserSessionSchema } from './sessions/user-session.schema';
import { UserSessionsRepository } from './sessions/user-sessions.repository';
import { ApiKeyStrategy } from './resolution/api-key.strategy';
import { JwtClaimStrategy } from './resolution/jwt-claim.strategy';
import { SupportSessionGuard } from './support-sessions/support-session.guard';
import { SUPPORT_SESSION_MODEL } from './support-sessions/support-session.constant';
import { SupportSessionSchema } from './support-sessions/support-session.schema';
import { SupportSessionsRepository } from './support-sessions/support-sessions.repository';
import { SupportSessionsService } from './support-sessions/support-sessions.service';
import { SupportTokenService } from './support-sessions/support-token.service';
import { SupportTokenStrategy } from './support-sessions/support-token.strategy';
import { AccessTokenService } from './tokens/access-token.service';
import { TENANT_USER_MODEL, TenantUserSchema } from './users/tenant-user.schema';
import { UserSeatAllocator } from './users/user-seat-allocator.service';
import { UserAccessCache } from './users/user-access-cache.service';
import { USER_SEAT_COUNTER_MODEL, UserSeatCounterSchema } from './users/user-seat-counter.schema';
import { UserSeatsRepository } from './users/user-seats.repository';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';
import { UsageAlertMailer } from './usage-alerts/usage-alert-mailer.service';

/**
 * Users, invitations (of tenant users and of platform operators), platform users, passwords, access tokens, API keys, login, and the two credential strategies of
 * tenant resolution. Global, because the API imports it once and both its controllers and the tenant
 * resolver use its providers. Needs PlatformCoreModule (config, MongoDB, Redis), DataIsolationModule
 * (tenant-aware repositories), TenancyModule (tenant lookups for both strategies, and the tenant cache's
 * invalidation channel, which UserAccessCache shares) and TenantJobsModule (invitation email is enqueued in the
 * tenant's name).
 */
@Global()
@Module({
  imports: [
    AuditModule,
    JwtModule.register({}),
    RateLimitingModule,
    MailModule,
    MongooseModule.forFeature([
      { name: TENANT_USER_MODEL, schema: TenantUserSchema },
      { name: USER_SEAT_COUNTER_MODEL, schema: UserSeatCounterSchema },
      { name: PLATFORM_USER_MODEL, schema: PlatformUserSchema },
      { name: API_KEY_MODEL, schema: ApiKeySchema },
      { name: SUPPORT_SESSION_MODEL, schema: SupportSessionSchema },
      { name: USER_SESSION_MODEL, schema: UserSessionSchema },
      { name: PLATFORM_USER_SESSION_MODEL, schema: PlatformUserSessionSchema },
      { name: INVITATION_MODEL, schema: InvitationSchema },
      { name: PASSWORD_RESET_MODEL, schema: PasswordResetTokenSchema },
      { name: PLATFORM_PASSWORD_RESET_MODEL, schema: PlatformPasswordResetTokenSchema },
      { name: PLATFORM_INVITATION_MODEL, schema: PlatformInvitationSchema },
      { name: TENANT_SECURITY_POLICY_MODEL, schema: TenantSecurityPolicySchema },
    ]),
  ],
  providers: [
    LoginAttemptLimiter,
    // Stateless (its storage is per process), so a local instance is the same context as tenancy's.
    TenantContextService,
    TransactionService,
    PasswordHasher,
    AccessTokenService,
    UsersRepository,
    UserSeatsRepository,
    UserAccessCache,
    UserSessionsRepository,
    PlatformUserSessionsRepository,
    SessionStateCache,
    SessionsService,
    InvitationsRepository,
    InvitationExpiry,
    UserSeatAllocator,
    UsersService,
    InvitationsService,
    TenantOnboardingService,
    PasswordResetTokensRepository,
    PasswordResetService,
    PlatformPasswordResetTokensRepository,
    PlatformPasswordResetService,
    PlatformInvitationsRepository,
    PlatformInvitationsService,
    PasswordChangeService,
    PlatformUsersRepository,
    PlatformUsersService,
    PlatformUserAccessCache,
    LoginService,
    MfaChallengeStore,
    MfaFactorVerifier,
    TenantUserMfaStore,
    PlatformUserMfaStore,
    MfaEnrolmentService,
    TenantSecurityPolicyRepository,
    MfaPolicyService,
    MfaService,
    MfaLoginService,
    LockoutNoticeService,
    UsageAlertMailer,
    ApiKeysRepository,
    ApiKeyCredentialsRepository,
    ApiKeyCache,
    ApiKeyAuthenticator,
    ApiKeysService,
    CurrentIdentityService,
    JwtClaimStrategy,
    ApiKeyStrategy,
    SupportTokenService,
    SupportSessionsRepository,
    SupportSessionsService,
    SupportTokenStrategy,
    SupportSessionGuard,
  ],
  exports: [
    UsageAlertMailer,
    AccessTokenService,
    SessionsService,
    InvitationsService,
    TenantOnboardingService,
    PasswordResetService,
    PlatformPasswordResetService,
    PlatformInvitationsService,
    PasswordChangeService,
    PasswordHasher,
    UsersService,
    PlatformUsersService,
    LoginService,
    MfaService,
    MfaPolicyService,
    MfaLoginService,
    ApiKeysService,
    ApiKeyAuthenticator,
    CurrentIdentityService,
    JwtClaimStrategy,
    ApiKeyStrategy,
    SupportSessionsService,
    SupportTokenStrategy,
    SupportSessionGuard,
  ],
})
export class IdentityModule {}
