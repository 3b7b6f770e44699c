import { Injectable } from '@nestjs/common';
import { TenantContextService } from '@tenantpay/tenancy';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { UsersRepository } from '../users/users.repository';
import type { CurrentIdentity } from './current-identity';

/**
 * Describes the user behind the current request's access token. A token whose user has since been
 * deactivated or removed is refused here (the token itself stays valid until it expires, which is why
 * access tokens are short-lived).
 */
@Injectable()
export class CurrentIdentityService {
  constructor(
    private readonly tenantContext: TenantContextService,
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
  ) {}

  async describe(): Promise<CurrentIdentity> {
    const principal = this.tenantContext.current()?.principal ?? null;
    if (principal?.kind === 'user') {
      const user = await this.users.findById(principal.userId);
      if (user === null || !user.isActive) throw new InvalidCredentialException();
      return {
        kind: 'user',
        id: principal.userId,
        email: user.email,
        role: user.role,
        tenantId: principal.tenantId,
      };
    }
    if (principal?.kind === 'platform-user') {
      const user = await this.platformUsers.findById(principal.userId);
      if (user === null || !user.isActive) throw new InvalidCredentialException();
      return { kind: 'platform-user', id: principal.userId, email: user.email, role: user.role };
    }
    // API keys have no user; the routes that use this do not admit them.
    throw new InvalidCredentialException();
  }
}
