import { Injectable } from '@nestjs/common';
import {
  type ResolutionInput,
  ResolutionMethod,
  type TenantReference,
  type TenantResolutionStrategy,
} from '@tenantpay/tenancy';
import { API_KEY_PREFIX } from '../identity.constant';
import { AccessTokenService } from '../tokens/access-token.service';
import { readBearerCredential } from './read-credentials';

/**
 * Tenant resolution by access token (`Authorization: Bearer <jwt>`), the most trusted source: the token
 * is verified before its `tid` is believed. A platform user's token names no tenant. A present but
 * invalid token is refused (401), never ignored.
 */
@Injectable()
export class JwtClaimStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.JwtClaim;
  readonly priority = 10;
  readonly isCredential = true;

  constructor(private readonly tokens: AccessTokenService) {}

  async find(input: ResolutionInput): Promise<TenantReference | null> {
    const bearer = readBearerCredential(input.headers);
    if (bearer === null || bearer.startsWith(API_KEY_PREFIX)) return null;
    const claims = await this.tokens.verify(bearer);
    if (claims.tid === undefined) {
      return {
        method: this.method,
        tenant: null,
        principal: { kind: 'platform-user', userId: claims.sub, role: claims.role, tokenId: claims.jti },
      };
    }
    return {
      method: this.method,
      tenant: { by: 'id', value: claims.tid },
      principal: {
        kind: 'user',
        userId: claims.sub,
        tenantId: claims.tid,
        role: claims.role,
        tokenId: claims.jti,
      },
    };
  }
}
