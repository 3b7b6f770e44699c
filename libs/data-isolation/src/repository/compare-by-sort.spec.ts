import fc from 'fast-check';
import { Types } from 'mongoose';
import { compareBySort } from './compare-by-sort';

interface Row {
  readonly _id: Types.ObjectId;
  readonly createdAt: Date | null;
  readonly amount: number;
}

const row = fc.record({
  _id: fc.integer({ min: 0, max: 2 ** 31 }).map((n) => new Types.ObjectId(n.toString(16).padStart(24, '0'))),
  createdAt: fc.option(fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }), {
    nil: null,
  }),
  amount: fc.integer({ min: -1000, max: 1000 }),
});

describe('compareBySort', () => {
  it('orders ObjectIds, dates and numbers as MongoDB does, null first, direction applied', () => {
    const a = { _id: new Types.ObjectId('0'.repeat(23) + '1'), createdAt: null, amount: 5 };
    const b = { _id: new Types.ObjectId('0'.repeat(23) + 'a'), createdAt: new Date(1), amount: 5 };
    expect([b, a].sort(compareBySort({ _id: 1 }))).toEqual([a, b]);
    expect([a, b].sort(compareBySort({ _id: -1 }))).toEqual([b, a]);
    expect([b, a].sort(compareBySort({ createdAt: 1 }))).toEqual([a, b]);
    expect([a, b].sort(compareBySort({ amount: -1, _id: -1 }))).toEqual([b, a]);
  });

  it('merging per-placement top-n lists gives the single-database top-n (what PlatformRepository.find does)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.integer({ min: 0, max: 2 })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom<Record<string, 1 | -1>>(
          { _id: 1 },
          { createdAt: -1, _id: 1 },
          { amount: 1, _id: -1 },
        ),
        (placed, limit, sort) => {
          const compare = compareBySort<Row>(sort);
          const rows = placed.map(([r]) => r);
          const whole = [...rows].sort(compare).slice(0, limit);
          const perPlacement = [0, 1, 2].map((p) =>
            placed
              .filter(([, on]) => on === p)
              .map(([r]) => r)
              .sort(compare)
              .slice(0, limit),
          );
          const merged = perPlacement.flat().sort(compare).slice(0, limit);
          // Equal sort keys may come in any order; the keys must match position by position.
          const keys = (list: Row[]) =>
            list.map((r) => Object.keys(sort).map((k) => String(r[k as keyof Row])));
          expect(keys(merged)).toEqual(keys(whole));
        },
      ),
    );
  });
});
