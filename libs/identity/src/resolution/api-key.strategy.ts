import { Injectable } from '@nestjs/common';
import {
  type Awaitable,
  Feature,
  FeatureNotInTierException,
  hasFeature,
  type ResolutionInput,
  ResolutionMethod,
  TenantLookupService,
  type TenantReference,
  type TenantResolutionStrategy,
  thenOrNow,
} from '@tenantpay/tenancy';
import { ApiKeyAuthenticator } from '../api-keys/api-key-authenticator.service';
import { readApiKeyCredential } from './read-credentials';

/**
 * Tenant resolution by API key (`X-API-Key: <key>` or `Authorization: Bearer <key>`): the key is
 * authenticated and names its tenant. A present but unknown, revoked, expired or malformed key is refused
 * (401), never ignored. API-key access is a tier feature, so a genuine key of a tenant whose tier no
 * longer includes it (a downgrade) is refused with 403 `feature_not_in_tier` on every route.
 */
@Injectable()
export class ApiKeyStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.ApiKey;
  readonly priority = 20;
  readonly isCredential = true;

  constructor(
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly tenants: TenantLookupService,
  ) {}

  /**
   * Not async: a request without an API key (a browser's) is answered without a promise, and so is one whose
   * key and tenant this process already knows.
   */
  find(input: ResolutionInput): Awaitable<TenantReference> | null {
    const presented = readApiKeyCredential(input.headers);
    if (presented === null) return null;
    return thenOrNow(this.authenticator.authenticate(presented), (principal) =>
      // Cached lookup; a tenant that no longer exists is left to the resolver, which refuses the credential.
      thenOrNow(this.tenants.findNow({ by: 'id', value: principal.tenantId }), (tenant) => {
        if (tenant !== null && !hasFeature(tenant, Feature.ApiKeys))
          throw new FeatureNotInTierException(Feature.ApiKeys);
        return { method: this.method, tenant: { by: 'id', value: principal.tenantId }, principal };
      }),
    );
  }
}
