import { Injectable } from '@nestjs/common';
import { AuditAction, type AuditActionName, AuditService } from '@tenantpay/audit';
import { InvalidMfaCodeException } from './invalid-mfa-code.exception';
import { MfaAlreadyEnabledException } from './mfa-already-enabled.exception';
import type { MfaEnrolment, MfaRecoveryCodes } from './mfa-enrolment';
import type { MfaAccount } from './mfa-factor-store';
import { MfaFactorVerifier } from './mfa-factor-verifier.service';
import { MfaNotEnabledException } from './mfa-not-enabled.exception';
import type { MfaOwner } from './mfa-owner';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { generateTotpSecret, matchingTotpStep, totpProvisioningUri } from './totp-verifier';

/**
 * Enrolment, shared by the signed-in self-service routes and the enrolment-only login a tenant's mandatory
 * MFA imposes: `start` stores a new secret as pending (encrypted) and shows it once; `activate` checks a code
 * of it, makes it the factor (remembering the code's step, so it cannot be replayed at the next login) and
 * hands out ten recovery codes, shown once. Both audited.
 */
@Injectable()
export class MfaEnrolmentService {
  constructor(
    private readonly verifier: MfaFactorVerifier,
    private readonly audit: AuditService,
  ) {}

  async start(owner: MfaOwner, account: MfaAccount, ip: string | null = null): Promise<MfaEnrolment> {
    const secret = generateTotpSecret();
    const pendingSecret = this.verifier.encryptSecret(secret, owner.userId);
    const started = await owner.store.update(
      owner.userId,
      // Matches a user who never enrolled (no `mfa`) and one with only an unconfirmed enrolment.
      { 'mfa.secret': null },
      {
        $set: {
          mfa: {
            secret: null,
            pendingSecret,
            enabledAt: null,
            lastUsedStep: account.mfa?.lastUsedStep ?? 0,
            recoveryCodeHashes: [],
          },
        },
      },
    );
    if (!started) throw new MfaAlreadyEnabledException();
    await this.record(owner, AuditAction.MfaEnrolmentStarted, ip);
    return { secret, otpauthUri: totpProvisioningUri(secret, account.email) };
  }

  async activate(
    owner: MfaOwner,
    account: MfaAccount,
    code: string,
    ip: string | null = null,
    nowMs = Date.now(),
  ): Promise<MfaRecoveryCodes> {
    const pending = account.mfa?.pendingSecret ?? null;
    if (account.mfa?.secret !== null && account.mfa?.secret !== undefined)
      throw new MfaAlreadyEnabledException();
    if (pending === null) throw new MfaNotEnabledException('No enrolment was started.');
    const step = matchingTotpStep(this.verifier.decryptSecret(pending, owner.userId), code, nowMs);
    if (step === null) {
      await this.record(owner, AuditAction.MfaCodeFailed, ip, 'failure', { during: 'enrolment' });
      throw new InvalidMfaCodeException();
    }
    const recoveryCodes = generateRecoveryCodes();
    const activated = await owner.store.update(
      owner.userId,
      { 'mfa.pendingSecret': pending, 'mfa.secret': null },
      {
        $set: {
          'mfa.secret': pending,
          'mfa.pendingSecret': null,
          'mfa.enabledAt': new Date(nowMs),
          'mfa.lastUsedStep': step,
          'mfa.recoveryCodeHashes': recoveryCodes.map(hashRecoveryCode),
        },
      },
    );
    // Another confirmation or a new enrolment got there first.
    if (!activated) throw new InvalidMfaCodeException();
    await this.record(owner, AuditAction.MfaEnabled, ip);
    return { recoveryCodes };
  }

  record(
    owner: MfaOwner,
    action: AuditActionName,
    ip: string | null,
    outcome: 'success' | 'failure' = 'success',
    metadata?: Record<string, string>,
  ): Promise<void> {
    return this.audit.record({
      action,
      outcome,
      tenantId: owner.tenantId,
      actor: { type: owner.kind, id: owner.userId },
      resource: { type: owner.kind === 'user' ? 'user' : 'platform_user', id: owner.userId },
      ...(ip === null ? {} : { ip }),
      ...(metadata === undefined ? {} : { metadata }),
    });
  }
}
