import { Inject, Injectable } from '@nestjs/common';
import { trusted } from 'mongoose';
import { APP_CONFIG, type AppConfig, SecretCipher } from '@tenantpay/platform';
import type { MfaAccount, MfaFactorStore } from './mfa-factor-store';
import type { MfaProof } from './mfa-proof';
import { hashRecoveryCode } from './recovery-codes';
import { matchingTotpStep } from './totp-verifier';

/** Which proof was accepted: for the audit trail. */
export type AcceptedMfaProof = 'totp' | 'recovery_code';

/**
 * Checks a second factor and spends it in the same step: a TOTP code is accepted only if its time step is
 * later than the last accepted one (the conditional update makes two concurrent uses of one code accept one),
 * a recovery code only if it can still be removed from the unused list.
 */
@Injectable()
export class MfaFactorVerifier {
  private readonly cipher: SecretCipher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cipher = new SecretCipher(config.mfa.secretEncryptionKey);
  }

  async verifyAndSpend(
    store: MfaFactorStore,
    userId: string,
    account: MfaAccount,
    proof: MfaProof,
    nowMs = Date.now(),
  ): Promise<AcceptedMfaProof | null> {
    const factor = account.mfa;
    if (factor?.secret === null || factor?.secret === undefined) return null;
    if (proof.code !== undefined) {
      const secret = this.cipher.decrypt(factor.secret, secretContext(userId));
      const step = matchingTotpStep(secret, proof.code, nowMs);
      if (step === null) return null;
      const claimed = await store.update(
        userId,
        { 'mfa.secret': factor.secret, 'mfa.lastUsedStep': trusted({ $lt: step }) },
        { $set: { 'mfa.lastUsedStep': step } },
      );
      return claimed ? 'totp' : null;
    }
    if (proof.recoveryCode !== undefined) {
      const hash = hashRecoveryCode(proof.recoveryCode);
      const claimed = await store.update(
        userId,
        { 'mfa.recoveryCodeHashes': hash },
        { $pull: { 'mfa.recoveryCodeHashes': hash } },
      );
      return claimed ? 'recovery_code' : null;
    }
    return null;
  }

  encryptSecret(secret: string, userId: string): string {
    return this.cipher.encrypt(secret, secretContext(userId));
  }

  decryptSecret(stored: string, userId: string): string {
    return this.cipher.decrypt(stored, secretContext(userId));
  }
}

/** Binds a stored secret to its user: copied onto another user's document it does not decrypt. */
function secretContext(userId: string): string {
  return `tenantpay:mfa-totp-secret:${userId}`;
}
