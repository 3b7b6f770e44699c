import { Binary, type Document } from 'mongodb';

import { useTestMongo } from '@tenantpay/testing';

const mongo = useTestMongo();

// https://www.mongodb.com/docs/manual/reference/operator/aggregation/listLocalSessions/ : a database
// aggregate whose first stage lists the sessions cached in memory by the server; without access control
// `{}` lists every session.
describe('$listLocalSessions', () => {
  it('lists a session a command has used, by id, with the user digest and when it was last used', async () => {
    const session = mongo.client.startSession();
    await mongo.db.collection<{ _id: number }>('local_sessions').insertOne({ _id: 1 }, { session });

    const listed = await mongo.client
      .db('admin')
      .aggregate<Document>([{ $listLocalSessions: {} }, { $match: { '_id.id': session.id?.id } }])
      .toArray();
    await session.endSession();

    expect(listed).toHaveLength(1);
    const [record] = listed as [Document];
    expect((record['_id'] as Document)['uid']).toBeInstanceOf(Binary);
    expect(((record['_id'] as Document)['uid'] as Binary).length()).toBe(32);
    expect(record['lastUse']).toBeInstanceOf(Date);
  });

  it('feeds the stages after it, $out included, in any database', async () => {
    await mongo.db
      .aggregate([
        { $listLocalSessions: { allUsers: true } },
        { $limit: 1 },
        { $project: { _id: 0, seen: { $literal: true } } },
        { $out: 'sessions_seen' },
      ])
      .toArray();

    await expect(
      mongo.db
        .collection('sessions_seen')
        .find({}, { projection: { _id: 0 } })
        .toArray(),
    ).resolves.toEqual([{ seen: true }]);
  });

  it('lists no session for a named user when none was opened by that user', async () => {
    const listed = await mongo.client
      .db('admin')
      .aggregate([{ $listLocalSessions: { users: [{ user: 'auditor', db: 'admin' }] } }])
      .toArray();

    expect(listed).toEqual([]);
  });

  it('is refused on a collection (InvalidNamespace, 73) and anywhere but first', async () => {
    const onCollection = mongo.db.collection('local_sessions').aggregate([{ $listLocalSessions: {} }]);
    const notFirst = mongo.db.aggregate([{ $limit: 1 }, { $listLocalSessions: {} }]);

    await expect(onCollection.toArray()).rejects.toMatchObject({ code: 73 });
    await expect(notFirst.toArray()).rejects.toThrow('$listLocalSessions is only valid as the first stage');
  });
});
