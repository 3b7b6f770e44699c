import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, type AuditResource, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import {
  MailKind,
  type MailOutboxEntry,
  MailOutboxService,
  renderBrandedMail,
  TenantLinkBuilder,
} from '@tenantpay/mail';
import {
  APP_CONFIG,
  type AppConfig,
  isDuplicateKeyError,
  type ListEnvelope,
  listEnvelope,
} from '@tenantpay/platform';
import { assertTenantWritable, TenantContextService, toPublicBranding } from '@tenantpay/tenancy';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
import type { IssuedSession, SessionClient } from '../sessions/issued-session';
import { SessionsService } from '../sessions/sessions.service';
import { generateSingleUseToken, hashSingleUseToken } from '../tokens/single-use-token';
import { EmailAlreadyRegisteredException } from '../users/email-already-registered.exception';
import type { TenantUserRole } from '../users/tenant-user-role.enum';
import { UserSeatAllocator } from '../users/user-seat-allocator.service';
import { UsersRepository } from '../users/users.repository';
import type { Invitation } from './invitation';
import {
  type InvitationAcceptFailure,
  invitationAcceptFailure,
  invitationAcceptRefusal,
} from './invitation-acceptance-check';
import { InvitationAlreadyPendingException } from './invitation-already-pending.exception';
import { InvitationExpiry } from './invitation-expiry.service';
import { InvitationIdNotFoundException } from './invitation-id-not-found.exception';
import { INVITATION_ACCEPT_PATH, invitationMailContent, TENANT_ROLE_WORDS } from './invitation-mail';
import { InvitationNotPendingException } from './invitation-not-pending.exception';
import { InvitationStatus } from './invitation-status.enum';
import { InvitationsRepository } from './invitations.repository';
import { type InvitationView, toInvitationView } from './invitation-view';

export interface InviteInput {
  readonly email: string;
  readonly name?: string | null;
  readonly role: TenantUserRole;
}

export interface AcceptInvitationInput {
  readonly token: string;
  readonly password: string;
  readonly name?: string | null;
}

const INVITATION_TOKEN_PREFIX = 'inv_';

/**
 * How people join a tenant: an admin (or, for the first admin, a platform operator) invites an email with a
 * role; the invitation takes a seat at once and its email is written to the outbox in the same transaction;
 * the invitee accepts on the tenant's host with the emailed token and a password, which creates the user and
 * signs them in. Single-use, expiring, resendable (new token, the old one answers "revoked") and revocable (the
 * seat comes back). Every step is audited, failures to accept included.
 */
@Injectable()
export class InvitationsService {
  private readonly ttlMs: number;

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly seats: UserSeatAllocator,
    private readonly expiry: InvitationExpiry,
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

  async invite(input: InviteInput, ip: string | null = null): Promise<InvitationView> {
    const email = input.email.trim().toLowerCase();
    if ((await this.users.findByEmail(email)) !== null) throw new EmailAlreadyRegisteredException();
    const { token, hash } = generateSingleUseToken(INVITATION_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.ttlMs);
    const principal = this.tenantContext.current()?.principal ?? null;
    let mail: MailOutboxEntry | undefined;
    const invitation = await this.seats.withSeatTaken(async () => {
      let created: Invitation;
      try {
        created = await this.invitations.insert({
          email,
          name: input.name ?? null,
          role: input.role,
          tokenHash: hash,
          retiredTokenHashes: [],
          status: InvitationStatus.Pending,
          expiresAt,
          invitedBy:
            principal === null || principal.kind === 'api-key' || principal.kind === 'support'
              ? { type: 'system', id: null }
              : { type: principal.kind, id: principal.userId },
          acceptedAt: null,
          acceptedUserId: null,
          revokedAt: null,
          // Pending: never deleted (see InvitationsRepository.leavePending).
          purgeAfter: null,
        });
      } catch (error) {
        throw isDuplicateKeyError(error) ? new InvitationAlreadyPendingException() : error;
      }
      mail = await this.mail.write(this.invitationMail(created, token));
      return created;
    });
    if (mail !== undefined) await this.mail.dispatch(mail);
    await this.audit.recordChange(AuditAction.InvitationCreated, resourceOf(invitation), ip, {
      email,
      role: invitation.role,
    });
    return toInvitationView(invitation);
  }

  /** Each pending invitation holds a seat, and ENTERPRISE seats are unlimited: the list is paged. */
  async listPending(limit: number, startingAfter?: string): Promise<ListEnvelope<InvitationView>> {
    await this.expiry.expireOverdue();
    const page = await this.invitations.listPending(limit, startingAfter);
    return listEnvelope(page.items.map(toInvitationView), page.hasMore);
  }

  /** A new token and a new expiry, emailed again; the previous link stops working. */
  async resend(id: string, ip: string | null = null): Promise<InvitationView> {
    await this.expiry.expireOverdue();
    const current = await this.pending(id);
    const { token, hash } = generateSingleUseToken(INVITATION_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.ttlMs);
    const result = await this.transactions.withTransaction(async () => {
      const replaced = await this.invitations.replaceToken(current, hash, expiresAt);
      if (replaced === null) return null;
      return { replaced, mail: await this.mail.write(this.invitationMail(replaced, token)) };
    });
    if (result === null) return this.notPendingAnyMore(id);
    await this.mail.dispatch(result.mail);
    await this.audit.recordChange(AuditAction.InvitationResent, resourceOf(result.replaced), ip);
    return toInvitationView(result.replaced);
  }

  async revoke(id: string, ip: string | null = null): Promise<InvitationView> {
    const current = await this.pending(id);
    const revoked = await this.transactions.withTransaction(async () => {
      const changed = await this.invitations.leavePending(current._id, InvitationStatus.Revoked, {
        revokedAt: new Date(),
      });
      if (changed !== null) await this.seats.release();
      return changed;
    });
    if (revoked === null) return this.notPendingAnyMore(id);
    await this.audit.recordChange(AuditAction.InvitationRevoked, resourceOf(revoked), ip);
    return toInvitationView(revoked);
  }

  /**
   * Creates the invited user with the chosen password and signs them in. The seat was taken at invite time, so
   * accepting never fails for lack of one.
   */
  async accept(input: AcceptInvitationInput, client: SessionClient): Promise<IssuedSession> {
    assertTenantWritable(this.tenantContext.getTenant());
    const ip = client.ip;
    const hash = hashSingleUseToken(input.token);
    const invitation = await this.invitations.findByTokenHash(hash);
    const failure = invitationAcceptFailure(invitation, hash, new Date());
    if (failure !== null || invitation === null) {
      if (failure === 'expired') await this.expiry.expireOverdue();
      return this.refuse(failure ?? 'unknown_token', invitation, ip);
    }
    assertPasswordAllowed(input.password, invitation.email);
    if ((await this.users.findByEmail(invitation.email)) !== null)
      throw new EmailAlreadyRegisteredException();
    const passwordHash = await this.hasher.hash(input.password);
    const userId = this.users.newId();
    const accepted = await this.transactions.withTransaction(async () => {
      const changed = await this.invitations.leavePending(invitation._id, InvitationStatus.Accepted, {
        acceptedAt: new Date(),
        acceptedUserId: userId.toHexString(),
      });
      if (changed === null) return null;
      try {
        await this.users.insert({
          _id: userId,
          email: invitation.email,
          passwordHash,
          role: invitation.role,
          name: input.name ?? invitation.name,
        });
      } catch (error) {
        throw isDuplicateKeyError(error) ? new EmailAlreadyRegisteredException() : error;
      }
      return changed;
    });
    // Another request accepted it between the read and the transaction.
    if (accepted === null) return this.refuse('used', invitation, ip);

    const tenantId = this.tenantContext.getTenantId();
    const actor = { type: 'user' as const, id: userId.toHexString() };
    await this.audit.record({
      action: AuditAction.InvitationAccepted,
      outcome: 'success',
      actor,
      resource: resourceOf(accepted),
      ip,
    });
    await this.audit.record({
      action: AuditAction.UserCreated,
      outcome: 'success',
      actor,
      resource: { type: 'user', id: userId.toHexString() },
      ip,
      metadata: { role: accepted.role, via: 'invitation' },
    });
    return this.sessions.open(
      { kind: 'user', userId: userId.toHexString(), tenantId, role: accepted.role },
      client,
    );
  }

  private invitationMail(invitation: Invitation, token: string) {
    const tenant = this.tenantContext.getTenant();
    const branding = toPublicBranding(tenant);
    const rendered = renderBrandedMail(
      branding,
      invitationMailContent({
        organisation: branding.displayName,
        as: TENANT_ROLE_WORDS[invitation.role],
        inviteeName: invitation.name,
        acceptUrl: this.links.build(tenant, INVITATION_ACCEPT_PATH, { token }),
        expiresAt: invitation.expiresAt,
      }),
    );
    return { kind: MailKind.Invitation, to: invitation.email, ...rendered };
  }

  private async pending(id: string): Promise<Invitation> {
    const invitation = await this.invitations.findByIdString(id);
    if (invitation === null) throw new InvitationIdNotFoundException();
    if (invitation.status !== InvitationStatus.Pending)
      throw new InvitationNotPendingException(invitation.status);
    return invitation;
  }

  private async notPendingAnyMore(id: string): Promise<never> {
    const now = await this.invitations.findByIdString(id);
    throw now === null ? new InvitationIdNotFoundException() : new InvitationNotPendingException(now.status);
  }

  private async refuse(
    reason: InvitationAcceptFailure,
    invitation: Invitation | null,
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

function resourceOf(invitation: Invitation): AuditResource {
  return { type: 'invitation', id: invitation._id.toHexString() };
}
