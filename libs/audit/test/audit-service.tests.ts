import { Logger } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Test, type TestingModule } from '@nestjs/testing';
import { ErrorCode, ValidationException } from '@tenantpay/platform';
import {
  type Principal,
  ResolutionMethod,
  type Tenant,
  TenantContextMissingException,
  TenantContextService,
  type TenantSnapshot,
  Tier,
  toTenantSnapshot,
} from '@tenantpay/tenancy';
import { useTestMongo } from '@tenantpay/testing';
import { Types } from 'mongoose';
import {
  AuditAction,
  type AuditActionName,
  type AuditEvent,
  AuditModule,
  type AuditOutcome,
  type AuditPageRequest,
  type AuditSearchFilter,
  AuditService,
  CrossTenantAuditSearchException,
  REDACTED,
} from '../src';
import { AUDIT_EVENT_COLLECTION } from '../src/audit-event.schema';
import { AuditEventRepository } from '../src/audit-event.repository';

const T = Date.parse('2025-03-01T12:00:00.000Z');

/** One tenant's trail; seeded identically for two tenants so that a leak between them cannot hide. */
const TRAIL: readonly {
  action: AuditActionName;
  actorId?: string;
  outcome: AuditOutcome;
  offsetMs: number;
}[] = [
  { action: AuditAction.UserCreated, actorId: 'user-1', outcome: 'success', offsetMs: 0 },
  { action: AuditAction.AuthLoginFailed, outcome: 'failure', offsetMs: 1_000 },
  { action: AuditAction.ApiKeyCreated, actorId: 'user-1', outcome: 'success', offsetMs: 2_000 },
  { action: AuditAction.ApiKeyRevoked, actorId: 'user-2', outcome: 'success', offsetMs: 3_000 },
  // Three events in the same millisecond: the cursor must not skip or repeat any of them.
  { action: AuditAction.PaymentApproved, actorId: 'user-2', outcome: 'success', offsetMs: 4_000 },
  { action: AuditAction.PaymentApproved, actorId: 'user-2', outcome: 'success', offsetMs: 4_000 },
  { action: AuditAction.PaymentApproved, actorId: 'user-2', outcome: 'success', offsetMs: 4_000 },
  { action: AuditAction.TenantMismatch, outcome: 'denied', offsetMs: 5_000 },
];
const PLATFORM_TRAIL: readonly { action: AuditActionName; offsetMs: number }[] = [
  { action: AuditAction.TenantCreated, offsetMs: 500 },
  { action: AuditAction.PlatformBypassUsed, offsetMs: 6_000 },
];

describe('AuditService (MongoDB)', () => {
  const mongo = useTestMongo();
  const context = new TenantContextService();
  const tenantA = tenantSnapshot('bank-a');
  const tenantB = tenantSnapshot('bank-b');
  const adminOf = (tenant: TenantSnapshot): Principal => ({
    kind: 'user',
    userId: `admin-of-${tenant.slug}`,
    tenantId: tenant.id,
    role: 'ADMIN',
    tokenId: 'jti',
    sessionId: 's-jti',
  });
  const superAdmin: Principal = {
    kind: 'platform-user',
    userId: 'root',
    role: 'SUPER_ADMIN',
    tokenId: 'jti',
    sessionId: 's-jti',
  };

  let app: TestingModule;
  let audit: AuditService;
  let repository: AuditEventRepository;
  let seeded: { a: AuditEvent[]; b: AuditEvent[]; platform: AuditEvent[] };

  /** As a tenant admin of `tenant` would call it, inside that tenant's request context. */
  const asAdminOf = <R>(tenant: TenantSnapshot, work: () => Promise<R>) =>
    context.run(
      { tenant, resolvedBy: ResolutionMethod.JwtClaim, principal: adminOf(tenant), requestId: 'req' },
      work,
    );
  /** As a super-admin route with @BypassTenantIsolation would call it. */
  const asSuperAdmin = <R>(work: () => Promise<R>) =>
    context.run(
      { tenant: null, resolvedBy: ResolutionMethod.JwtClaim, principal: superAdmin, requestId: 'req' },
      () => context.runAsPlatform('audit search', work),
    );
  /** Every page of a search, following `starting_after` until `has_more` is false. */
  const allPages = async (filter: AuditSearchFilter, limit: number) => {
    const pages: AuditEvent[][] = [];
    let page: AuditPageRequest = { limit };
    for (;;) {
      const result = await audit.search(filter, page);
      pages.push([...result.data]);
      const last = result.data.at(-1);
      if (!result.has_more || last === undefined) return pages;
      page = { limit, starting_after: last.id };
    }
  };
  const ids = (events: readonly AuditEvent[]) => events.map((event) => event.id);

  beforeAll(async () => {
    app = await Test.createTestingModule({
      imports: [MongooseModule.forRoot(mongo.uri), AuditModule],
    }).compile();
    await app.init();
    audit = app.get(AuditService);
    repository = app.get(AuditEventRepository);

    const seedTrail = async (tenant: TenantSnapshot) => {
      const events: AuditEvent[] = [];
      for (const entry of TRAIL) {
        events.push(
          await repository.insert({
            tenantId: tenant.id,
            actor: entry.actorId === undefined ? { type: 'anonymous' } : { type: 'user', id: entry.actorId },
            action: entry.action,
            resource: null,
            outcome: entry.outcome,
            ip: null,
            requestId: null,
            at: new Date(T + entry.offsetMs),
            metadata: {},
          }),
        );
      }
      return events;
    };
    const platform: AuditEvent[] = [];
    for (const entry of PLATFORM_TRAIL) {
      platform.push(
        await repository.insert({
          tenantId: null,
          actor: { type: 'platform-user', id: 'root' },
          action: entry.action,
          resource: null,
          outcome: 'success',
          ip: null,
          requestId: null,
          at: new Date(T + entry.offsetMs),
          metadata: {},
        }),
      );
    }
    seeded = { a: await seedTrail(tenantA), b: await seedTrail(tenantB), platform };
  });
  afterAll(async () => {
    await app.close();
  });

  describe('record', () => {
    it('stores the event with its context, redacted metadata and server time, readable by search', async () => {
      const before = Date.now();
      await context.run(
        {
          tenant: tenantA,
          resolvedBy: ResolutionMethod.JwtClaim,
          principal: adminOf(tenantA),
          requestId: 'req-rec',
        },
        () =>
          audit.record({
            action: AuditAction.UserRoleChanged,
            outcome: 'success',
            resource: { type: 'user', id: 'user-9' },
            ip: '198.51.100.4',
            metadata: { from: 'VIEWER', to: 'ADMIN', password: 'hunter2' },
          }),
      );

      const [found] = (await asAdminOf(tenantA, () => audit.search({ action: AuditAction.UserRoleChanged })))
        .data;
      expect(found).toMatchObject({
        tenantId: tenantA.id,
        actor: { type: 'user', id: 'admin-of-bank-a' },
        action: 'user.role_changed',
        resource: { type: 'user', id: 'user-9' },
        outcome: 'success',
        ip: '198.51.100.4',
        requestId: 'req-rec',
        metadata: { from: 'VIEWER', to: 'ADMIN', password: REDACTED },
      });
      expect(found?.at.getTime()).toBeGreaterThanOrEqual(before);
      const raw = await mongo.db
        .collection(AUDIT_EVENT_COLLECTION)
        .findOne({ _id: new Types.ObjectId(found?.id) });
      expect(JSON.stringify(raw)).not.toContain('hunter2');
    });

    it('does not fail the caller when the database refuses the event', async () => {
      const errorLog = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        await expect(
          audit.record({
            action: AuditAction.TenantCreated,
            outcome: 'success',
            tenantId: 'not-an-object-id',
          }),
        ).resolves.toBeUndefined();

        expect(errorLog).toHaveBeenCalledWith(
          expect.objectContaining({
            msg: 'audit event not stored',
            auditEvent: expect.objectContaining({ tenantId: 'not-an-object-id' }),
          }),
        );
      } finally {
        errorLog.mockRestore();
      }
    });
  });

  describe('search by a tenant admin', () => {
    it("returns only the caller's tenant's events, newest first", async () => {
      const { data, has_more } = await asAdminOf(tenantB, () => audit.search());

      expect(has_more).toBe(false);
      expect(ids(data)).toEqual(ids(newestFirst(seeded.b)));
      expect(data.every((event) => event.tenantId === tenantB.id)).toBe(true);
    });

    it('pages with limit and starting_after without skipping or repeating events that share a time', async () => {
      const pages = await asAdminOf(tenantB, () => allPages({}, 3));

      expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
      expect(ids(pages.flat())).toEqual(ids(newestFirst(seeded.b)));
    });

    it.each<[string, AuditSearchFilter, (entry: (typeof TRAIL)[number]) => boolean]>([
      ['actor id', { actorId: 'user-2' }, (entry) => entry.actorId === 'user-2'],
      [
        'action',
        { action: AuditAction.ApiKeyCreated },
        (entry) => entry.action === AuditAction.ApiKeyCreated,
      ],
      ['outcome', { outcome: 'failure' }, (entry) => entry.outcome === 'failure'],
      [
        'time range (from inclusive, to exclusive)',
        { from: new Date(T + 1_000), to: new Date(T + 4_000) },
        (entry) => entry.offsetMs >= 1_000 && entry.offsetMs < 4_000,
      ],
      [
        'several filters at once',
        { actorId: 'user-2', action: AuditAction.PaymentApproved, from: new Date(T + 4_000) },
        (entry) => entry.actorId === 'user-2' && entry.action === AuditAction.PaymentApproved,
      ],
    ])('filters by %s', async (_name, filter, expected) => {
      const pages = await asAdminOf(tenantA, () => allPages(filter, 2));

      const wanted = seeded.a.filter((_event, index) => expected(TRAIL[index] as (typeof TRAIL)[number]));
      expect(wanted.length).toBeGreaterThan(0);
      expect(ids(pages.flat())).toEqual(ids(newestFirst(wanted)));
    });

    it('accepts its own tenant id as a filter', async () => {
      const { data } = await asAdminOf(tenantA, () =>
        audit.search({ tenantId: tenantA.id, action: AuditAction.TenantMismatch }),
      );

      expect(ids(data)).toEqual(ids(seeded.a.filter((event) => event.action === AuditAction.TenantMismatch)));
    });

    it("refuses to name another tenant, and records the attempt on the caller's own trail", async () => {
      const attempt = asAdminOf(tenantA, () => audit.search({ tenantId: tenantB.id }));

      await expect(attempt).rejects.toThrow(CrossTenantAuditSearchException);
      await expect(attempt).rejects.toMatchObject({ code: ErrorCode.CrossTenantAccess });
      const recorded = await asAdminOf(tenantA, () =>
        audit.search({ action: AuditAction.TenantCrossTenantAttempt }),
      );
      expect(recorded.data).toEqual([
        expect.objectContaining({
          tenantId: tenantA.id,
          outcome: 'denied',
          actor: { type: 'user', id: 'admin-of-bank-a' },
          metadata: { operation: 'audit.search', requestedTenantId: tenantB.id },
        }),
      ]);
      const trailOfB = await asAdminOf(tenantB, () =>
        audit.search({ action: AuditAction.TenantCrossTenantAttempt }),
      );
      expect(trailOfB.data).toEqual([]);
    });

    it("refuses another tenant's event id as a cursor exactly like an id that does not exist", async () => {
      const foreignCursor = asAdminOf(tenantA, () =>
        audit.search({}, { starting_after: seeded.b[0]?.id ?? '' }),
      );
      const unknownCursor = asAdminOf(tenantA, () =>
        audit.search({}, { starting_after: new Types.ObjectId().toHexString() }),
      );

      const [foreign, unknown] = await Promise.allSettled([foreignCursor, unknownCursor]);
      expect(foreign.status).toBe('rejected');
      expect(unknown.status).toBe('rejected');
      const reasons = [foreign, unknown].map(
        (result) => (result as PromiseRejectedResult).reason as ValidationException,
      );
      expect(reasons[0]).toBeInstanceOf(ValidationException);
      expect(reasons[0]?.message).toBe(reasons[1]?.message);
      expect(reasons[0]?.details).toEqual(reasons[1]?.details);
    });
  });

  describe('search by a super-admin (platform scope)', () => {
    it("reads every tenant's events and the platform's own", async () => {
      const pages = await asSuperAdmin(() => allPages({ to: new Date(T + 60_000) }, 7));

      expect(ids(pages.flat())).toEqual(ids(newestFirst([...seeded.a, ...seeded.b, ...seeded.platform])));
    });

    it("narrows to one tenant's events", async () => {
      const { data } = await asSuperAdmin(() =>
        audit.search({ tenantId: tenantB.id, to: new Date(T + 60_000) }),
      );

      expect(ids(data)).toEqual(ids(newestFirst(seeded.b)));
    });

    it('narrows to platform events with tenantId null', async () => {
      const { data } = await asSuperAdmin(() => audit.search({ tenantId: null, to: new Date(T + 60_000) }));

      expect(ids(data)).toEqual(ids(newestFirst(seeded.platform)));
    });
  });

  describe('search outside a tenant or the platform scope', () => {
    it('refuses to run without any context', async () => {
      await expect(audit.search()).rejects.toThrow(TenantContextMissingException);
    });

    it('refuses a platform user outside the explicit platform scope', async () => {
      const search = context.run(
        { tenant: null, resolvedBy: ResolutionMethod.JwtClaim, principal: superAdmin, requestId: 'req' },
        () => audit.search(),
      );

      await expect(search).rejects.toThrow(TenantContextMissingException);
    });
  });

  it.each<[string, AuditSearchFilter, AuditPageRequest, string]>([
    ['a limit of 0', {}, { limit: 0 }, 'limit'],
    ['a limit above the maximum', {}, { limit: 201 }, 'limit'],
    ['a fractional limit', {}, { limit: 1.5 }, 'limit'],
    ['a malformed cursor', {}, { starting_after: '{"$gt":""}' }, 'starting_after'],
    ['a malformed tenant id', { tenantId: 'bank-b' }, {}, 'tenantId'],
    ['an invalid date', { from: new Date('not a date') }, {}, 'from'],
  ])('refuses %s', async (_name, filter, page, field) => {
    const search = asSuperAdmin(() => audit.search(filter, page));

    await expect(search).rejects.toThrow(ValidationException);
    await expect(search).rejects.toMatchObject({ details: [expect.objectContaining({ field })] });
  });
});

function newestFirst(events: readonly AuditEvent[]): AuditEvent[] {
  return [...events].sort(
    (x, y) => y.at.getTime() - x.at.getTime() || (y.id > x.id ? 1 : y.id < x.id ? -1 : 0),
  );
}

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
