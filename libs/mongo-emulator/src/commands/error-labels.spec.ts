import { serverErrorLabels } from './error-labels';

const inTransaction = { txnNumber: 1, autocommit: false };
const retryableWrite = { txnNumber: 1 };

describe('serverErrorLabels (mongod ErrorLabelBuilder)', () => {
  it('labels a retriable error of a statement in a transaction transient, not retryable', () => {
    expect(serverErrorLabels(inTransaction, 'insert', 10107, undefined)).toEqual([
      'TransientTransactionError',
    ]);
  });

  it('labels a retriable error of commitTransaction retryable, not transient', () => {
    expect(serverErrorLabels(inTransaction, 'commitTransaction', 91, undefined)).toEqual([
      'RetryableWriteError',
    ]);
    expect(serverErrorLabels(inTransaction, 'commitTransaction', undefined, 189)).toEqual([
      'RetryableWriteError',
    ]);
  });

  it('labels NoSuchTransaction on commit transient unless a write concern error says it committed', () => {
    expect(serverErrorLabels(inTransaction, 'commitTransaction', 251, undefined)).toEqual([
      'TransientTransactionError',
    ]);
    expect(serverErrorLabels(inTransaction, 'commitTransaction', 251, 64)).toEqual([]);
  });

  it('labels snapshot errors transient, on commit too', () => {
    expect(serverErrorLabels(inTransaction, 'commitTransaction', 246, undefined)).toEqual([
      'TransientTransactionError',
    ]);
    expect(serverErrorLabels(inTransaction, 'find', 239, undefined)).toEqual(['TransientTransactionError']);
  });

  it('labels a retriable error of a retryable write, and nothing outside sessions', () => {
    expect(serverErrorLabels(retryableWrite, 'update', 11602, undefined)).toEqual(['RetryableWriteError']);
    expect(serverErrorLabels(retryableWrite, 'find', 11602, undefined)).toEqual([]);
    expect(serverErrorLabels({}, 'insert', 11602, undefined)).toEqual([]);
  });

  it('leaves errors that are neither transient nor retriable unlabelled', () => {
    expect(serverErrorLabels(inTransaction, 'aggregate', 50, undefined)).toEqual([]);
    expect(serverErrorLabels(inTransaction, 'insert', undefined, 91)).toEqual([]);
  });
});
