import fc from 'fast-check';
import { FairShareAdmission } from './fair-share-admission';
import { ShedReason } from './shed-reason.enum';

const TENANTS = ['a', 'b', 'c', 'd'] as const;

function policy(bounds: { ceiling: number; perTenant: number }, clock = { now: 0 }) {
  return new FairShareAdmission({ ...bounds, activityWindowMs: 2_000 }, () => clock.now);
}

type Step =
  | { kind: 'admit'; tenant: string; limit: number; lagging: boolean }
  | { kind: 'release'; tenant: string }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('admit' as const),
      tenant: fc.constantFrom(...TENANTS),
      limit: fc.integer({ min: 1, max: 6 }),
      lagging: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('release' as const), tenant: fc.constantFrom(...TENANTS) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3_000 }) }),
    weight: 1,
  },
);

const bounds = fc
  .record({ ceiling: fc.integer({ min: 1, max: 12 }), perTenant: fc.integer({ min: 1, max: 12 }) })
  .filter(({ ceiling, perTenant }) => perTenant <= ceiling);

/** Runs `steps` and calls `check` before each admission with what the policy looked like then. */
function replay(
  limits: { ceiling: number; perTenant: number },
  steps: readonly Step[],
  check: (context: {
    admission: FairShareAdmission;
    step: Extract<Step, { kind: 'admit' }>;
    inFlight: Map<string, number>;
    outcome: ShedReason | undefined;
    totalBefore: number;
    shareBefore: number;
  }) => void,
): void {
  const clock = { now: 0 };
  const admission = policy(limits, clock);
  const inFlight = new Map<string, number>();
  for (const current of steps) {
    if (current.kind === 'wait') clock.now += current.ms;
    else if (current.kind === 'release') {
      if ((inFlight.get(current.tenant) ?? 0) === 0) continue;
      admission.release(current.tenant);
      inFlight.set(current.tenant, (inFlight.get(current.tenant) ?? 0) - 1);
    } else {
      const totalBefore = admission.inFlight;
      const shareBefore = admission.shareOf(current.tenant, current.limit);
      const before = new Map(inFlight);
      const outcome = admission.admit(current.tenant, current.limit, current.lagging);
      if (outcome === undefined) inFlight.set(current.tenant, (inFlight.get(current.tenant) ?? 0) + 1);
      check({ admission, step: current, inFlight: before, outcome, totalBefore, shareBefore });
    }
  }
}

describe('FairShareAdmission', () => {
  it('never lets the instance past its ceiling nor a tenant past its bound', () => {
    fc.assert(
      fc.property(bounds, fc.array(step, { maxLength: 200 }), (limits, steps) => {
        replay(limits, steps, ({ admission, step: admitted }) => {
          expect(admission.inFlight).toBeLessThanOrEqual(limits.ceiling);
          expect(admission.inFlightOf(admitted.tenant)).toBeLessThanOrEqual(limits.perTenant);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a tenant under its share only at the ceiling, at its own bound, or past its first request during a lag nobody else causes', () => {
    fc.assert(
      fc.property(bounds, fc.array(step, { maxLength: 200 }), (limits, steps) => {
        replay(limits, steps, ({ step: attempt, inFlight, outcome, totalBefore, shareBefore }) => {
          const own = inFlight.get(attempt.tenant) ?? 0;
          if (outcome === undefined || own >= shareBefore) return;
          const anotherAtShare = [...inFlight].some(([key, n]) => key !== attempt.tenant && n >= shareBefore);
          const explained =
            (outcome === ShedReason.TenantInFlight && own >= limits.perTenant) ||
            (outcome === ShedReason.InstanceInFlight && totalBefore >= limits.ceiling) ||
            (outcome === ShedReason.EventLoopDelay && attempt.lagging && own > 0 && !anotherAtShare);
          expect(explained).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('admits a tenant at or over its share only while the loop keeps up, and at the limit never more than one past its share', () => {
    fc.assert(
      fc.property(bounds, fc.array(step, { maxLength: 200 }), (limits, steps) => {
        replay(limits, steps, ({ step: attempt, inFlight, outcome, totalBefore, shareBefore }) => {
          const own = inFlight.get(attempt.tenant) ?? 0;
          if (outcome !== undefined || own < shareBefore) return;
          expect(attempt.lagging).toBe(false);
          if (totalBefore >= attempt.limit) expect(own).toBe(shareBefore);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the flooding tenant, not the quiet one, once the instance is at its limit', () => {
    const clock = { now: 0 };
    const admission = policy({ ceiling: 32, perTenant: 8 }, clock);
    // Alone, the flood may use the whole limit of 4; it keeps it busy for two seconds.
    for (let n = 0; n < 4; n += 1) expect(admission.admit('flood', 4, false)).toBeUndefined();
    clock.now = 2_000;
    expect(admission.admit('flood', 4, false)).toBe(ShedReason.InstanceInFlight);
    // The quiet tenant's first request is under its share (4 / 2 tenants): admitted past the limit.
    expect(admission.admit('quiet', 4, false)).toBeUndefined();
    expect(admission.inFlight).toBe(5);
    // The flood, over its share of 2, gets a slot only when the limit has room for it.
    admission.release('flood');
    admission.release('flood');
    expect(admission.admit('flood', 4, false)).toBeUndefined();
    expect(admission.admit('flood', 4, false)).toBe(ShedReason.InstanceInFlight);
    expect(admission.admit('quiet', 4, false)).toBeUndefined();
  });

  it("lets a light tenant's requests that arrive together through at the limit, one past its share", () => {
    const clock = { now: 0 };
    const admission = policy({ ceiling: 32, perTenant: 8 }, clock);
    admission.admit('flood', 2, false);
    admission.admit('flood', 2, false);
    clock.now = 2_000;
    // Shares of 1 now; the quiet tenant has used nothing on average.
    expect(admission.admit('quiet', 2, false)).toBeUndefined();
    expect(admission.admit('quiet', 2, false)).toBeUndefined();
    expect(admission.admit('quiet', 2, false)).toBe(ShedReason.InstanceInFlight);
    // The flood, which kept its slots busy, gets nothing past its share.
    admission.release('flood');
    expect(admission.admit('flood', 2, false)).toBe(ShedReason.InstanceInFlight);
  });

  it("keeps an idle tenant's share reserved for the activity window, then gives it back", () => {
    const clock = { now: 0 };
    const admission = policy({ ceiling: 32, perTenant: 8 }, clock);
    admission.admit('quiet', 4, false);
    admission.release('quiet');
    clock.now = 1_000;
    expect(admission.shareOf('flood', 4)).toBe(2);
    clock.now = 2_500;
    admission.admit('flood', 4, false);
    expect(admission.activeTenants).toBe(1);
    expect(admission.shareOf('flood', 4)).toBe(4);
  });

  it('while the loop lags, keeps one request per tenant, and more only for a tenant under its share while another uses its full share', () => {
    const admission = policy({ ceiling: 32, perTenant: 8 });
    expect(admission.admit('alone', 4, true)).toBeUndefined();
    expect(admission.admit('alone', 4, true)).toBe(ShedReason.EventLoopDelay);
    admission.release('alone');
    admission.admit('flood', 4, false);
    admission.admit('flood', 4, false);
    // Three active tenants: shares of 1; the flood uses (more than) its share.
    expect(admission.admit('quiet', 4, true)).toBeUndefined();
    expect(admission.admit('flood', 4, true)).toBe(ShedReason.EventLoopDelay);
    expect(admission.admit('quiet', 4, true)).toBe(ShedReason.EventLoopDelay);
  });

  it('admits requests of an unknown tenant within the limit only, outside every share', () => {
    const admission = policy({ ceiling: 4, perTenant: 1 });
    expect(admission.admitUnattributed(2, false)).toBeUndefined();
    expect(admission.admitUnattributed(2, false)).toBeUndefined();
    expect(admission.admitUnattributed(2, false)).toBe(ShedReason.InstanceInFlight);
    expect(admission.activeTenants).toBe(0);
    // A known tenant under its share still gets in, up to the ceiling.
    expect(admission.admit('quiet', 2, false)).toBeUndefined();
    admission.releaseUnattributed();
    expect(admission.admitUnattributed(4, true)).toBe(ShedReason.EventLoopDelay);
    expect(admission.inFlight).toBe(2);
  });
});
