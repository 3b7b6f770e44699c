import { MongoClient, MongoNetworkError, MongoServerError } from 'mongodb';
import { MongoEmulator } from '../index';
import { FailCommandFailPoint } from './fail-command.failpoint';

describe('FailCommandFailPoint.trigger', () => {
  // Through the driver under Jest the handshake's client metadata arrives empty, so appName is checked here
  // (the spec runner checks it end to end).
  it('fires only for the named commands of the named application', () => {
    const failPoint = new FailCommandFailPoint();
    failPoint.configure('alwaysOn', { failCommands: ['find'], errorCode: 2, appName: 'worker' });
    expect(failPoint.trigger('find', 'worker')).toMatchObject({ errorCode: 2 });
    expect(failPoint.trigger('find', 'api')).toBeUndefined();
    expect(failPoint.trigger('find', undefined)).toBeUndefined();
    expect(failPoint.trigger('insert', 'worker')).toBeUndefined();
  });

  it('counts only matching commands against {times: n}', () => {
    const failPoint = new FailCommandFailPoint();
    failPoint.configure({ times: 1 }, { failCommands: ['find'], closeConnection: true });
    expect(failPoint.trigger('insert', undefined)).toBeUndefined();
    expect(failPoint.trigger('find', undefined)).toMatchObject({ closeConnection: true });
    expect(failPoint.trigger('find', undefined)).toBeUndefined();
  });
});

describe('configureFailPoint failCommand (as mongod)', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;

  const failPoint = (mode: unknown, data: Record<string, unknown> = {}) =>
    client.db('admin').command({ configureFailPoint: 'failCommand', mode, data });

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri, { retryWrites: false, retryReads: false });
  });
  afterEach(() => failPoint('off'));
  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it('fails the named command with the code, the given labels and no effect, the set number of times', async () => {
    const payments = client.db('fp').collection('errors');
    await failPoint({ times: 1 }, { failCommands: ['insert'], errorCode: 2, errorLabels: ['Custom'] });

    const failure = await payments.insertOne({ _id: 1 } as never).catch((error: MongoServerError) => error);
    expect(failure).toMatchObject({ code: 2, codeName: 'BadValue' });
    expect((failure as MongoServerError).errorLabels).toEqual(['Custom']);
    await payments.insertOne({ _id: 2 } as never);
    expect(await payments.find().toArray()).toEqual([{ _id: 2 }]);
  });

  it('labels a retriable error inside a transaction TransientTransactionError, as mongod does', async () => {
    const collection = client.db('fp').collection('transient');
    await collection.insertOne({ _id: 0 } as never);
    await failPoint({ times: 1 }, { failCommands: ['insert'], errorCode: 10107 });
    const session = client.startSession();
    session.startTransaction();
    const failure = await collection
      .insertOne({ _id: 1 } as never, { session })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 10107, errorLabels: ['TransientTransactionError'] });
    await session.abortTransaction();
    await session.endSession();
  });

  it('runs the command and reports the write concern error beside its result', async () => {
    const collection = client.db('fp').collection('wce');
    await failPoint(
      { times: 1 },
      { failCommands: ['insert'], writeConcernError: { code: 64, errmsg: 'timed out' } },
    );

    await expect(collection.insertOne({ _id: 1 } as never)).rejects.toMatchObject({
      code: 64,
      result: expect.objectContaining({ writeConcernError: { code: 64, errmsg: 'timed out' } }),
    });
    expect(await collection.countDocuments()).toBe(1);
  });

  it('closes the connection without an answer: the driver sees a network error', async () => {
    await failPoint({ times: 1 }, { failCommands: ['find'], closeConnection: true });
    const failure = await client
      .db('fp')
      .collection('close')
      .findOne({})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MongoNetworkError);
    await expect(client.db('fp').collection('close').findOne({})).resolves.toBeNull();
  });

  it('holds the command blockTimeMS before answering', async () => {
    await failPoint({ times: 1 }, { failCommands: ['ping'], blockConnection: true, blockTimeMS: 300 });
    const order: string[] = [];
    const blocked = client
      .db('admin')
      .command({ ping: 1 })
      .then(() => order.push('blocked ping'));
    // Another connection's command is answered while the first one is held.
    const other = await MongoClient.connect(emulator.uri);
    await other.db('admin').command({ ping: 1 });
    order.push('other ping');
    await blocked;
    await other.close();
    expect(order).toEqual(['other ping', 'blocked ping']);
  });

  it('answers how many times the previous configuration fired', async () => {
    await failPoint('alwaysOn', { failCommands: ['ping'], errorCode: 2 });
    await client
      .db('admin')
      .command({ ping: 1 })
      .catch(() => undefined);
    await client
      .db('admin')
      .command({ ping: 1 })
      .catch(() => undefined);
    await expect(failPoint('off')).resolves.toMatchObject({ count: 2 });
  });

  it('refuses fail points it does not implement and configuration outside admin', async () => {
    await expect(
      client.db('admin').command({ configureFailPoint: 'maxTimeAlwaysTimeOut', mode: 'alwaysOn' }),
    ).rejects.toMatchObject({ codeName: 'BadValue' });
    await expect(
      client.db('fp').command({ configureFailPoint: 'failCommand', mode: 'off' }),
    ).rejects.toMatchObject({ codeName: 'Unauthorized' });
    await expect(failPoint({ times: 1 }, { errorCode: 2 })).rejects.toMatchObject({ codeName: 'BadValue' });
  });
});
