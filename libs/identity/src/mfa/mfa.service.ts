import { Injectable } from '@nestjs/common';
import { AuditAction } from '@tenantpay/audit';
import { TenantContextService } from '@tenantpay/tenancy';
import { InvalidMfaCodeException } from './invalid-mfa-code.exception';
import type { MfaEnrolment, MfaRecoveryCodes, MfaStatus } from './mfa-enrolment';
import { MfaEnrolmentService } from './mfa-enrolment.service';
import type { MfaAccount } from './mfa-factor-store';
import { MfaFactorVerifier } from './mfa-factor-verifier.service';
import { MfaNotEnabledException } from './mfa-not-enabled.exception';
import type { MfaOwner } from './mfa-owner';
import { MfaPolicyService } from './mfa-policy.service';
import type { MfaProof } from './mfa-proof';
import { MfaRequiredByTenantException } from './mfa-required-by-tenant.exception';
import { MfaRequiresUserException } from './mfa-requires-user.exception';
import { PlatformUserMfaStore } from './platform-user-mfa.store';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { TenantUserMfaStore } from './tenant-user-mfa.store';

/**
 * A signed-in user manages their own TOTP factor (tenant users and platform users alike): enrol (a new secret,
 * shown once), confirm with a code (activates it and hands out ten recovery codes, shown once), regenerate the
 * recovery codes (a code required), disable (a code or a recovery code required; refused while the
 * tenant requires MFA). Every step audited.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly tenantUsers: TenantUserMfaStore,
    private readonly platformUsers: PlatformUserMfaStore,
    private readonly enrolments: MfaEnrolmentService,
    private readonly verifier: MfaFactorVerifier,
    private readonly policy: MfaPolicyService,
    private readonly tenantContext: TenantContextService,
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
  async enrol(ip: string | null = null): Promise<MfaEnrolment> {
    const { owner, account } = await this.ownAccount();
    return this.enrolments.start(owner, account, ip);
  }

  async confirm(code: string, ip: string | null = null): Promise<MfaRecoveryCodes> {
    const { owner, account } = await this.ownAccount();
    return this.enrolments.activate(owner, account, code, ip);
  }

  /** Replaces every recovery code (the old ones stop working); a current TOTP code is required. */
  async regenerateRecoveryCodes(code: string, ip: string | null = null): Promise<MfaRecoveryCodes> {
    const { owner, account } = await this.ownActiveFactor();
    await this.requireProof(owner, account, { code }, ip);
    const recoveryCodes = generateRecoveryCodes();
    await owner.store.update(
      owner.userId,
      { 'mfa.secret': account.mfa?.secret },
      { $set: { 'mfa.recoveryCodeHashes': recoveryCodes.map(hashRecoveryCode) } },
    );
    await this.enrolments.record(owner, AuditAction.MfaRecoveryCodesRegenerated, ip);
    return { recoveryCodes };
  }

  /**
   * Removes the factor; proven by the factor itself (a TOTP code or a recovery code), never by the password
   * alone, which is what a second factor exists to back up.
   */
  async disable(proof: MfaProof, ip: string | null = null): Promise<void> {
    const { owner, account } = await this.ownActiveFactor();
    if (owner.kind === 'user' && (await this.policy.isMfaRequired()))
      throw new MfaRequiredByTenantException();
    await this.requireProof(owner, account, proof, ip);
    await owner.store.update(owner.userId, {}, { $set: { mfa: null } });
    await this.enrolments.record(owner, AuditAction.MfaDisabled, ip);
  }

  private async requireProof(
    owner: MfaOwner,
    account: MfaAccount,
    proof: MfaProof,
    ip: string | null,
  ): Promise<void> {
    const accepted = await this.verifier.verifyAndSpend(owner.store, owner.userId, account, proof);
    if (accepted !== null) return;
    await this.enrolments.record(owner, AuditAction.MfaCodeFailed, ip, 'failure', { during: 'self_service' });
    throw new InvalidMfaCodeException();
  }

  private async ownActiveFactor(): Promise<{ owner: MfaOwner; account: MfaAccount }> {
    const found = await this.ownAccount();
    if (found.account.mfa?.secret === null || found.account.mfa?.secret === undefined)
      throw new MfaNotEnabledException();
    return found;
  }

  private async ownAccount(): Promise<{ owner: MfaOwner; account: MfaAccount }> {
    const principal = this.tenantContext.current()?.principal ?? null;
    let owner: MfaOwner;
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
}
