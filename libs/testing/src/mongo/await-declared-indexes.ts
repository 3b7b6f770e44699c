import type { INestApplicationContext } from '@nestjs/common';
import { UnknownElementException } from '@nestjs/core/errors/exceptions/unknown-element.exception';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';

const NAMESPACE_EXISTS = 48;

/**
 * Waits until the indexes every model of the application's MongoDB connection declares exist, so a test can
 * rely on a unique index refusing a duplicate from its first request. Outside production Mongoose builds them
 * in the background after boot (MONGODB_AUTO_INDEX), and a request sent meanwhile (a loaded machine) was
 * accepted where the index would have refused it; production builds them before serving (`npm run db:indexes`).
 *
 * No extra work: `Model.init()` answers the build Mongoose already started. Only a build that failed (its
 * commands timed out while a whole test run shared the machine) is run again, one collection at a time, so
 * the retry does not queue dozens of commands on the pool at once.
 */
export async function awaitDeclaredIndexes(app: INestApplicationContext): Promise<void> {
  const connection = defaultConnectionOf(app);
  // Not connected (a fault test's database): there is nothing to build on, and nothing a test could rely on.
  if (connection === undefined || connection.readyState !== 1) return;
  const models: Model<unknown>[] = Object.values(connection.models);
  const builds = await Promise.allSettled(models.map((model) => model.init()));
  const failed = models.filter((_, index) => builds[index]?.status === 'rejected');
  for (const model of failed) {
    await model.createCollection().catch((error: unknown) => {
      if ((error as { code?: number }).code !== NAMESPACE_EXISTS) throw error;
    });
    await model.createIndexes();
  }
}

/** The application's Mongoose connection; undefined for an application without MongoDB (probe apps). */
function defaultConnectionOf(app: INestApplicationContext): Connection | undefined {
  try {
    return app.get<Connection>(getConnectionToken(), { strict: false });
  } catch (error) {
    if (error instanceof UnknownElementException) return undefined;
    throw error;
  }
}
