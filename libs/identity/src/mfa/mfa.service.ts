import { Injectable } from '@nestjs/common';
import { type AuditActionName, AuditAction, AuditService } from '@tenantpay/audit';
import { TenantContextService } from '@tenantpay/tenancy';
import { PasswordHasher } from '../passwords/password-hasher.service';
import type { SessionUserKind } from '../sessions/sessions.service';
import { InvalidMfaCodeException } from './invalid-mfa-code.exception';
import { MfaAlreadyEnabledException } from './mfa-already-enabled.exception';
import type { MfaEnrolment, MfaRecoveryCodes, MfaStatus } from './mfa-enrolment';
import type { MfaAccount, MfaFactorStore } from './mfa-factor-store';
import { MfaFactorVerifier } from './mfa-factor-verifier.service';
import { MfaNotEnabledException } from './mfa-not-enabled.exception';
import { MfaRequiresUserException } from './mfa-requires-user.exception';
import type { MfaProof } from './mfa-proof';
import { PlatformUserMfaStore } from './platform-user-mfa.store';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { TenantUserMfaStore } from './tenant-user-mfa.store';
import { generateTotpSecret, matchingTotpStep, totpProvisioningUri } from './totp-verifier';

interface Owner {
  readonly kind: SessionUserKind;
  readonly userId: string;
  readonly tenantId: string | null;
  readonly store: MfaFactorStore;
}

/**
 * A signed-in user manages their own TOTP factor (tenant users and platform users alike): enrol (a new secret,
 * shown once), confirm with a code (activates it and hands out ten recovery codes, shown once), regenerate the
 * recovery codes (a code required), disable (the current password or a code required). Every step audited.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly tenantUsers: TenantUserMfaStore,
    private readonly platformUsers: PlatformUserMfaStore,
    private readonly verifier: MfaFactorVerifier,
    private readonly hasher: PasswordHasher,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
  ) {}

  async status(): Promise<MfaStatus> {
    const { account } = await this.ownAccount();
    const enabled = account.mfa?.secret !== null && account.mfa?.secret !== undefined;
    return {
      enabled,
      enabledAt: account.mfa?.enabledAt ?? null,
      recoveryCodesLeft: enabled ? (account.mfa?.recoveryCodeHashes.length ?? 0) : 0,
    };
  }

  /** Starts (or restarts) an enrolment; the factor is active only after `confirm`. */
  async enrol(): Promise<MfaEnrolment> {
    const { owner, account } = await this.ownAccount();
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
    await this.record(owner, AuditAction.MfaEnrolmentStarted);
    return { secret, otpauthUri: totpProvisioningUri(secret, account.email) };
  }

  async confirm(code: string, nowMs = Date.now()): Promise<MfaRecoveryCodes> {
    const { owner, account } = await this.ownAccount();
    const pending = account.mfa?.pendingSecret ?? null;
    if (account.mfa?.secret !== null && account.mfa?.secret !== undefined)
      throw new MfaAlreadyEnabledException();
    if (pending === null) throw new MfaNotEnabledException('No enrolment was started.');
    const step = matchingTotpStep(this.verifier.decryptSecret(pending, owner.userId), code, nowMs);
    if (step === null) {
      await this.record(owner, AuditAction.MfaCodeFailed, 'failure', { during: 'enrolment' });
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
    await this.record(owner, AuditAction.MfaEnabled);
    return { recoveryCodes };
  }

  /** Replaces every recovery code (the old ones stop working); a current TOTP code is required. */
  async regenerateRecoveryCodes(code: string): Promise<MfaRecoveryCodes> {
    const { owner, account } = await this.ownActiveFactor();
    await this.requireProof(owner, account, { code });
    const recoveryCodes = generateRecoveryCodes();
    await owner.store.update(
      owner.userId,
      { 'mfa.secret': account.mfa?.secret },
      { $set: { 'mfa.recoveryCodeHashes': recoveryCodes.map(hashRecoveryCode) } },
    );
    await this.record(owner, AuditAction.MfaRecoveryCodesRegenerated);
    return { recoveryCodes };
  }

  /** Removes the factor; proven by the current password or a TOTP code. */
  async disable(proof: { readonly password?: string; readonly code?: string }): Promise<void> {
    const { owner, account } = await this.ownActiveFactor();
    if (proof.password !== undefined) {
      if (!(await this.hasher.verify(account.passwordHash, proof.password))) {
        await this.record(owner, AuditAction.MfaCodeFailed, 'failure', {
          during: 'disable',
          proof: 'password',
        });
        throw new InvalidMfaCodeException();
      }
    } else {
      await this.requireProof(owner, account, { ...(proof.code === undefined ? {} : { code: proof.code }) });
    }
    await owner.store.update(owner.userId, {}, { $set: { mfa: null } });
    await this.record(owner, AuditAction.MfaDisabled);
  }

  private async requireProof(owner: Owner, account: MfaAccount, proof: MfaProof): Promise<void> {
    const accepted = await this.verifier.verifyAndSpend(owner.store, owner.userId, account, proof);
    if (accepted !== null) return;
    await this.record(owner, AuditAction.MfaCodeFailed, 'failure', { during: 'self_service' });
    throw new InvalidMfaCodeException();
  }

  private async ownActiveFactor(): Promise<{ owner: Owner; account: MfaAccount }> {
    const found = await this.ownAccount();
    if (found.account.mfa?.secret === null || found.account.mfa?.secret === undefined)
      throw new MfaNotEnabledException();
    return found;
  }

  private async ownAccount(): Promise<{ owner: Owner; account: MfaAccount }> {
    const context = this.tenantContext.current();
    const principal = context?.principal ?? null;
    let owner: Owner;
    if (principal?.kind === 'user')
      owner = {
        kind: 'user',
        userId: principal.userId,
        tenantId: principal.tenantId,
        store: this.tenantUsers,
      };
    else if (principal?.kind === 'platform-user')
      owner = { kind: 'platform-user', userId: principal.userId, tenantId: null, store: this.platformUsers };
    else throw new MfaRequiresUserException();
    const account = await owner.store.find(owner.userId);
    if (account === null) throw new MfaRequiresUserException();
    return { owner, account };
  }

  private record(
    owner: Owner,
    action: AuditActionName,
    outcome: 'success' | 'failure' = 'success',
    metadata?: Record<string, string>,
  ): Promise<void> {
    return this.audit.record({
      action,
      outcome,
      tenantId: owner.tenantId,
      actor: { type: owner.kind, id: owner.userId },
      resource: { type: owner.kind === 'user' ? 'user' : 'platform_user', id: owner.userId },
      ...(metadata === undefined ? {} : { metadata }),
    });
  }
}
