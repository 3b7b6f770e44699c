import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import { type Connection, type Model, Schema } from 'mongoose';

import { awaitDeclaredIndexes } from './await-declared-indexes';
import { useTestMongo } from './use-test-mongo';

const mongo = useTestMongo();

const ACCOUNT = 'Account';
const accountSchema = new Schema({ email: { type: String, required: true, unique: true } });

describe('awaitDeclaredIndexes', () => {
  let app: INestApplicationContext | undefined;

  const boot = async (autoIndex: boolean, collection: string) => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(mongo.uri, { autoIndex, autoCreate: autoIndex }),
        MongooseModule.forFeature([{ name: ACCOUNT, schema: accountSchema, collection }]),
      ],
    }).compile();
    app = await moduleRef.init();
    return app;
  };
  const hasUniqueEmailIndex = async (collection: string) =>
    (await mongo.db.collection(collection).indexes()).some(
      (index) => index.unique === true && index.key['email'] === 1,
    );

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('returns once the background build Mongoose started at boot has built the declared indexes', async () => {
    await awaitDeclaredIndexes(await boot(true, 'accounts_built_at_boot'));

    expect(await hasUniqueEmailIndex('accounts_built_at_boot')).toBe(true);
  });

  it('builds the indexes of a model whose background build failed', async () => {
    // No background build at all, and the model's build reports a failure (as a pool timeout would).
    const booted = await boot(false, 'accounts_build_failed');
    const model = booted.get<Model<unknown>>(getModelToken(ACCOUNT));
    jest.spyOn(model, 'init').mockRejectedValue(new Error('timed out waiting for a connection'));

    await awaitDeclaredIndexes(booted);

    expect(await hasUniqueEmailIndex('accounts_build_failed')).toBe(true);
    await expect(model.create([{ email: 'a@b.test' }, { email: 'a@b.test' }])).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('leaves an application without MongoDB alone', async () => {
    app = await (await Test.createTestingModule({}).compile()).init();

    await expect(awaitDeclaredIndexes(app)).resolves.toBeUndefined();
  });

  it('does not wait on a connection that is not open', async () => {
    const booted = await boot(true, 'accounts_closed');
    await booted.get<Connection>(getConnectionToken()).close();

    await expect(awaitDeclaredIndexes(booted)).resolves.toBeUndefined();
  });
});
