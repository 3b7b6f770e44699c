import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { CHANGED_SINCE_INDEX_NAME } from '@tenantpay/data-isolation';
import { buildDeclaredIndexes } from '@tenantpay/platform';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { Connection } from 'mongoose';
import { ApiModule } from '../src/api.module';

describe('index builds with MONGODB_AUTO_INDEX=false (production)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: INestApplicationContext;
  let connection: Connection;

  beforeAll(async () => {
    const config = testAppConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      MONGODB_AUTO_INDEX: 'false',
    });
    app = await NestFactory.createApplicationContext(ApiModule.forRoot(config), { logger: false });
    connection = app.get<Connection>(getConnectionToken());
  });
  afterAll(async () => {
    await app.close();
  });

  async function indexNames(collection: string): Promise<string[]> {
    const existing = await connection.db!.listCollections({ name: collection }).toArray();
    if (existing.length === 0) return [];
    return (await connection.db!.collection(collection).indexes()).map((index) => String(index.name));
  }

  it('starts without building the declared indexes', async () => {
    expect(await indexNames('payments')).not.toContain('tenantId_1_reference_1');
  });

  it('buildDeclaredIndexes builds every declared index once and reports what it created', async () => {
    // Built at run time by a placement move before the schemas declared it: the declaration matches it.
    await connection
      .db!.collection('api_keys')
      .createIndex({ tenantId: 1, updatedAt: 1 }, { name: CHANGED_SINCE_INDEX_NAME });

    const first = await buildDeclaredIndexes(connection);
    const payments = first.find((report) => report.collection === 'payments');
    expect(payments?.created).toContainEqual({ tenantId: 1, reference: 1 });
    expect(payments?.created).toContainEqual({ tenantId: 1, updatedAt: 1 });
    expect(await indexNames('payments')).toContain('tenantId_1_reference_1');
    expect(await indexNames('payments')).toContain(CHANGED_SINCE_INDEX_NAME);
    const apiKeys = first.find((report) => report.collection === 'api_keys');
    expect(apiKeys?.created).not.toContainEqual({ tenantId: 1, updatedAt: 1 });
    expect(apiKeys?.undeclared).not.toContain(CHANGED_SINCE_INDEX_NAME);
    // Every model's collection is covered, including the unsharded ones looked up before a tenant is known.
    expect(first.map((report) => report.collection)).toEqual(
      expect.arrayContaining(['payments', 'tenants', 'api_keys', 'audit_events']),
    );

    const second = await buildDeclaredIndexes(connection);
    expect(second.every((report) => report.created.length === 0)).toBe(true);
  });

  it('reports an index no schema declares and leaves it in place', async () => {
    await connection
      .db!.collection('payments')
      .createIndex({ description: 1 }, { name: 'legacy_description' });
    const report = await buildDeclaredIndexes(connection);
    expect(report.find((entry) => entry.collection === 'payments')?.undeclared).toEqual([
      'legacy_description',
    ]);
    expect(await indexNames('payments')).toContain('legacy_description');
  });
});
