import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, type AuditResource, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import {
  MailKind,
  MailOutboxService,
  type NewMail,
  PLATFORM_MAIL_BRANDING,
  renderBrandedMail,
  TenantLinkBuilder,
} from '@tenantpay/mail';
import { APP_CONFIG, type AppConfig, isDuplicateKeyError } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { type ClientSession, Types } from 'mongoose';
import { InvitationAlreadyPendingException } from '../invitations/invitation-already-pending.exception';
import {
  type InvitationAcceptFailure,
  invitationAcceptFailure,
  invitationAcceptRefusal,
} from '../invitations/invitation-acceptance-check';
import { InvitationIdNotFoundException } from '../invitations/invitation-id-not-found.exception';
import {
  invitationMailContent,
  PLATFORM_INVITATION_ACCEPT_PATH,
  PLATFORM_OPERATOR_WORDS,
} from '../invitations/invitation-mail';
import { InvitationNotPendingException } from '../invitations/invitation-not-pending.exception';
import { InvitationStatus } from '../invitations/invitation-status.enum';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import type { IssuedSession, SessionClient } from '../sessions/issued-session';
import { SessionsService } from '../sessions/sessions.service';
import { generateSingleUseToken, hashSingleUseToken } from '../tokens/single-use-token';
import { EmailAlreadyRegisteredException } from '../users/email-already-registered.exception';
import type { PlatformInvitation } from './platform-invitation';
import { type PlatformInvitationView, toPlatformInvitationView } from './platform-invitation-view';
import { PlatformInvitationsRepository } from './platform-invitations.repository';

export interface AcceptPlatformInvitationInput {
  readonly token: string;
  readonly password: string;
}

/** Not the tenant prefix: a token names its kind, and a tenant's route never finds a platform one anyway. */
const PLATFORM_INVITATION_TOKEN_PREFIX = 'pinv_';
/** Pending operator invitations are few; one page lists them all up to this. */
const MAX_LISTED = 500;
/** Acceptance is public and may be called on any host: its reads and writes run in the platform scope. */
const ACCEPT_REASON = 'platform operator accepts an invitation';

/**
 * How platform operators join: a super-admin invites an email; the invitation and its email (platform outbox)
 * are written in one transaction; the invitee accepts on the platform host with the emailed token and a
 * password under the policy, which creates the operator and signs them in as operator login does (a new
 * operator has no second factor yet; they enrol one from their session). The tenant invitation's rules apply:
 * single-use, expiring (INVITATION_TTL_SECONDS), stored hashed, resendable (new token, the old one answers
 * "revoked") and revocable, every step audited, failures to accept included.
 */
@Injectable()
export class PlatformInvitationsService {
  private readonly ttlMs: number;

  constructor(
    private readonly invitations: PlatformInvitationsRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly mail: MailOutboxService,
    private readonly links: TenantLinkBuilder,
    private readonly tenantContext: TenantContextService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.invitations.ttlSeconds * 1000;
  }

  async invite(email: string, ip: string | null = null): Promise<PlatformInvitationView> {
    const normalized = email.trim().toLowerCase();
    if ((await this.platformUsers.findByEmail(normalized)) !== null)
      throw new EmailAlreadyRegisteredException();
    // An overdue invitation to the same email no longer blocks a new one.
    await this.invitations.expireOverdue(new Date());
    const { token, hash } = generateSingleUseToken(PLATFORM_INVITATION_TOKEN_PREFIX);
    const principal = this.tenantContext.current()?.principal;
    const invitedBy = principal?.kind === 'platform-user' ? principal.userId : null;
    const { invitation, mail } = await this.inTransaction(async (session) => {
      let created: PlatformInvitation;
      try {
        created = await this.invitations.insert(
          { email: normalized, tokenHash: hash, expiresAt: new Date(Date.now() + this.ttlMs), invitedBy },
          session,
        );
      } catch (error) {
        throw isDuplicateKeyError(error) ? new InvitationAlreadyPendingException() : error;
      }
      return {
        invitation: created,
        mail: await this.mail.writeForPlatform(this.invitationMail(created, token), session),
      };
    });
    await this.mail.dispatchForPlatform(mail);
    await this.audit.recordChange(AuditAction.InvitationCreated, resourceOf(invitation), ip, {
      email: normalized,
    });
    return toPlatformInvitationView(invitation);
  }

  async listPending(): Promise<PlatformInvitationView[]> {
    await this.invitations.expireOverdue(new Date());
    return (await this.invitations.listPending(MAX_LISTED)).map(toPlatformInvitationView);
  }

  /** A new token and a new expiry, emailed again; the previous link stops working. */
  async resend(id: string, ip: string | null = null): Promise<PlatformInvitationView> {
    await this.invitations.expireOverdue(new Date());
    const current = await this.pending(id);
    const { token, hash } = generateSingleUseToken(PLATFORM_INVITATION_TOKEN_PREFIX);
    const result = await this.inTransaction(async (session) => {
      const replaced = await this.invitations.replaceToken(
        current,
        hash,
        new Date(Date.now() + this.ttlMs),
        session,
      );
      if (replaced === null) return null;
      return {
        replaced,
        mail: await this.mail.writeForPlatform(this.invitationMail(replaced, token), session),
      };
    });
    if (result === null) return this.notPendingAnyMore(id);
    await this.mail.dispatchForPlatform(result.mail);
    await this.audit.recordChange(AuditAction.InvitationResent, resourceOf(result.replaced), ip);
    return toPlatformInvitationView(result.replaced);
  }

  async revoke(id: string, ip: string | null = null): Promise<PlatformInvitationView> {
    const current = await this.pending(id);
    const revoked = await this.invitations.leavePending(
      current._id,
      InvitationStatus.Revoked,
      { revokedAt: new Date() },
      null,
    );
    if (revoked === null) return this.notPendingAnyMore(id);
    await this.audit.recordChange(AuditAction.InvitationRevoked, resourceOf(revoked), ip);
    return toPlatformInvitationView(revoked);
  }

  /** Creates the operator with the chosen password and signs them in. */
  accept(input: AcceptPlatformInvitationInput, client: SessionClient): Promise<IssuedSession> {
    return this.tenantContext.runAsPlatform(ACCEPT_REASON, () => this.acceptInPlatformScope(input, client));
  }

  private async acceptInPlatformScope(
    input: AcceptPlatformInvitationInput,
    client: SessionClient,
  ): Promise<IssuedSession> {
    const ip = client.ip;
    const hash = hashSingleUseToken(input.token);
    const invitation = await this.invitations.findByTokenHash(hash);
    const failure = invitationAcceptFailure(invitation, hash, new Date());
    if (failure !== null || invitation === null) {
      if (failure === 'expired') await this.invitations.expireOverdue(new Date());
      return this.refuse(failure ?? 'unknown_token', invitation, ip);
    }
    assertPasswordAllowed(input.password, invitation.email);
    if ((await this.platformUsers.findByEmail(invitation.email)) !== null)
      throw new EmailAlreadyRegisteredException();
    const passwordHash = await this.hasher.hash(input.password);
    const id = new Types.ObjectId();
    const userId = id.toHexString();
    const accepted = await this.inTransaction(async (session) => {
      const changed = await this.invitations.leavePending(
        invitation._id,
        InvitationStatus.Accepted,
        { acceptedAt: new Date(), acceptedUserId: userId },
        session,
      );
      if (changed === null) return null;
      try {
        const user = await this.platformUsers.insert(invitation.email, passwordHash, { session, id });
        return { invitation: changed, user };
      } catch (error) {
        throw isDuplicateKeyError(error) ? new EmailAlreadyRegisteredException() : error;
      }
    });
    // Another request accepted it between the read and the transaction.
    if (accepted === null) return this.refuse('used', invitation, ip);

    const actor = { type: 'platform-user' as const, id: userId };
    await this.audit.record({
      action: AuditAction.InvitationAccepted,
      outcome: 'success',
      actor,
      resource: resourceOf(accepted.invitation),
      ip,
    });
    await this.audit.record({
      action: AuditAction.PlatformUserCreated,
      outcome: 'success',
      actor,
      resource: { type: 'platform_user', id: userId },
      ip,
      metadata: { via: 'invitation' },
    });
    return this.sessions.open({ kind: 'platform-user', userId, role: accepted.user.role }, client);
  }

  private inTransaction<R>(work: (session: ClientSession) => Promise<R>): Promise<R> {
    return this.transactions.withSession((session) => this.transactions.runIn(session, () => work(session)));
  }

  private invitationMail(invitation: PlatformInvitation, token: string): NewMail {
    const rendered = renderBrandedMail(
      PLATFORM_MAIL_BRANDING,
      invitationMailContent({
        organisation: PLATFORM_MAIL_BRANDING.displayName,
        as: PLATFORM_OPERATOR_WORDS,
        inviteeName: null,
        acceptUrl: this.links.buildForPlatform(PLATFORM_INVITATION_ACCEPT_PATH, { token }),
        expiresAt: invitation.expiresAt,
      }),
    );
    return { kind: MailKind.Invitation, to: invitation.email, ...rendered };
  }

  private async pending(id: string): Promise<PlatformInvitation> {
    const invitation = await this.invitations.findById(id);
    if (invitation === null) throw new InvitationIdNotFoundException();
    if (invitation.status !== InvitationStatus.Pending)
      throw new InvitationNotPendingException(invitation.status);
    return invitation;
  }

  private async notPendingAnyMore(id: string): Promise<never> {
    const now = await this.invitations.findById(id);
    throw now === null ? new InvitationIdNotFoundException() : new InvitationNotPendingException(now.status);
  }

  private async refuse(
    reason: InvitationAcceptFailure,
    invitation: PlatformInvitation | null,
    ip: string | null,
  ): Promise<never> {
    await this.audit.record({
      action: AuditAction.InvitationAcceptFailed,
      outcome: 'failure',
      actor: { type: 'anonymous' },
      ...(invitation === null ? {} : { resource: resourceOf(invitation) }),
      ip,
      metadata: { reason },
    });
    throw invitationAcceptRefusal(reason);
  }
}

function resourceOf(invitation: PlatformInvitation): AuditResource {
  return { type: 'platform_invitation', id: invitation._id.toHexString() };
}
