export interface paths {
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['UsageController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminUsageController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/analytics/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminUsageAnalyticsController_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminTenantsController_list'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/admin-invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_inviteAdmin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminTenantsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/tier': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    put: operations['AdminTenantsController_changeTier'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/slug': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    put: operations['AdminTenantsController_changeSlug'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    put: operations['AdminTenantsController_rename'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_archive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/unarchive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_unarchive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    put: operations['AdminTenantsController_setLimits'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_suspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/domains': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_addDomain'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/domains/{hostname}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantsController_verifyDomain'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/domains/{hostname}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    delete: operations['AdminTenantsController_removeDomain'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/offboarding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminTenantOffboardingController_status'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminTenantOffboardingController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/offboarding/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminTenantOffboardingController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/platform-users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminPlatformUsersController_list'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminPlatformUsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/platform-users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminPlatformUsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/platform-users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminPlatformUsersController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/platform-users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminPlatformUsersController_reactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_completeMfaLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login/mfa/enrol': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_startEnrolment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['MeController_me[0]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['MeController_me[1]'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PlatformAuthController_logIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/login/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PlatformAuthController_completeMfaLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PlatformAuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SessionsController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['SessionsController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['SessionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['SessionsController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PlatformSessionsController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PlatformSessionsController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PlatformSessionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/sessions/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PlatformSessionsController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['MfaController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['MfaController_enrol'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['MfaController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['MfaController_regenerateRecoveryCodes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['MfaController_disable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/mfa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PlatformMfaController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/mfa/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PlatformMfaController_enrol'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/mfa/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PlatformMfaController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/mfa/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PlatformMfaController_regenerateRecoveryCodes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/mfa/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PlatformMfaController_disable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/security': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['MfaPolicyController_get'];
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    put: operations['MfaPolicyController_replace'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['UsersController_list'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}/role': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    patch: operations['UsersController_changeRole'];
    trace?: never;
  };
  '/v1/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['UsersController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['UsersController_reactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['UsersController_unlock'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['UserSessionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}/sessions/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['UserSessionsController_revokeAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/tenants/{id}/support-sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['AdminSupportSessionsController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/support-sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['SupportSessionsController_listActive'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/support-sessions/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['SupportSessionsController_end'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InvitationAcceptanceController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['InvitationsController_listPending'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['InvitationsController_invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invitations/{id}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['InvitationsController_resend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invitations/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['InvitationsController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PasswordResetController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PasswordResetController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PasswordChangeController_changeOwn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/platform/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PasswordChangeController_changeOwnPlatform'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['ApiKeysController_list'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['ApiKeysController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['ApiKeysController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['ApiKeysController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AuditEventsController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminAuditEventsController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/branding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BrandingController_read'];
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    put: operations['BrandingController_replace'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/domains': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['TenantDomainsController_list'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['TenantDomainsController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/domains/{hostname}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['TenantDomainsController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/domains/{hostname}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    delete: operations['TenantDomainsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['WebhookEndpointsController_list'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['WebhookEndpointsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['WebhookEndpointsController_get'];
    put?: never;
    post?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    delete: operations['WebhookEndpointsController_remove'];
    options?: never;
    head?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    patch: operations['WebhookEndpointsController_update'];
    trace?: never;
  };
  '/v1/webhook-endpoints/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['WebhookEndpointsController_rotateSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoints/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['WebhookEndpointsController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-events/{eventId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['WebhookEventsController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PaymentsController_list'];
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PaymentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PaymentsController_stats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PaymentsController_analyticsReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PaymentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PaymentsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/{id}/refund': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PaymentsController_refund'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PaymentApprovalsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PaymentApprovalsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/gateway': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['GatewayWebhooksController_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/payments/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PaymentDeadLettersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/payments/dead-letters/{jobId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['PaymentDeadLettersController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/analytics/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminPaymentAnalyticsController_payments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/analytics/top-tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['AdminPaymentAnalyticsController_topTenants'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/payment-workflow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['PaymentWorkflowSettingsController_get'];
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    put: operations['PaymentWorkflowSettingsController_replace'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    post: operations['BulkPaymentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/batches/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['BulkPaymentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/batches/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Credential: a bearer JWT or an x-api-key API key. */
    get: operations['BulkPaymentsController_items'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    BrandingDto: {
      displayName?: string;
      /** Format: uri */
      logoUrl?: string;
      primaryColor?: string;
      secondaryColor?: string;
      /** Format: email */
      supportEmail?: string;
      /** Format: uri */
      supportUrl?: string;
    };
    LimitOverridesDto: {
      maxUsers: Record<string, never>;
      transactionsPerMonth: Record<string, never>;
      apiRequestsPerMinute: Record<string, never>;
    };
    FirstAdminDto: {
      /** Format: email */
      email: string;
      name?: string;
    };
    CreateTenantDto: {
      slug: string;
      name: string;
      /** @enum {string} */
      tier: 'STARTER' | 'PROFESSIONAL' | 'ENTERPRISE';
      branding?: components['schemas']['BrandingDto'];
      limits?: components['schemas']['LimitOverridesDto'];
      admin?: components['schemas']['FirstAdminDto'];
    };
    ChangeTierDto: {
      /** @enum {string} */
      tier: 'STARTER' | 'PROFESSIONAL' | 'ENTERPRISE';
    };
    ChangeSlugDto: {
      slug: string;
    };
    RenameTenantDto: {
      name: string;
    };
    AddDomainDto: {
      hostname: string;
    };
    CreatePlatformUserDto: {
      /** Format: email */
      email: string;
      password: string;
    };
    LoginDto: {
      email: string;
      password: string;
      /** @enum {string} */
      refreshTokenDelivery?: 'cookie' | 'body';
    };
    MfaLoginDto: {
      challengeToken: string;
      code?: string;
      recoveryCode?: string;
      /** @enum {string} */
      refreshTokenDelivery?: 'cookie' | 'body';
    };
    MfaEnrolmentChallengeDto: {
      challengeToken: string;
    };
    RefreshDto: {
      refreshToken?: string;
    };
    MfaCodeDto: {
      code: string;
    };
    MfaDisableDto: {
      password?: string;
      code?: string;
    };
    MfaPolicyDto: {
      mfaRequired: boolean;
    };
    CreateUserDto: {
      /** Format: email */
      email: string;
      password: string;
      /** @enum {string} */
      role: 'ADMIN' | 'OPERATOR' | 'VIEWER';
    };
    ChangeRoleDto: {
      /** @enum {string} */
      role: 'ADMIN' | 'OPERATOR' | 'VIEWER';
    };
    OpenSupportSessionDto: {
      reason: string;
      durationMinutes?: number;
    };
    AcceptInvitationDto: {
      token: string;
      password: string;
      name?: string;
      /** @enum {string} */
      refreshTokenDelivery?: 'cookie' | 'body';
    };
    CreateInvitationDto: {
      /** Format: email */
      email: string;
      name?: string;
      /** @enum {string} */
      role: 'ADMIN' | 'OPERATOR' | 'VIEWER';
    };
    RequestPasswordResetDto: {
      email: string;
    };
    ConfirmPasswordResetDto: {
      token: string;
      password: string;
    };
    ChangePasswordDto: {
      currentPassword: string;
      newPassword: string;
    };
    CreateApiKeyDto: {
      name: string;
      scopes: ('payments:read' | 'payments:write' | 'usage:read' | 'webhooks:manage')[];
      /** Format: date-time */
      expiresAt?: string;
    };
    RotateApiKeyDto: {
      /** Format: date-time */
      expiresAt?: string;
      overlapSeconds?: number;
    };
    UpdateBrandingDto: {
      displayName?: string;
      /** Format: uri */
      logoUrl?: string;
      primaryColor?: string;
      secondaryColor?: string;
      /** Format: email */
      supportEmail?: string;
      /** Format: uri */
      supportUrl?: string;
    };
    AddTenantDomainDto: {
      hostname: string;
    };
    CreateWebhookEndpointDto: {
      url: string;
      events: (
        | 'payment.completed'
        | 'payment.failed'
        | 'payment.refunded'
        | 'payment.canceled'
        | 'payment.awaiting_approval'
        | 'usage.threshold_reached'
        | '*'
      )[];
      description?: string;
    };
    UpdateWebhookEndpointDto: {
      url?: string;
      events?: (
        | 'payment.completed'
        | 'payment.failed'
        | 'payment.refunded'
        | 'payment.canceled'
        | 'payment.awaiting_approval'
        | 'usage.threshold_reached'
        | '*'
      )[];
      description: string;
      enabled?: boolean;
    };
    RotateWebhookSecretDto: {
      previousSecretValidForSeconds?: number;
    };
    ReplayWebhookEventDto: {
      endpointId?: string;
    };
    CreatePaymentDto: {
      amount: number;
      currency: string;
      reference: string;
      /** @enum {string} */
      method: 'card' | 'bank_transfer' | 'direct_debit' | 'wallet';
      description?: string;
      metadata?: Record<string, never>;
      paymentToken?: string;
    };
    PaymentNoteDto: {
      note?: string;
    };
    RefundPaymentDto: {
      amount?: number;
      reason?: string;
    };
    PaymentAmountLimitDto: {
      currency: string;
      maxAmount?: number;
      approvalThreshold?: number;
    };
    PaymentWorkflowSettingsDto: {
      allowedMethods?: ('card' | 'bank_transfer' | 'direct_debit' | 'wallet')[];
      allowedCurrencies?: string[];
      amountLimits?: components['schemas']['PaymentAmountLimitDto'][];
    };
    CreatePaymentBatchDto: {
      payments: string[];
    };
    ApiError: {
      /**
       * @description Stable machine-readable code
       * @enum {string}
       */
      error:
        | 'validation_error'
        | 'invalid_json'
        | 'unauthorized'
        | 'refresh_token_reused'
        | 'invalid_mfa_code'
        | 'forbidden'
        | 'tenant_mismatch'
        | 'tenant_suspended'
        | 'tenant_archived'
        | 'tenant_not_archived'
        | 'support_session_read_only'
        | 'cross_tenant_access'
        | 'feature_not_in_tier'
        | 'user_limit_reached'
        | 'not_found'
        | 'tenant_not_found'
        | 'conflict'
        | 'last_super_admin'
        | 'weak_password'
        | 'invitation_not_found'
        | 'invitation_expired'
        | 'invitation_used'
        | 'invitation_revoked'
        | 'password_reset_token_not_found'
        | 'password_reset_token_expired'
        | 'password_reset_token_used'
        | 'invalid_current_password'
        | 'idempotency_in_progress'
        | 'payload_too_large'
        | 'unsupported_media_type'
        | 'idempotency_key_reused'
        | 'rate_limit_exceeded'
        | 'quota_exceeded'
        | 'internal_error'
        | 'not_ready'
        | 'service_unavailable'
        | 'overloaded';
      /** @description Human-readable explanation; never a stack trace */
      message: string;
      /** @description Per-field or per-issue detail, e.g. validation failures */
      details?: {
        [key: string]: unknown;
      }[];
      /** @description The X-Request-Id of the request, for support */
      requestId: string;
      /** Format: date-time */
      timestamp: string;
    };
  };
  responses: never;
  parameters: {
    /** @description Correlation id; generated when absent, echoed back */
    RequestId: string;
    /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
    TenantId: string;
    /** @description Makes a create safely retryable; required on payment creation with an API key */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_live: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsageController_get: {
    parameters: {
      query?: {
        period?: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminUsageController_list: {
    parameters: {
      query?: {
        period?: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminUsageAnalyticsController_overview: {
    parameters: {
      query?: {
        period?: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_list: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        tier?: 'STARTER' | 'PROFESSIONAL' | 'ENTERPRISE';
        status?: 'active' | 'suspended';
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTenantDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_inviteAdmin: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FirstAdminDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_changeTier: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeTierDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_changeSlug: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeSlugDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_rename: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenameTenantDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_archive: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_unarchive: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_setLimits: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LimitOverridesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_suspend: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_activate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_addDomain: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddDomainDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_verifyDomain: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
        hostname: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantsController_removeDomain: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
        hostname: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantOffboardingController_status: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantOffboardingController_start: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminTenantOffboardingController_download: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminPlatformUsersController_list: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminPlatformUsersController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePlatformUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminPlatformUsersController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminPlatformUsersController_deactivate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminPlatformUsersController_reactivate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_logIn: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_completeMfaLogin: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaLoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_startEnrolment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaEnrolmentChallengeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  'MeController_me[0]': {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  'MeController_me[1]': {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformAuthController_logIn: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformAuthController_completeMfaLogin: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaLoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformAuthController_me: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  SessionsController_refresh: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  SessionsController_logout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  SessionsController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  SessionsController_revoke: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformSessionsController_refresh: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformSessionsController_logout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformSessionsController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformSessionsController_revoke: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MfaController_status: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MfaController_enrol: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MfaController_confirm: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MfaController_regenerateRecoveryCodes: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MfaController_disable: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaDisableDto'];
      };
    };
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformMfaController_status: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformMfaController_enrol: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformMfaController_confirm: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformMfaController_regenerateRecoveryCodes: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PlatformMfaController_disable: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaDisableDto'];
      };
    };
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MfaPolicyController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MfaPolicyController_replace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaPolicyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsersController_changeRole: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeRoleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsersController_deactivate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsersController_reactivate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UsersController_unlock: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UserSessionsController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  UserSessionsController_revokeAll: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminSupportSessionsController_open: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenSupportSessionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  SupportSessionsController_listActive: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  SupportSessionsController_end: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  InvitationAcceptanceController_accept: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptInvitationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  InvitationsController_listPending: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  InvitationsController_invite: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvitationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  InvitationsController_resend: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  InvitationsController_revoke: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PasswordResetController_request: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestPasswordResetDto'];
      };
    };
    responses: {
      202: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PasswordResetController_confirm: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmPasswordResetDto'];
      };
    };
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PasswordChangeController_changeOwn: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PasswordChangeController_changeOwnPlatform: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ApiKeysController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ApiKeysController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ApiKeysController_revoke: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ApiKeysController_rotate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RotateApiKeyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuditEventsController_search: {
    parameters: {
      query?: {
        tenant_id?: string;
        limit?: number;
        starting_after?: string;
        actor_id?: string;
        action?:
          | 'tenant.cross_tenant_attempt'
          | 'tenant.mismatch'
          | 'tenant.isolation_guard_violation'
          | 'platform.bypass_used'
          | 'platform.cross_tenant_access'
          | 'auth.login_succeeded'
          | 'auth.login_failed'
          | 'auth.login_rate_limited'
          | 'auth.logout'
          | 'auth.session_revoked'
          | 'auth.refresh_token_reused'
          | 'auth.mfa_challenge_issued'
          | 'auth.mfa_recovery_code_used'
          | 'mfa.enrolment_started'
          | 'mfa.enabled'
          | 'mfa.disabled'
          | 'mfa.recovery_codes_regenerated'
          | 'mfa.code_failed'
          | 'api_key.created'
          | 'api_key.revoked'
          | 'api_key.rotated'
          | 'user.created'
          | 'user.role_changed'
          | 'user.deactivated'
          | 'user.reactivated'
          | 'user.unlocked'
          | 'user.locked'
          | 'platform_user.created'
          | 'platform_user.deactivated'
          | 'platform_user.reactivated'
          | 'invitation.created'
          | 'invitation.resent'
          | 'invitation.revoked'
          | 'invitation.accepted'
          | 'invitation.accept_failed'
          | 'invitation.expired'
          | 'password.reset_requested'
          | 'password.reset_completed'
          | 'password.reset_failed'
          | 'password.changed'
          | 'mail.delivered'
          | 'mail.failed'
          | 'tenant.created'
          | 'tenant.tier_changed'
          | 'tenant.slug_changed'
          | 'tenant.renamed'
          | 'tenant.archived'
          | 'tenant.unarchived'
          | 'tenant.offboarding_started'
          | 'tenant.offboarding_exported'
          | 'tenant.offboarding_export_failed'
          | 'tenant.offboarding_archive_downloaded'
          | 'tenant.offboarded'
          | 'support_session.opened'
          | 'support_session.used'
          | 'support_session.ended'
          | 'tenant.suspended'
          | 'tenant.activated'
          | 'tenant.domain_added'
          | 'tenant.domain_verified'
          | 'tenant.domain_removed'
          | 'tenant.limits_changed'
          | 'tenant.branding_changed'
          | 'tenant.payment_workflow_changed'
          | 'tenant.mfa_requirement_changed'
          | 'webhook_endpoint.created'
          | 'webhook_endpoint.secret_rotated'
          | 'webhook_endpoint.deleted'
          | 'webhook_endpoint.disabled'
          | 'usage.threshold_reached'
          | 'usage.redis_data_lost'
          | 'payment.approved'
          | 'payment.rejected'
          | 'payment_batch.created';
        outcome?: 'success' | 'failure' | 'denied';
        from?: string;
        to?: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminAuditEventsController_search: {
    parameters: {
      query?: {
        tenant_id?: string;
        limit?: number;
        starting_after?: string;
        actor_id?: string;
        action?:
          | 'tenant.cross_tenant_attempt'
          | 'tenant.mismatch'
          | 'tenant.isolation_guard_violation'
          | 'platform.bypass_used'
          | 'platform.cross_tenant_access'
          | 'auth.login_succeeded'
          | 'auth.login_failed'
          | 'auth.login_rate_limited'
          | 'auth.logout'
          | 'auth.session_revoked'
          | 'auth.refresh_token_reused'
          | 'auth.mfa_challenge_issued'
          | 'auth.mfa_recovery_code_used'
          | 'mfa.enrolment_started'
          | 'mfa.enabled'
          | 'mfa.disabled'
          | 'mfa.recovery_codes_regenerated'
          | 'mfa.code_failed'
          | 'api_key.created'
          | 'api_key.revoked'
          | 'api_key.rotated'
          | 'user.created'
          | 'user.role_changed'
          | 'user.deactivated'
          | 'user.reactivated'
          | 'user.unlocked'
          | 'user.locked'
          | 'platform_user.created'
          | 'platform_user.deactivated'
          | 'platform_user.reactivated'
          | 'invitation.created'
          | 'invitation.resent'
          | 'invitation.revoked'
          | 'invitation.accepted'
          | 'invitation.accept_failed'
          | 'invitation.expired'
          | 'password.reset_requested'
          | 'password.reset_completed'
          | 'password.reset_failed'
          | 'password.changed'
          | 'mail.delivered'
          | 'mail.failed'
          | 'tenant.created'
          | 'tenant.tier_changed'
          | 'tenant.slug_changed'
          | 'tenant.renamed'
          | 'tenant.archived'
          | 'tenant.unarchived'
          | 'tenant.offboarding_started'
          | 'tenant.offboarding_exported'
          | 'tenant.offboarding_export_failed'
          | 'tenant.offboarding_archive_downloaded'
          | 'tenant.offboarded'
          | 'support_session.opened'
          | 'support_session.used'
          | 'support_session.ended'
          | 'tenant.suspended'
          | 'tenant.activated'
          | 'tenant.domain_added'
          | 'tenant.domain_verified'
          | 'tenant.domain_removed'
          | 'tenant.limits_changed'
          | 'tenant.branding_changed'
          | 'tenant.payment_workflow_changed'
          | 'tenant.mfa_requirement_changed'
          | 'webhook_endpoint.created'
          | 'webhook_endpoint.secret_rotated'
          | 'webhook_endpoint.deleted'
          | 'webhook_endpoint.disabled'
          | 'usage.threshold_reached'
          | 'usage.redis_data_lost'
          | 'payment.approved'
          | 'payment.rejected'
          | 'payment_batch.created';
        outcome?: 'success' | 'failure' | 'denied';
        from?: string;
        to?: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  BrandingController_read: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  BrandingController_replace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateBrandingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  TenantDomainsController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  TenantDomainsController_add: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddTenantDomainDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  TenantDomainsController_verify: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        hostname: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  TenantDomainsController_remove: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        hostname: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEndpointsController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEndpointsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookEndpointDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEndpointsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEndpointsController_remove: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEndpointsController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookEndpointDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEndpointsController_rotateSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RotateWebhookSecretDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEndpointsController_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        status?: 'pending' | 'succeeded' | 'failed' | 'canceled';
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  WebhookEventsController_replay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        eventId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplayWebhookEventDto'];
      };
    };
    responses: {
      202: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentsController_list: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: string;
        ending_before?: string;
        status?:
          | 'AWAITING_APPROVAL'
          | 'PENDING'
          | 'PROCESSING'
          | 'COMPLETED'
          | 'FAILED'
          | 'CANCELED'
          | 'REJECTED'
          | 'PARTIALLY_REFUNDED'
          | 'REFUNDED';
        currency?: string;
        method?: 'card' | 'bank_transfer' | 'direct_debit' | 'wallet';
        reference?: string;
        created_gte?: string;
        created_lte?: string;
        amount_gte?: number;
        amount_lte?: number;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePaymentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentsController_stats: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentsController_analyticsReport: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentsController_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaymentNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentsController_refund: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefundPaymentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentApprovalsController_approve: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaymentNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentApprovalsController_reject: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaymentNoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  GatewayWebhooksController_receive: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentDeadLettersController_list: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentDeadLettersController_replay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminPaymentAnalyticsController_payments: {
    parameters: {
      query: {
        from: string;
        to: string;
        group_by: 'tenant' | 'tier' | 'status' | 'day';
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AdminPaymentAnalyticsController_topTenants: {
    parameters: {
      query: {
        from: string;
        to: string;
        currency: string;
        limit?: number;
        status?:
          | 'AWAITING_APPROVAL'
          | 'PENDING'
          | 'PROCESSING'
          | 'COMPLETED'
          | 'FAILED'
          | 'CANCELED'
          | 'REJECTED'
          | 'PARTIALLY_REFUNDED'
          | 'REFUNDED';
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentWorkflowSettingsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PaymentWorkflowSettingsController_replace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaymentWorkflowSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  BulkPaymentsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
        /** @description Makes a create safely retryable; required on payment creation with an API key */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePaymentBatchDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  BulkPaymentsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  BulkPaymentsController_items: {
    parameters: {
      query?: {
        limit?: number;
        starting_after?: number;
        status?: 'rejected' | 'pending' | 'created' | 'failed';
      };
      header?: {
        /** @description Correlation id; generated when absent, echoed back */
        'X-Request-Id'?: components['parameters']['RequestId'];
        /** @description Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch) */
        'X-Tenant-ID'?: components['parameters']['TenantId'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Requests allowed in the window */
          'X-RateLimit-Limit'?: number;
          /** @description Requests left in the window */
          'X-RateLimit-Remaining'?: number;
          /** @description Unix time (s) the window resets */
          'X-RateLimit-Reset'?: number;
          /** @description IETF draft RateLimit-Policy field */
          'RateLimit-Policy'?: string;
          /** @description IETF draft RateLimit field */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_error: the request is malformed or fails validation */
      400: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description unauthorized: missing, invalid or expired credential */
      401: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier */
      403: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description not_found / tenant_not_found (another tenant's resource answers the same) */
      404: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description rate_limit_exceeded / quota_exceeded: see Retry-After */
      429: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          /** @description Seconds to wait */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description internal_error: no internals are disclosed */
      500: {
        headers: {
          /** @description The request id (echoed or generated) */
          'X-Request-Id'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
}
