import { isDuplicateKeyError } from '@tenantpay/platform';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
import { EmailAlreadyRegisteredException } from '../users/email-already-registered.exception';
import type { PlatformUser } from './platform-user';
import { PlatformUsersRepository } from './platform-users.repository';

/** Creates platform operators (bootstrap tooling, tests); there is deliberately no HTTP route for it. */
@Injectable()
export class PlatformUsersService {
  constructor(
    private readonly platformUsers: PlatformUsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(email: string, password: string): Promise<PlatformUser> {
    const normalizedEmail = email.trim().toLowerCase();
    assertPasswordAllowed(password, normalizedEmail);
    const passwordHash = await this.hasher.hash(password);
    try {
      return await this.platformUsers.insert(normalizedEmail, passwordHash);
    } catch (error) {
      throw isDuplicateKeyError(error) ? new EmailAlreadyRegisteredException() : error;
    }
  }
}
