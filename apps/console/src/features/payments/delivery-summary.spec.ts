import { deliverySummary } from './delivery-summary';

describe('deliverySummary', () => {
  it('says when no endpoint was subscribed', () => {
    expect(deliverySummary({ pending: 0, succeeded: 0, failed: 0, canceled: 0 })).toBe(
      'No endpoint subscribed',
    );
  });

  it('puts failures first, leaves out statuses with none, and says "delivered" for succeeded', () => {
    expect(deliverySummary({ pending: 2, succeeded: 3, failed: 1, canceled: 0 })).toBe(
      '1 failed, 2 pending, 3 delivered',
    );
    expect(deliverySummary({ pending: 0, succeeded: 0, failed: 0, canceled: 1 })).toBe('1 canceled');
  });
});
