import { batchItemProblem, isBatchRunning, rowNumber } from './payment-batch-item';

describe('batchItemProblem', () => {
  it('is empty for a row that became a payment', () => {
    expect(batchItemProblem({ error: null })).toBe('');
  });

  it("says the API's message, then each field's problem", () => {
    expect(
      batchItemProblem({
        error: {
          code: 'validation_error',
          message: 'The request is not valid.',
          details: [
            { field: 'amount', issue: 'must be an integer' },
            { field: 'currency', issue: 'must be a 3-letter ISO code' },
          ],
        },
      }),
    ).toBe('The request is not valid. · amount: must be an integer · currency: must be a 3-letter ISO code');
  });

  it('does not repeat a detail the message already says, and keeps an issue without a field', () => {
    expect(
      batchItemProblem({
        error: {
          code: 'conflict',
          message: 'reference: already used',
          details: [{ field: 'reference', issue: 'already used' }, { issue: 'quota reached' }],
        },
      }),
    ).toBe('reference: already used · quota reached');
  });
});

describe('isBatchRunning', () => {
  it.each([
    ['PENDING', true],
    ['PROCESSING', true],
    ['COMPLETED', false],
    ['COMPLETED_WITH_ERRORS', false],
  ] as const)('%s → %s', (status, running) => {
    expect(isBatchRunning({ status })).toBe(running);
  });
});

describe('rowNumber', () => {
  it('counts rows from 1, as staff read their file', () => {
    expect(rowNumber({ row: 0 })).toBe(1);
    expect(rowNumber({ row: 41 })).toBe(42);
  });
});
