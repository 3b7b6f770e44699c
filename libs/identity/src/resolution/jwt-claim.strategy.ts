import { Injectable } from '@nestjs/common';
import {
  type Awaitable,
  type ResolutionInput,
  ResolutionMethod,
  type TenantReference,
  type TenantResolutionStrategy,
  thenOrNow,
} from '@tenantpay/tenancy';
import { API_KEY_PREFIX } from '../identity.constant';
import { PlatformUserAccessCache } from '../platform-users/platform-user-access-cache.service';
import { SUPPORT_TOKEN_PREFIX } from '../support-sessions/support-session.constant';
import type { AccessTokenClaims } from '../tokens/access-token-claims';
import { AccessTokenService } from '../tokens/access-token.service';
import { SessionStateCache } from '../sessions/session-state-cache.service';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { UserAccessCache } from '../users/user-access-cache.service';
import { readBearerCredential } from './read-credentials';

/**
 * Tenant resolution by access token (`Authorization: Bearer <jwt>`), the most trusted source: the token
 * is verified before its `tid` is believed. A platform user's token names no tenant. A present but
 * invalid token is refused (401), never ignored; so is the token of a tenant user who has since been
 * deactivated, removed or given another role (the token's role would be a lie), from the next request on, on
 * every instance (see UserAccessCache; a steady request costs no round trip for this). The same holds for a
 * deactivated platform operator's token (PlatformUserAccessCache) and for a token whose session (`sid`) was
 * ended by logout or revocation (SessionStateCache).
 */
@Injectable()
export class JwtClaimStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.JwtClaim;
  readonly priority = 10;
  readonly isCredential = true;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly userAccess: UserAccessCache,
    private readonly platformUserAccess: PlatformUserAccessCache,
    private readonly sessions: SessionStateCache,
  ) {}

  /**
   * Not async: a request without a token (most API-key calls) is answered without a promise, and so is one
   * whose token, session and user this process already knows (nearly every request carrying a token).
   */
  find(input: ResolutionInput): Awaitable<TenantReference> | null {
    const bearer = readBearerCredential(input.headers);
    // API keys and support tokens have strategies of their own.
    if (bearer === null || bearer.startsWith(API_KEY_PREFIX) || bearer.startsWith(SUPPORT_TOKEN_PREFIX))
      return null;
    const claims = this.tokens.verify(bearer);
    return thenOrNow(this.sessions.isLive(claims.tid ?? null, claims.sid), (live) => {
      if (!live) throw new InvalidCredentialException();
      return claims.tid === undefined ? this.platformUser(claims) : this.tenantUser(claims, claims.tid);
    });
  }

  private platformUser(claims: AccessTokenClaims): Awaitable<TenantReference> {
    return thenOrNow(this.platformUserAccess.find(claims.sub), (access) => {
      if (access === null || !access.isActive || access.role !== claims.role) {
        throw new InvalidCredentialException();
      }
      return {
        method: this.method,
        tenant: null,
        principal: {
          kind: 'platform-user',
          userId: claims.sub,
          role: claims.role,
          tokenId: claims.jti,
          sessionId: claims.sid,
        },
      };
    });
  }

  private tenantUser(claims: AccessTokenClaims, tenantId: string): Awaitable<TenantReference> {
    return thenOrNow(this.userAccess.find(tenantId, claims.sub), (access) => {
      if (access === null || !access.isActive || access.role !== claims.role) {
        throw new InvalidCredentialException();
      }
      return {
        method: this.method,
        tenant: { by: 'id', value: tenantId },
        principal: {
          kind: 'user',
          userId: claims.sub,
          tenantId,
          role: claims.role,
          tokenId: claims.jti,
          sessionId: claims.sid,
        },
      };
    });
  }
}
