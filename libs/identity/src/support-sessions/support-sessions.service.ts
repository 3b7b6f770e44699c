import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import {
  principalActorId,
  type SupportPrincipal,
  TenantContextService,
  TenantLookupService,
  TenantNotFoundException,
} from '@tenantpay/tenancy';
import { Types } from 'mongoose';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { SUPPORT_SESSION_DEFAULT_MINUTES, SUPPORT_SESSION_MAX_MINUTES } from './support-session.constant';
import { SupportSessionNotFoundException } from './support-session-not-found.exception';
import { type SupportSessionView, toSupportSessionView } from './support-session-view';
import { SupportSessionsRepository } from './support-sessions.repository';
import type { SupportTokenClaims } from './support-token-claims';
import { SupportTokenService } from './support-token.service';

export interface OpenedSupportSession {
  readonly session: SupportSessionView;
  /** Shown once; used as `Authorization: Bearer <token>` on the tenant's routes until the session ends. */
  readonly token: string;
  readonly tokenType: 'Bearer';
}

/**
 * Time-boxed, read-only support access of a platform operator into one tenant (issue 13 §6). Opening is
 * recorded on the tenant's own audit trail (operator, reason, expiry), as is every use; the tenant's admins
 * list the active sessions and may end one, which stops its token on the next request on every instance
 * (each request checks the session in MongoDB: support traffic is rare, and this keeps no cache to invalidate).
 */
@Injectable()
export class SupportSessionsService {
  constructor(
    private readonly sessions: SupportSessionsRepository,
    private readonly tokens: SupportTokenService,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
  ) {}

  async open(
    tenantId: string,
    operatorId: string,
    reason: string,
    minutes: number = SUPPORT_SESSION_DEFAULT_MINUTES,
  ): Promise<OpenedSupportSession> {
    const tenant = await this.tenants.findById(tenantId);
    if (tenant === null) throw new TenantNotFoundException();
    const openedAt = new Date();
    const lifetime = Math.min(Math.max(Math.trunc(minutes), 1), SUPPORT_SESSION_MAX_MINUTES);
    const session = await this.sessions.create({
      tenantId: new Types.ObjectId(tenant.id),
      operatorId,
      reason,
      openedAt,
      expiresAt: new Date(openedAt.getTime() + lifetime * 60_000),
    });
    const view = toSupportSessionView(session);
    const token = await this.tokens.issue({
      id: view.id,
      operatorId,
      tenantId: tenant.id,
      expiresAt: session.expiresAt,
    });
    await this.audit.record({
      action: AuditAction.SupportSessionOpened,
      outcome: 'success',
      tenantId: tenant.id,
      actor: { type: 'platform-user', id: operatorId },
      resource: { type: 'support_session', id: view.id },
      metadata: { reason, operatorId, expiresAt: view.expiresAt },
    });
    return { session: view, token, tokenType: 'Bearer' };
  }

  /** The support principal a verified token stands for, while its session is open; 401 once ended or expired. */
  async principalFor(claims: SupportTokenClaims): Promise<SupportPrincipal> {
    const session = await this.sessions.findInTenant(claims.sid, claims.tid);
    const usable =
      session !== null &&
      session.endedAt === null &&
      session.expiresAt.getTime() > Date.now() &&
      session.operatorId === claims.sub;
    if (!usable) throw new InvalidCredentialException();
    return {
      kind: 'support',
      sessionId: claims.sid,
      operatorId: claims.sub,
      tenantId: claims.tid,
      tokenId: claims.jti,
    };
  }

  /** The current tenant's open sessions, newest expiry first. */
  async listActive(): Promise<SupportSessionView[]> {
    const tenantId = this.tenantContext.getTenantId();
    return (await this.sessions.listActive(tenantId, new Date())).map(toSupportSessionView);
  }

  /** Ends one of the current tenant's open sessions; another tenant's session answers as a missing one. */
  async end(id: string): Promise<SupportSessionView> {
    const context = this.tenantContext.current();
    const tenantId = this.tenantContext.getTenantId();
    const endedBy = context?.principal == null ? 'system' : principalActorId(context.principal);
    const ended = await this.sessions.end(id, tenantId, endedBy, new Date());
    if (ended === null) throw new SupportSessionNotFoundException();
    await this.audit.record({
      action: AuditAction.SupportSessionEnded,
      outcome: 'success',
      resource: { type: 'support_session', id },
      metadata: { operatorId: ended.operatorId },
    });
    return toSupportSessionView(ended);
  }

  /** One request of a support session, allowed (a read) or refused. */
  async recordUse(
    principal: SupportPrincipal,
    method: string,
    path: string,
    allowed: boolean,
  ): Promise<void> {
    await this.audit.record({
      action: AuditAction.SupportSessionUsed,
      outcome: allowed ? 'success' : 'denied',
      tenantId: principal.tenantId,
      actor: { type: 'support', id: principal.operatorId },
      resource: { type: 'support_session', id: principal.sessionId },
      metadata: { method, path },
    });
  }
}
