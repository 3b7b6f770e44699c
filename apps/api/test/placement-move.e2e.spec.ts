import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUDIT_EVENT_COLLECTION } from '@tenantpay/audit';
import { TenantUserRole } from '@tenantpay/identity';
import { PAYMENT_COLLECTION } from '@tenantpay/payments';
import { MoveWriteRegistry } from '@tenantpay/placement';
import {
  LostOldCopyDeletionsSweeper,
  PLACEMENT_MOVE_COLLECTION,
  PLACEMENT_MOVE_QUEUE,
  PlacementMoveJobService,
  type PlacementMoveJobData,
} from '@tenantpay/placement-move';
import {
  APP_CONFIG,
  type AppConfig,
  closeQueueConnection,
  ErrorCode,
  queueConnection,
} from '@tenantpay/platform';
import { TenantLookupService, TenantPlacementMarker, type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { Worker } from 'bullmq';
import { type Db, ObjectId } from 'mongodb';
import request from 'supertest';
import { expectApiError, PASSWORD, seedPlatformUser, seedTenant } from './identity-test-app';
import { createPaymentsTestApp, newPayment, userToken } from './payments-test-app';
import { PaymentLoadGenerator } from './support/payment-load-generator';

/**
 * Moving a tenant between placements as an operator does it (issue 21): over HTTP, run by the move queue's job,
 * while the tenant's server keeps creating payments. Two databases of the run's test engine stand for the
 * shared database and a bank's dedicated cluster (as in placement-routing.e2e).
 */
/** A move under load on the shared, loaded test machine: copy, catch-up, freeze and two cache waits. */
const MOVE_TEST_TIMEOUT_MS = 240_000;

interface MoveHarness {
  readonly app: () => NestFastifyApplication;
  readonly shared: { readonly db: Db };
  readonly bankB: { readonly db: Db };
  readonly superAdmin: () => { Authorization: string };
  readonly startMoveWorker: () => void;
}

function useMoveHarness(settings: Record<string, string>): MoveHarness {
  let app: NestFastifyApplication | undefined;
  let worker: Worker<PlacementMoveJobData> | undefined;
  let superAdmin: { Authorization: string } | undefined;
  // Before the databases and Redis are set up, so it runs before they are torn down.
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  }, MOVE_TEST_TIMEOUT_MS);
  const shared = useTestMongo();
  const bankB = useTestMongo();
  const redis = useTestRedis();
  beforeAll(async () => {
    app = await createPaymentsTestApp(
      testAppConfig({
        MONGODB_URI: shared.uri,
        REDIS_URL: redis.url,
        MONGODB_PLACEMENTS: JSON.stringify({ 'bank-b': bankB.uri }),
        PLACEMENT_MOVE_CACHE_STALENESS_MS: '300',
        ...settings,
      }),
    );
    await seedPlatformUser(app, 'ops@platform.test');
    const login = await request(app.getHttpServer())
      .post('/v1/platform/auth/login')
      .send({ email: 'ops@platform.test', password: PASSWORD })
      .expect(200);
    superAdmin = { Authorization: `Bearer ${login.body.accessToken as string}` };
  }, MOVE_TEST_TIMEOUT_MS);
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the harness is ready inside tests only');
    return value;
  };
  return {
    app: () => started(app),
    shared,
    bankB,
    superAdmin: () => started(superAdmin),
    // The worker app's processor, on the API app's own providers (as startInlineWorker does for payments).
    startMoveWorker: () => {
      const running = started(app);
      const jobs = running.get(PlacementMoveJobService);
      const connection = queueConnection(running.get<AppConfig>(APP_CONFIG).redis, 'move-test-inline-worker');
      worker = new Worker<PlacementMoveJobData>(
        PLACEMENT_MOVE_QUEUE,
        (job) => jobs.process(job.name, job.data),
        { ...connection, concurrency: 1 },
      );
      worker.on('closed', () => void closeQueueConnection(connection));
    },
  };
}

async function tenantPayments(db: Db, tenant: TenantSnapshot): Promise<{ reference: string }[]> {
  return (await db
    .collection(PAYMENT_COLLECTION)
    .find({ tenantId: new ObjectId(tenant.id) })
    .toArray()) as unknown as { reference: string }[];
}

/** Every accepted payment exactly once on `db`. */
async function expectEachAcceptedOnce(
  db: Db,
  tenant: TenantSnapshot,
  load: PaymentLoadGenerator,
): Promise<void> {
  const stored = (await tenantPayments(db, tenant)).map((payment) => payment.reference);
  const accepted = [...load.accepted.keys()];
  expect(accepted.filter((reference) => stored.filter((r) => r === reference).length !== 1)).toEqual([]);
  expect(new Set(stored).size).toBe(stored.length);
}

async function waitForMove(
  harness: MoveHarness,
  location: string,
  states: readonly string[],
  timeoutMs = 120_000,
): Promise<Record<string, unknown>> {
  let move: Record<string, unknown> = {};
  await eventually(
    `the move reaches ${states.join(' or ')}`,
    async () => {
      const response = await request(harness.app().getHttpServer()).get(location).set(harness.superAdmin());
      move = response.body as Record<string, unknown>;
      return response.status === 200 && states.includes(String(move['state']));
    },
    timeoutMs,
  );
  return move;
}

async function auditedActions(db: Db, moveId: string): Promise<string[]> {
  const events = await db
    .collection(AUDIT_EVENT_COLLECTION)
    .find({ 'resource.type': 'placement_move', 'resource.id': moveId })
    .sort({ at: 1, _id: 1 })
    .toArray();
  return events.map((event) => String(event['action']));
}

describe('POST /v1/admin/tenants/:id/placement: a tenant moves while it keeps working (issue 21)', () => {
  // The freeze bound at its maximum: the test machine is shared and loaded; the bound's failure has its own test.
  const harness = useMoveHarness({
    PLACEMENT_MOVE_MAX_FREEZE_MS: '60000',
    PLACEMENT_MOVE_RETENTION_HOURS: '0',
  });
  const http = () => request(harness.app().getHttpServer());
  let tenant: TenantSnapshot;
  let admin: { Authorization: string };

  beforeAll(async () => {
    tenant = await seedTenant(harness.app(), Tier.Professional);
    admin = (await userToken(harness.app(), tenant, 'admin@mover.test', TenantUserRole.Admin)).auth;
    for (let i = 0; i < 20; i += 1)
      await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
  }, MOVE_TEST_TIMEOUT_MS);

  it('refuses an unknown placement (400), the current one (409) and a tenant admin (403)', async () => {
    const move = (auth: { Authorization: string }, placement: unknown) =>
      http().post(`/v1/admin/tenants/${tenant.id}/placement`).set(auth).send({ placement });
    expectApiError(await move(harness.superAdmin(), 'bank-z'), 400, ErrorCode.ValidationError);
    expectApiError(await move(harness.superAdmin(), 'Bank B!'), 400, ErrorCode.ValidationError);
    expectApiError(await move(harness.superAdmin(), 'shared'), 409, ErrorCode.Conflict);
    expect((await move(admin, 'bank-b')).status).toBe(403);
    await http()
      .post(`/v1/admin/tenants/${new ObjectId().toHexString()}/placement`)
      .set(harness.superAdmin())
      .send({ placement: 'bank-b' })
      .expect(404);
  });

  it(
    'moves the tenant to bank-b under load: every payment once on bank-b, audited, the old copy deleted',
    async () => {
      const load = new PaymentLoadGenerator(harness.app(), admin, 'during-move');
      load.start(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const accepted = await http()
        .post(`/v1/admin/tenants/${tenant.id}/placement`)
        .set(harness.superAdmin())
        .send({ placement: 'bank-b' })
        .expect(202);
      const location = accepted.headers['location'] as string;
      expect(location).toBe(`/v1/admin/tenants/${tenant.id}/placement/moves/${accepted.body.id as string}`);
      expect(accepted.body).toMatchObject({
        tenantId: tenant.id,
        from: 'shared',
        to: 'bank-b',
        state: 'requested',
      });

      // Queued, not yet run: a second move of the tenant is refused while this one is open.
      const second = await http()
        .post(`/v1/admin/tenants/${tenant.id}/placement`)
        .set(harness.superAdmin())
        .send({ placement: 'bank-b' });
      expectApiError(second, 409, ErrorCode.Conflict);

      harness.startMoveWorker();
      await waitForMove(harness, location, ['switched', 'cleaned', 'failed']);
      // Writes keep going a moment after the switch: they must land on bank-b.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await load.stop();
      const move = await waitForMove(harness, location, ['cleaned', 'failed']);

      expect(move).toMatchObject({ state: 'cleaned', failure: null });
      const verification = move['verification'] as { collection: string; matches: boolean }[];
      expect(verification.length).toBeGreaterThan(0);
      expect(verification.every((result) => result.matches)).toBe(true);
      expect(verification.map((result) => result.collection)).toContain(PAYMENT_COLLECTION);
      const timings = move['timings'] as Record<string, number>;
      expect(timings['totalMs']).toBeGreaterThan(0);
      expect((move['oldCopyDeleted'] as Record<string, number>)[PAYMENT_COLLECTION]).toBeGreaterThanOrEqual(
        20,
      );
      expect(load.accepted.size).toBeGreaterThan(0);

      await expectEachAcceptedOnce(harness.bankB.db, tenant, load);
      expect(await tenantPayments(harness.bankB.db, tenant)).toHaveLength(20 + load.accepted.size);
      expect(await tenantPayments(harness.shared.db, tenant)).toHaveLength(0);
      expect(
        (await http().get(`/v1/admin/tenants/${tenant.id}`).set(harness.superAdmin())).body.placement,
      ).toBe('bank-b');
      expect(await harness.app().get(MoveWriteRegistry).longestLeaseLeftMs(tenant.id)).toBe(0);

      expect(await auditedActions(harness.shared.db, accepted.body.id as string)).toEqual(
        expect.arrayContaining([
          'tenant.placement_move_requested',
          'tenant.placement_move_preparing',
          'tenant.placement_move_copying',
          'tenant.placement_move_catching_up',
          'tenant.placement_move_frozen',
          'tenant.placement_move_verifying',
          'tenant.placement_move_switched',
          'tenant.placement_move_old_copy_deleted',
        ]),
      );

      const listed = await http()
        .get(`/v1/admin/tenants/${tenant.id}/placement/moves`)
        .set(harness.superAdmin())
        .expect(200);
      expect(listed.body.data.map((m: { id: string }) => m.id)).toEqual([accepted.body.id]);

      // Switched (and cleaned): too late to cancel.
      expectApiError(
        await http().post(`${location}/cancel`).set(harness.superAdmin()),
        409,
        ErrorCode.Conflict,
      );
    },
    MOVE_TEST_TIMEOUT_MS,
  );

  it('serves the moved tenant from bank-b only, and keeps working', async () => {
    const created = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
    const id = new ObjectId(created.body.id as string);
    expect(await harness.bankB.db.collection(PAYMENT_COLLECTION).countDocuments({ _id: id })).toBe(1);
    expect(await harness.shared.db.collection(PAYMENT_COLLECTION).countDocuments({ _id: id })).toBe(0);
    const listed = await http().get('/v1/payments?limit=100').set(admin).expect(200);
    const onBankB = await tenantPayments(harness.bankB.db, tenant);
    expect(listed.body.data).toHaveLength(Math.min(100, onBankB.length));
    expect((await harness.app().get(TenantLookupService).findById(tenant.id))?.moving).toBe(false);
  });

  it('answers 404 for a move of another tenant or an unknown id', async () => {
    const other = await seedTenant(harness.app(), Tier.Professional);
    const [mine] = (
      await http().get(`/v1/admin/tenants/${tenant.id}/placement/moves`).set(harness.superAdmin()).expect(200)
    ).body.data as { id: string }[];
    await http()
      .get(`/v1/admin/tenants/${other.id}/placement/moves/${mine?.id ?? ''}`)
      .set(harness.superAdmin())
      .expect(404);
    await http()
      .get(`/v1/admin/tenants/${tenant.id}/placement/moves/not-an-id`)
      .set(harness.superAdmin())
      .expect(404);
  });
});

describe('a failed or interrupted placement move leaves the tenant on its source with nothing lost (issue 21)', () => {
  // A freeze bound no drain can meet: every admitted write holds a 5 s lease, the freeze may last 100 ms, once.
  const harness = useMoveHarness({
    PLACEMENT_MOVE_MAX_FREEZE_MS: '100',
    PLACEMENT_MOVE_FREEZE_ATTEMPTS: '1',
    PLACEMENT_MOVE_WRITE_LEASE_MS: '5000',
  });
  const http = () => request(harness.app().getHttpServer());

  it(
    'fails a move whose freeze overruns its bound, thaws the tenant and deletes the target copy',
    async () => {
      const tenant = await seedTenant(harness.app(), Tier.Professional);
      const { auth } = await userToken(harness.app(), tenant, 'admin@failing.test', TenantUserRole.Admin);
      for (let i = 0; i < 10; i += 1)
        await http().post('/v1/payments').set(auth).send(newPayment()).expect(201);
      harness.startMoveWorker();
      const load = new PaymentLoadGenerator(harness.app(), auth, 'failing-move');
      load.start(2);
      const accepted = await http()
        .post(`/v1/admin/tenants/${tenant.id}/placement`)
        .set(harness.superAdmin())
        .send({ placement: 'bank-b' })
        .expect(202);
      const move = await waitForMove(harness, accepted.headers['location'] as string, [
        'failed',
        'switched',
        'cleaned',
      ]);
      await load.stop();
      await eventually('the failed move finishes', async () =>
        Boolean(
          (
            await harness.shared.db
              .collection(PLACEMENT_MOVE_COLLECTION)
              .findOne({ _id: new ObjectId(accepted.body.id as string) })
          )?.['closedAt'],
        ),
      );

      expect(move['state']).toBe('failed');
      expect(String(move['failure'])).toMatch(/freeze bound/);
      await expectEachAcceptedOnce(harness.shared.db, tenant, load);
      expect(await tenantPayments(harness.shared.db, tenant)).toHaveLength(10 + load.accepted.size);
      expect(await tenantPayments(harness.bankB.db, tenant)).toHaveLength(0);
      expect(
        (await http().get(`/v1/admin/tenants/${tenant.id}`).set(harness.superAdmin())).body.placement,
      ).toBe('shared');
      await http().post('/v1/payments').set(auth).send(newPayment()).expect(201);
      expect(await auditedActions(harness.shared.db, accepted.body.id as string)).toContain(
        'tenant.placement_move_failed',
      );
    },
    MOVE_TEST_TIMEOUT_MS,
  );

  it(
    'settles a move whose worker died mid-copy: target copy deleted, writes thawed, the tenant on its source',
    async () => {
      const tenant = await seedTenant(harness.app(), Tier.Professional);
      const { auth } = await userToken(harness.app(), tenant, 'admin@crash.test', TenantUserRole.Admin);
      await http()
        .post('/v1/payments')
        .set(auth)
        .send(newPayment({ reference: 'before-crash' }))
        .expect(201);
      // What a worker killed while copying leaves: its record mid-copy under a lease that ran out, the tenant
      // flagged moving, its writes frozen, a partial copy on the target.
      const moveId = new ObjectId();
      await harness.shared.db.collection(PLACEMENT_MOVE_COLLECTION).insertOne({
        _id: moveId,
        tenantId: new ObjectId(tenant.id),
        from: 'shared',
        to: 'bank-b',
        state: 'copying',
        collections: {},
        catchUpPasses: 0,
        freezeAttempts: 0,
        verification: [],
        timings: null,
        failure: null,
        requestedBy: 'ops',
        startedAt: new Date(),
        finishedAt: null,
        deleteAfter: null,
        oldCopyDeletedAt: null,
        oldCopyDeleted: null,
        closedAt: null,
        leaseOwner: 'a-worker-that-died',
        leaseUntil: new Date(Date.now() - 1_000),
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      const registry = harness.app().get(MoveWriteRegistry);
      await registry.open(tenant.id, moveId.toHexString(), 'shared');
      await harness.app().get(TenantPlacementMarker).setMoving(tenant.id, true);
      await registry.freeze(tenant.id);
      const [original] = await tenantPayments(harness.shared.db, tenant);
      await harness.bankB.db.collection(PAYMENT_COLLECTION).insertOne({ ...original });
      expectApiError(
        await http().post('/v1/payments').set(auth).send(newPayment()),
        503,
        ErrorCode.TenantMoving,
      );

      // The job BullMQ hands to another worker once the dead one's lock ran out.
      await harness.app().get(PlacementMoveJobService).run(moveId.toHexString());

      const settled = await http()
        .get(`/v1/admin/tenants/${tenant.id}/placement/moves/${moveId.toHexString()}`)
        .set(harness.superAdmin())
        .expect(200);
      expect(settled.body).toMatchObject({ state: 'failed' });
      expect(settled.body.finishedAt).not.toBeNull();
      expect(await tenantPayments(harness.bankB.db, tenant)).toHaveLength(0);
      expect((await tenantPayments(harness.shared.db, tenant)).map((p) => p.reference)).toEqual([
        'before-crash',
      ]);
      await http().post('/v1/payments').set(auth).send(newPayment()).expect(201);
      // Closed: the operator may ask again.
      const record = await harness.shared.db.collection(PLACEMENT_MOVE_COLLECTION).findOne({ _id: moveId });
      expect(record?.['closedAt']).toBeInstanceOf(Date);
      expect((await harness.app().get(TenantLookupService).findById(tenant.id))?.moving).toBe(false);
    },
    MOVE_TEST_TIMEOUT_MS,
  );
});

describe('LostOldCopyDeletionsSweeper: an old copy whose delayed deletion job Redis lost is still deleted', () => {
  const harness = useMoveHarness({});
  const http = () => request(harness.app().getHttpServer());

  it(
    'deletes the old copy of a switched move past its deletion time with no job, and closes the move',
    async () => {
      const tenant = await seedTenant(harness.app(), Tier.Professional);
      const { auth } = await userToken(harness.app(), tenant, 'admin@lost-job.test', TenantUserRole.Admin);
      await http()
        .post('/v1/payments')
        .set(auth)
        .send(newPayment({ reference: 'moved' }))
        .expect(201);
      // What a switched move leaves once Redis lost its delayed deletion: the tenant on bank-b, its old copy on
      // shared, the move open past its deletion time, no job anywhere.
      const [original] = await tenantPayments(harness.shared.db, tenant);
      await harness.bankB.db.collection(PAYMENT_COLLECTION).insertOne({ ...original });
      const marker = harness.app().get(TenantPlacementMarker);
      await marker.setMoving(tenant.id, true);
      expect(await marker.switchPlacement(tenant.id, 'shared', 'bank-b')).toBe(true);
      await marker.setMoving(tenant.id, false);
      const moveId = new ObjectId();
      const deleteAfter = new Date(Date.now() - 60_000);
      await harness.shared.db.collection(PLACEMENT_MOVE_COLLECTION).insertOne({
        _id: moveId,
        tenantId: new ObjectId(tenant.id),
        from: 'shared',
        to: 'bank-b',
        state: 'switched',
        collections: {},
        catchUpPasses: 1,
        freezeAttempts: 1,
        verification: [],
        timings: null,
        failure: null,
        requestedBy: 'ops',
        startedAt: new Date(Date.now() - 120_000),
        finishedAt: new Date(Date.now() - 90_000),
        deleteAfter,
        oldCopyDeletedAt: null,
        oldCopyDeleted: null,
        closedAt: null,
        leaseOwner: null,
        leaseUntil: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      const sweeper = harness.app().get(LostOldCopyDeletionsSweeper);

      // Not due yet: left alone.
      expect(await sweeper.sweep(new Date(deleteAfter.getTime() - 1_000))).toBe(0);
      expect(await tenantPayments(harness.shared.db, tenant)).toHaveLength(1);

      expect(await sweeper.sweep()).toBe(1);

      const swept = await http()
        .get(`/v1/admin/tenants/${tenant.id}/placement/moves/${moveId.toHexString()}`)
        .set(harness.superAdmin())
        .expect(200);
      expect(swept.body).toMatchObject({ state: 'cleaned' });
      expect(swept.body.oldCopyDeleted[PAYMENT_COLLECTION]).toBe(1);
      expect(await tenantPayments(harness.shared.db, tenant)).toHaveLength(0);
      expect((await tenantPayments(harness.bankB.db, tenant)).map((p) => p.reference)).toEqual(['moved']);
      expect(await auditedActions(harness.shared.db, moveId.toHexString())).toEqual([
        'tenant.placement_move_old_copy_deleted',
      ]);
      // Closed: the tenant may move again, and the next sweep has nothing to do.
      expect(await sweeper.sweep()).toBe(0);
      await http()
        .post(`/v1/admin/tenants/${tenant.id}/placement`)
        .set(harness.superAdmin())
        .send({ placement: 'shared' })
        .expect(202);
    },
    MOVE_TEST_TIMEOUT_MS,
  );
});

describe('POST …/placement/moves/:moveId/cancel: an operator stops a move before its switch', () => {
  // A catch-up that never ends while the tenant writes (no pass is ever small enough), and a freeze that could
  // never fit: the move is still running, with a copy on the target, whenever the cancel arrives.
  const harness = useMoveHarness({
    PLACEMENT_MOVE_FREEZE_THRESHOLD: '0',
    PLACEMENT_MOVE_MAX_CATCH_UP_PASSES: '1000',
    PLACEMENT_MOVE_MAX_FREEZE_MS: '100',
    PLACEMENT_MOVE_FREEZE_ATTEMPTS: '1',
    PLACEMENT_MOVE_WRITE_LEASE_MS: '5000',
  });
  const http = () => request(harness.app().getHttpServer());
  const requestMove = async (tenant: TenantSnapshot) =>
    (
      await http()
        .post(`/v1/admin/tenants/${tenant.id}/placement`)
        .set(harness.superAdmin())
        .send({ placement: 'bank-b' })
        .expect(202)
    ).headers['location'] as string;

  it('closes a move no worker has taken up at once, audited; refuses a tenant admin (403) and an unknown move (404)', async () => {
    const tenant = await seedTenant(harness.app(), Tier.Professional);
    const { auth } = await userToken(harness.app(), tenant, 'admin@queued.test', TenantUserRole.Admin);
    const location = await requestMove(tenant);

    expect((await http().post(`${location}/cancel`).set(auth)).status).toBe(403);
    await http()
      .post(`/v1/admin/tenants/${tenant.id}/placement/moves/${new ObjectId().toHexString()}/cancel`)
      .set(harness.superAdmin())
      .expect(404);
    const canceled = await http().post(`${location}/cancel`).set(harness.superAdmin()).expect(202);

    expect(canceled.body).toMatchObject({ state: 'canceled', canceledBy: expect.any(String) });
    expect(canceled.body.finishedAt).not.toBeNull();
    // Asking again changes nothing; the tenant may be moved again at once.
    expect(
      (await http().post(`${location}/cancel`).set(harness.superAdmin()).expect(202)).body,
    ).toMatchObject({
      state: 'canceled',
    });
    const again = await requestMove(tenant);
    await http().post(`${again}/cancel`).set(harness.superAdmin()).expect(202);
    expect(await auditedActions(harness.shared.db, canceled.body.id as string)).toEqual([
      'tenant.placement_move_requested',
      'tenant.placement_move_cancel_requested',
      'tenant.placement_move_canceled',
    ]);
  });

  it(
    'stops a running move at its next step: writes thawed, target copy deleted, the tenant on its source with every payment',
    async () => {
      const tenant = await seedTenant(harness.app(), Tier.Professional);
      const { auth } = await userToken(harness.app(), tenant, 'admin@cancel.test', TenantUserRole.Admin);
      for (let i = 0; i < 10; i += 1)
        await http().post('/v1/payments').set(auth).send(newPayment()).expect(201);
      const load = new PaymentLoadGenerator(harness.app(), auth, 'canceled-move');
      load.start(2);
      harness.startMoveWorker();
      const location = await requestMove(tenant);
      await waitForMove(harness, location, ['catching_up']);
      expect((await tenantPayments(harness.bankB.db, tenant)).length).toBeGreaterThanOrEqual(10);

      const asked = await http().post(`${location}/cancel`).set(harness.superAdmin()).expect(202);
      expect(asked.body.cancelRequestedAt).not.toBeNull();
      const move = await waitForMove(harness, location, ['canceled', 'switched', 'failed']);
      await eventually('the canceled move closes', async () =>
        Boolean(
          (
            await harness.shared.db
              .collection(PLACEMENT_MOVE_COLLECTION)
              .findOne({ _id: new ObjectId(asked.body.id as string) })
          )?.['closedAt'],
        ),
      );
      await load.stop();

      expect(move['state']).toBe('canceled');
      expect(load.accepted.size).toBeGreaterThan(0);
      await expectEachAcceptedOnce(harness.shared.db, tenant, load);
      expect(await tenantPayments(harness.shared.db, tenant)).toHaveLength(10 + load.accepted.size);
      expect(await tenantPayments(harness.bankB.db, tenant)).toHaveLength(0);
      expect(
        (await http().get(`/v1/admin/tenants/${tenant.id}`).set(harness.superAdmin())).body.placement,
      ).toBe('shared');
      expect((await harness.app().get(TenantLookupService).findById(tenant.id))?.moving).toBe(false);
      await http().post('/v1/payments').set(auth).send(newPayment()).expect(201);
      expect(await auditedActions(harness.shared.db, asked.body.id as string)).toEqual(
        expect.arrayContaining(['tenant.placement_move_cancel_requested', 'tenant.placement_move_canceled']),
      );
    },
    MOVE_TEST_TIMEOUT_MS,
  );
});
