import { Controller, Get } from '@nestjs/common';
import { type CurrentIdentity, CurrentIdentityService } from '@tenantpay/identity';
import { Scopes } from '@tenantpay/tenancy';
import { ApiCurrentIdentityResponse } from './api-current-identity-response.decorator';
import { CurrentApiKeyResponse } from './responses/current-api-key.response';
import { CurrentUserResponse } from './responses/current-user.response';

/**
 * "Who am I" for a tenant's credentials: a user's access token (their id, email, role) or an API key (its
 * tenant, scopes, prefix, expiry). One handler at `/v1/me` and, for the clients written against it,
 * `/v1/auth/me`. Every API key may ask (no scope needed); platform operators use `/v1/platform/auth/me`.
 */
@Controller()
export class MeController {
  constructor(private readonly identity: CurrentIdentityService) {}

  /** The caller: a user (id, email, role) or an API key (tenant, scopes, prefix, expiry). */
  @ApiCurrentIdentityResponse(CurrentUserResponse, CurrentApiKeyResponse)
  @Get(['me', 'auth/me'])
  @Scopes()
  me(): Promise<CurrentIdentity> {
    return this.identity.describe();
  }
}
