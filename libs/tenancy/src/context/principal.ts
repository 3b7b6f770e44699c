/** Who is calling, once their credential has been verified. */
export type Principal = TenantUserPrincipal | ApiKeyPrincipal | PlatformUserPrincipal;

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

/** The identifier audit events and `createdBy` fields record for a principal. */
export function principalActorId(principal: Principal): string {
  return principal.kind === 'api-key' ? principal.apiKeyId : principal.userId;
}
