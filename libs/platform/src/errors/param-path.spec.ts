import { toParamPath } from './param-path';

describe('toParamPath', () => {
  it.each([
    ['amount', 'amount'],
    ['payer.name', 'payer.name'],
    ['rows.3.amount', 'rows[3].amount'],
    ['rows.3.items.0', 'rows[3].items[0]'],
    ['0.amount', '[0].amount'],
  ])('writes %s as %s', (field, param) => {
    expect(toParamPath(field)).toBe(param);
  });
});
