import 'reflect-metadata';
import { mongoshLiteral, runShardCommands, shardCommands, tenantShardKeys } from '@tenantpay/data-isolation';
import { parseArgs } from 'node:util';
// Imported for its schemas: the API registers every collection the platform has, and each tenant-owned
// schema registers its shard key as it is built.
import './api.module';

const USAGE = `npm run db:shard -- [--database <name>] [--uri <mongos URI>] [--zone-tenant <tenantId>=<zone> ...] [--zone-shard <shard>=<zone> ...]
  Prints the commands that shard every tenant-owned collection on its declared key and pin tenants to zones;
  with --uri, runs them on that mongos, in order (each is idempotent). The database is --database, else the URI's.`;

/**
 * `npm run db:shard`: the path from one replica set to a sharded cluster, as commands an operator reviews
 * (printed) and then runs (`--uri`). The shard keys come from the schemas, never from a list kept here.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      uri: { type: 'string' },
      'zone-tenant': { type: 'string', multiple: true, default: [] },
      'zone-shard': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const database = values.database ?? databaseOf(values.uri);
  if (database === undefined) throw new Error(`Name the database with --database (or in --uri)\n${USAGE}`);
  const commands = shardCommands({
    database,
    shardKeys: tenantShardKeys(),
    tenantZones: pairs(values['zone-tenant'], '--zone-tenant'),
    shardZones: pairs(values['zone-shard'], '--zone-shard'),
  });
  for (const [collection, shardKey] of tenantShardKeys()) {
    if ('unsharded' in shardKey)
      process.stdout.write(`// ${collection} stays unsharded: ${shardKey.reason}\n`);
  }
  if (values.uri === undefined) {
    for (const { purpose, command } of commands) {
      process.stdout.write(`// ${purpose}\ndb.adminCommand(${mongoshLiteral(command)})\n`);
    }
    return;
  }
  await runShardCommands(values.uri, commands, ({ purpose }) => process.stdout.write(`ok: ${purpose}\n`));
}

function databaseOf(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  // Not `new URL`: a MongoDB URI may list several hosts, which URL refuses.
  const name = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
  return name === undefined ? undefined : decodeURIComponent(name);
}

function pairs(entries: readonly string[], option: string): Map<string, string> {
  return new Map(
    entries.map((entry) => {
      const [name, zone, ...rest] = entry.split('=');
      if (name === undefined || name === '' || zone === undefined || zone === '' || rest.length > 0) {
        throw new Error(`${option} takes <name>=<zone>, not "${entry}"`);
      }
      return [name, zone] as const;
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
