import { recentPeriods } from './recent-periods';

describe('recentPeriods', () => {
  it('counts back across a year end, newest first', () => {
    expect(recentPeriods(3, new Date('2027-02-10T12:00:00Z'))).toEqual(['2027-02', '2027-01', '2026-12']);
  });
});
