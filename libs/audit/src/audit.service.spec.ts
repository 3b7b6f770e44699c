import { Logger } from '@nestjs/common';
import {
  type Principal,
  ResolutionMethod,
  type SecurityAuditSink,
  type Tenant,
  TenantContextService,
  type TenantSnapshot,
  Tier,
  toTenantSnapshot,
} from '@tenantpay/tenancy';
import { Types } from 'mongoose';
import { AuditAction } from './audit-actions.constant';
import type { AuditEvent } from './audit-event';
import type { AuditEventRepository, NewAuditEvent } from './audit-event.repository';
import { AuditService } from './audit.service';
import { auditWriteFailuresCounter } from './audit-write-failures.metric';
import { REDACTED } from './redact-audit-metadata';

function tenantSnapshot(slug: string): TenantSnapshot {
  const now = new Date();
  const tenant: Tenant = {
    _id: new Types.ObjectId(),
    slug,
    name: slug,
    tier: Tier.Enterprise,
    isActive: true,
    domains: [],
    settings: { branding: {}, paymentWorkflow: {} },
    createdAt: now,
    updatedAt: now,
  };
  return toTenantSnapshot(tenant);
}

/** Keeps what would have been inserted; fails every insert when told to. */
class RecordingRepository {
  readonly inserted: NewAuditEvent[] = [];
  failWith: Error | undefined;

  async insert(event: NewAuditEvent): Promise<AuditEvent> {
    if (this.failWith !== undefined) throw this.failWith;
    this.inserted.push(event);
    return { ...event, id: new Types.ObjectId().toHexString() };
  }
}

const tenantA = tenantSnapshot('bank-a');
const adminOfA: Principal = {
  kind: 'user',
  userId: 'user-1',
  tenantId: tenantA.id,
  role: 'ADMIN',
  tokenId: 'jti-1',
  sessionId: 's-jti-1',
};
const keyOfA: Principal = {
  kind: 'api-key',
  apiKeyId: 'key-1',
  tenantId: tenantA.id,
  scopes: ['payments:read'],
};
const superAdmin: Principal = {
  kind: 'platform-user',
  userId: 'root-1',
  role: 'SUPER_ADMIN',
  tokenId: 'jti-9',
  sessionId: 's-jti-9',
};

describe('AuditService.record', () => {
  const context = new TenantContextService();
  let repository: RecordingRepository;
  let audit: AuditService;

  beforeEach(() => {
    repository = new RecordingRepository();
    audit = new AuditService(repository as unknown as AuditEventRepository, context);
  });
  afterEach(() => jest.restoreAllMocks());

  const lastInserted = (): NewAuditEvent => {
    const event = repository.inserted.at(-1);
    if (event === undefined) throw new Error('nothing was inserted');
    return event;
  };

  it('takes the tenant, the user actor and the request id from the tenant context', async () => {
    await context.run(
      { tenant: tenantA, resolvedBy: ResolutionMethod.JwtClaim, principal: adminOfA, requestId: 'req-1' },
      () => audit.record({ action: AuditAction.UserCreated, outcome: 'success', ip: '203.0.113.7' }),
    );

    expect(lastInserted()).toMatchObject({
      tenantId: tenantA.id,
      actor: { type: 'user', id: 'user-1' },
      action: 'user.created',
      outcome: 'success',
      resource: null,
      ip: '203.0.113.7',
      requestId: 'req-1',
      metadata: {},
    });
  });

  it('records an API key as the actor of API-key requests', async () => {
    await context.run(
      { tenant: tenantA, resolvedBy: ResolutionMethod.ApiKey, principal: keyOfA, requestId: 'req-2' },
      () => audit.record({ action: AuditAction.PaymentApproved, outcome: 'success' }),
    );

    expect(lastInserted().actor).toEqual({ type: 'api-key', id: 'key-1' });
  });

  it('records platform-scope work as a platform event carrying the scope reason', async () => {
    await context.run(
      { tenant: null, resolvedBy: ResolutionMethod.JwtClaim, principal: superAdmin, requestId: 'req-3' },
      () =>
        context.runAsPlatform('cross-tenant usage export', () =>
          audit.record({
            action: AuditAction.PlatformBypassUsed,
            outcome: 'success',
            metadata: { route: '/v1/admin/usage' },
          }),
        ),
    );

    expect(lastInserted()).toMatchObject({
      tenantId: null,
      actor: { type: 'platform-user', id: 'root-1' },
      requestId: 'req-3',
      metadata: { platformScope: 'cross-tenant usage export', route: '/v1/admin/usage' },
    });
  });

  it('does not let caller metadata overwrite the platform scope reason', async () => {
    await context.runAsPlatform('nightly reconciliation', () =>
      audit.record({
        action: AuditAction.PlatformBypassUsed,
        outcome: 'success',
        metadata: { platformScope: 'forged' },
      }),
    );

    expect(lastInserted().metadata['platformScope']).toBe('nightly reconciliation');
  });

  it('records the explicit tenant a super-admin acted on, keeping the scope reason', async () => {
    await context.runAsPlatform('tenant administration', () =>
      audit.record({ action: AuditAction.TenantSuspended, outcome: 'success', tenantId: tenantA.id }),
    );

    expect(lastInserted()).toMatchObject({
      tenantId: tenantA.id,
      metadata: { platformScope: 'tenant administration' },
    });
  });

  it.each([
    [
      'a job',
      { tenant: tenantA, resolvedBy: ResolutionMethod.Job, principal: null, requestId: 'job:q:1' },
      'system',
    ],
    [
      'an unauthenticated request',
      { tenant: tenantA, resolvedBy: ResolutionMethod.Subdomain, principal: null, requestId: 'r' },
      'anonymous',
    ],
  ] as const)('records %s without a principal as %s', async (_kind, tenantContext, actorType) => {
    await context.run(tenantContext, () =>
      audit.record({ action: AuditAction.UsageThresholdReached, outcome: 'success' }),
    );

    expect(lastInserted().actor).toEqual({ type: actorType });
  });

  it('outside any context records a platform event by the system without a request id', async () => {
    await audit.record({ action: AuditAction.TenantCreated, outcome: 'success' });

    expect(lastInserted()).toMatchObject({
      tenantId: null,
      actor: { type: 'system' },
      requestId: null,
      ip: null,
    });
  });

  it('lets explicit fields win over the context', async () => {
    await context.run(
      { tenant: tenantA, resolvedBy: ResolutionMethod.JwtClaim, principal: adminOfA, requestId: 'req-4' },
      () =>
        audit.record({
          action: AuditAction.AuthLoginFailed,
          outcome: 'failure',
          tenantId: null,
          actor: { type: 'anonymous' },
          requestId: 'req-explicit',
          resource: { type: 'user', id: 'user-2' },
        }),
    );

    expect(lastInserted()).toMatchObject({
      tenantId: null,
      actor: { type: 'anonymous' },
      requestId: 'req-explicit',
      resource: { type: 'user', id: 'user-2' },
    });
  });

  it('stamps the server time; a caller cannot choose it', async () => {
    const before = Date.now();
    await audit.record({ action: AuditAction.TenantCreated, outcome: 'success', ...{ at: new Date(0) } });

    expect(lastInserted().at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('redacts secrets in metadata before storing it', async () => {
    await audit.record({
      action: AuditAction.ApiKeyCreated,
      outcome: 'success',
      metadata: { apiKey: 'tp_live_0123456789', keyPrefix: 'tp_live_01', nested: { password: 'hunter2' } },
    });

    expect(lastInserted().metadata).toEqual({
      apiKey: REDACTED,
      keyPrefix: 'tp_live_01',
      nested: { password: REDACTED },
    });
  });

  describe('when the event cannot be stored', () => {
    it('neither throws nor rejects, logs the full event at error level, and counts the failure', async () => {
      repository.failWith = new Error('connection pool cleared');
      const errorLog = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const failuresBefore = await failuresCounted(AuditAction.ApiKeyRevoked);

      await expect(
        context.run(
          { tenant: tenantA, resolvedBy: ResolutionMethod.ApiKey, principal: keyOfA, requestId: 'req-5' },
          () =>
            audit.record({
              action: AuditAction.ApiKeyRevoked,
              outcome: 'success',
              resource: { type: 'api_key', id: 'key-7' },
              metadata: { reason: 'leaked', secret: 'do-not-log-me' },
            }),
        ),
      ).resolves.toBeUndefined();

      expect(errorLog).toHaveBeenCalledTimes(1);
      const [logged] = errorLog.mock.calls[0] ?? [];
      expect(logged).toMatchObject({
        msg: 'audit event not stored',
        reason: 'connection pool cleared',
        auditEvent: {
          tenantId: tenantA.id,
          actor: { type: 'api-key', id: 'key-1' },
          action: 'api_key.revoked',
          resource: { type: 'api_key', id: 'key-7' },
          requestId: 'req-5',
          metadata: { reason: 'leaked', secret: REDACTED },
        },
      });
      expect(JSON.stringify(logged)).not.toContain('do-not-log-me');
      expect(await failuresCounted(AuditAction.ApiKeyRevoked)).toBe(failuresBefore + 1);
    });
  });
});

describe('AuditService', () => {
  it('can be bound as the tenancy library’s security audit sink', () => {
    // A compile-time check: tenancy records through this port, bound to AuditService by the application.
    const sink: SecurityAuditSink = {} as AuditService;
    expect(sink).toBeDefined();
  });
});

async function failuresCounted(action: string): Promise<number> {
  const { values } = await auditWriteFailuresCounter().get();
  return values.find((value) => value.labels['action'] === action)?.value ?? 0;
}
