import { Injectable } from '@nestjs/common';
import {
  type ResolutionInput,
  ResolutionMethod,
  type TenantReference,
  type TenantResolutionStrategy,
} from '@tenantpay/tenancy';
import { readBearerCredential } from '../resolution/read-credentials';
import { SUPPORT_TOKEN_PREFIX } from './support-session.constant';
import { SupportSessionsService } from './support-sessions.service';
import { SupportTokenService } from './support-token.service';

/**
 * Tenant resolution by support token (`Authorization: Bearer tps_…`): a signed claim naming exactly one
 * tenant, as trusted as an access token's, and refused (401) once its session has ended or expired. A host or
 * header naming another tenant is the usual 403 `tenant_mismatch`.
 */
@Injectable()
export class SupportTokenStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.JwtClaim;
  readonly priority = 11;
  readonly isCredential = true;

  constructor(
    private readonly tokens: SupportTokenService,
    private readonly sessions: SupportSessionsService,
  ) {}

  /** Not async: a request without a support token (nearly all) is answered without a promise. */
  find(input: ResolutionInput): Promise<TenantReference> | null {
    const bearer = readBearerCredential(input.headers);
    if (bearer === null || !bearer.startsWith(SUPPORT_TOKEN_PREFIX)) return null;
    return this.verified(bearer);
  }

  private async verified(bearer: string): Promise<TenantReference> {
    const principal = await this.sessions.principalFor(this.tokens.verify(bearer));
    return { method: this.method, tenant: { by: 'id', value: principal.tenantId }, principal };
  }
}
