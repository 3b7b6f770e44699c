import { MongoClient } from 'mongodb';
import type { ShardCommand } from './shard-commands';

/**
 * Runs a shard plan on a `mongos`, in order, stopping at the first refusal (each command is idempotent, so the
 * plan can be run again once the cause is fixed). Its own client: these are cluster administration commands,
 * outside any tenant, which the product's walled connection rightly refuses.
 */
export async function runShardCommands(
  mongosUri: string,
  commands: readonly ShardCommand[],
  done: (command: ShardCommand) => void,
): Promise<void> {
  const client = new MongoClient(mongosUri);
  try {
    const admin = client.db('admin');
    for (const command of commands) {
      await admin.command(command.command);
      done(command);
    }
  } finally {
    await client.close();
  }
}
