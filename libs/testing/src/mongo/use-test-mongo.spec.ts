import { useTestMongo } from './use-test-mongo';

const mongo = useTestMongo();

describe('useTestMongo', () => {
  it('names the database after the test file, with a random suffix', () => {
    expect(mongo.dbName).toMatch(/^test_mongo_use-test-mongo_[0-9a-f]{8}$/);
  });

  it('puts the database into the connection string, keeping the server options', () => {
    const serverUri = process.env['TENANTPAY_TEST_MONGODB_URI'] ?? '';
    const query = serverUri.includes('?') ? serverUri.slice(serverUri.indexOf('?')) : '';

    expect(mongo.uri).toContain(`/${mongo.dbName}`);
    expect(mongo.uri.endsWith(`/${mongo.dbName}${query}`)).toBe(true);
  });

  it('hands out a connected client whose db is the file database', async () => {
    await mongo.db.collection('probe').insertOne({ ok: true });

    await expect(mongo.client.db(mongo.dbName).collection('probe').countDocuments()).resolves.toBe(1);
    expect(mongo.db.databaseName).toBe(mongo.dbName);
  });

  describe('a second call in a nested block', () => {
    const nested = useTestMongo();

    it('gets a different database', async () => {
      expect(nested.dbName).not.toBe(mongo.dbName);
      await nested.db.collection('left_behind').insertOne({ a: 1 });
    });

    afterAll(() => {
      droppedDbName = nested.dbName;
    });
  });

  let droppedDbName = '';
  it('drops the database after the tests of the block that asked for it', async () => {
    const { databases } = await mongo.client.db('admin').admin().listDatabases();

    expect(droppedDbName).not.toBe('');
    expect(databases.map((database) => database.name)).not.toContain(droppedDbName);
  });
});
