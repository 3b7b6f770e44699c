/** Who is calling, once their credential has been verified. */
export type Principal = TenantUserPrincipal | ApiKeyPrincipal | PlatformUserPrincipal | SupportPrincipal;

export interface TenantUserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly tenantId: string;
  readonly role: string;
  /** The access token's id, for audit trails. */
  readonly tokenId: string;
  /** The sign-in session the access token belongs to (its `sid`). */
  readonly sessionId: string;
}

export interface ApiKeyPrincipal {
  readonly kind: 'api-key';
  readonly apiKeyId: string;
  readonly tenantId: string;
  readonly scopes: readonly string[];
}

export interface PlatformUserPrincipal {
  readonly kind: 'platform-user';
  readonly userId: string;
  readonly role: string;
  readonly tokenId: string;
  /** The sign-in session the access token belongs to (its `sid`). */
  readonly sessionId: string;
}

/**
 * A platform operator inside one tenant through a time-boxed, read-only support session: reads on that
 * tenant's routes only (the support session guard refuses every other method), each use audited.
 */
export interface SupportPrincipal {
  readonly kind: 'support';
  readonly sessionId: string;
  /** The platform user who opened the session. */
  readonly operatorId: string;
  readonly tenantId: string;
  readonly tokenId: string;
}

/** The identifier audit events and `createdBy` fields record for a principal. */
export function principalActorId(principal: Principal): string {
  switch (principal.kind) {
    case 'api-key':
      return principal.apiKeyId;
    case 'support':
      return principal.operatorId;
    default:
      return principal.userId;
  }
}
