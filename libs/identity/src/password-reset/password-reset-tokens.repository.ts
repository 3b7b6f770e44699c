import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { type Model, trusted, type Types } from 'mongoose';
import { PURGE_AFTER_TTL_INDEX, purgeAfter } from '../retention/ended-credential-retention';
import type { PasswordResetToken } from './password-reset-token';
import { PASSWORD_RESET_MODEL } from './password-reset-token.schema';

/** The current tenant's password resets. */
@Injectable()
export class PasswordResetTokensRepository
  extends TenantAwareRepository<PasswordResetToken>
  implements OnModuleInit
{
  private readonly logger = new Logger(PasswordResetTokensRepository.name);

  constructor(
    @InjectModel(PASSWORD_RESET_MODEL) model: Model<PasswordResetToken>,
    isolation: DataIsolationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(model, isolation);
  }

  async onModuleInit(): Promise<void> {
    // See PURGE_AFTER_TTL_INDEX for why this index is created here rather than declared on the schema.
    await this.createIndexOutsideSchema(PURGE_AFTER_TTL_INDEX).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not create the password resets TTL index'),
    );
  }

  /**
   * A reset can be used until `expiresAt` at the latest (earlier if used or voided), so it is deleted the
   * retention period after that, whatever ended it; fixed at issue, so no later write has to remember it.
   */
  insert(userId: string, tokenHash: string, expiresAt: Date): Promise<PasswordResetToken> {
    return this.create({
      userId,
      tokenHash,
      expiresAt,
      usedAt: null,
      purgeAfter: purgeAfter(expiresAt, this.config.auth.endedCredentialRetentionDays),
    });
  }

  findByTokenHash(hash: string): Promise<PasswordResetToken | null> {
    return this.findOne({ tokenHash: hash });
  }

  issuedSince(userId: string, since: Date): Promise<boolean> {
    return this.exists({ userId, usedAt: null, createdAt: trusted({ $gte: since }) });
  }

  /** Marks the token used if it still was not; false when another request used it first. */
  async use(id: Types.ObjectId, at: Date): Promise<boolean> {
    return (await this.updateOne({ _id: id, usedAt: null }, { $set: { usedAt: at } })).modifiedCount === 1;
  }

  /** Voids every open reset of the user (a newer one replaces them; a completed reset ends them all). */
  async voidOpen(userId: string, at: Date): Promise<void> {
    await this.updateMany({ userId, usedAt: null }, { $set: { usedAt: at } });
  }
}
