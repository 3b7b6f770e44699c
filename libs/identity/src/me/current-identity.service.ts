import { Injectable } from '@nestjs/common';
import { TenantContextService } from '@tenantpay/tenancy';
import { toApiKeyView } from '../api-keys/api-key-view';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { UsersRepository } from '../users/users.repository';
import type { CurrentIdentity } from './current-identity';

/**
 * Describes the caller: the user behind the current request's access token, or the API key itself. A token whose user has since been
 * deactivated or removed is refused here (the token itself stays valid until it expires, which is why
 * access tokens are short-lived).
 */
@Injectable()
export class CurrentIdentityService {
  constructor(
    private readonly tenantContext: TenantContextService,
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  async describe(): Promise<CurrentIdentity> {
    const context = this.tenantContext.current();
    const principal = context?.principal ?? null;
    if (principal?.kind === 'user' && context?.tenant != null) {
      const user = await this.users.findById(principal.userId);
      if (user === null || !user.isActive) throw new InvalidCredentialException();
      return {
        kind: 'user',
        id: principal.userId,
        email: user.email,
        role: user.role,
        tenantId: principal.tenantId,
        tier: context.tenant.tier,
        features: context.tenant.features,
      };
    }
    if (principal?.kind === 'platform-user') {
      const user = await this.platformUsers.findById(principal.userId);
      if (user === null || !user.isActive) throw new InvalidCredentialException();
      return { kind: 'platform-user', id: principal.userId, email: user.email, role: user.role };
    }
    if (principal?.kind === 'api-key') {
      // Read in the key's own tenant (the request's context): the key authenticated, so it exists.
      const key = await this.apiKeys.findById(principal.apiKeyId);
      if (key === null) throw new InvalidCredentialException();
      const view = toApiKeyView(key);
      return {
        kind: 'api-key',
        id: view.id,
        name: view.name,
        tenantId: principal.tenantId,
        scopes: view.scopes,
        prefix: view.prefix,
        expiresAt: view.expiresAt,
        status: view.status,
      };
    }
    throw new InvalidCredentialException();
  }
}
