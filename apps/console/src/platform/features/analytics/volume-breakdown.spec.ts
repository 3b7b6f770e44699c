import fc from 'fast-check';
import { currenciesByCount, volumeBreakdown } from './volume-breakdown';

describe('volumeBreakdown', () => {
  const rows = [
    { tenant: 'b', currency: 'EUR', count: 2, volume: 500 },
    { tenant: 'a', currency: 'EUR', count: 1, volume: 900 },
    { tenant: 'a', currency: 'USD', count: 7, volume: 10_000 },
    { tenant: 'b', currency: 'EUR', count: 1, volume: 100 },
  ];

  it('keeps one currency, sums a group’s rows and puts the largest volume first', () => {
    expect(volumeBreakdown(rows, 'EUR', (row) => row.tenant)).toEqual({
      labels: ['a', 'b'],
      volumes: [900, 600],
      counts: [1, 3],
    });
  });

  it('keeps calendar order for days', () => {
    const days = [
      { day: '2026-12-02', currency: 'EUR', count: 1, volume: 9 },
      { day: '2026-12-01', currency: 'EUR', count: 1, volume: 1 },
    ];
    expect(volumeBreakdown(days, 'EUR', (row) => row.day, 'by-label').labels).toEqual([
      '2026-12-01',
      '2026-12-02',
    ]);
  });

  it('loses no money: the volumes add up to the currency’s total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.constantFrom('a', 'b', 'c'),
            currency: fc.constantFrom('EUR', 'USD'),
            count: fc.nat(1000),
            volume: fc.nat(1_000_000_000),
          }),
        ),
        (generated) => {
          const breakdown = volumeBreakdown(generated, 'EUR', (row) => row.group);
          const expected = generated
            .filter((row) => row.currency === 'EUR')
            .reduce((sum, row) => sum + row.volume, 0);
          expect(breakdown.volumes.reduce((sum, volume) => sum + volume, 0)).toBe(expected);
          expect(new Set(breakdown.labels).size).toBe(breakdown.labels.length);
        },
      ),
    );
  });
});

describe('currenciesByCount', () => {
  it('puts the currency with the most payments first', () => {
    expect(
      currenciesByCount([
        { currency: 'EUR', count: 3, volume: 1 },
        { currency: 'USD', count: 9, volume: 1 },
      ]),
    ).toEqual(['USD', 'EUR']);
  });
});
