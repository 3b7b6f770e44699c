import { getConnectionToken } from '@nestjs/mongoose';
import type { INestApplicationContext } from '@nestjs/common';
import { tenantShardKeys } from '@tenantpay/data-isolation';
import type { CommandStartedEvent, Document } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';

/** Commands that carry no filter or document, so nothing a mongos routes by. */
const UNROUTED_COMMANDS = new Set(['getMore', 'killCursors', 'createIndexes', 'listIndexes', 'create']);

/**
 * Records the commands an app sends (its MongoDB client must be created with `monitorCommands=true`) and says
 * which ones a `mongos` could not target on the declared shard keys: a read or write on a sharded tenant-owned
 * collection must name one tenant by equality (the key's prefix), so it goes to the shards holding that
 * tenant's range only; an upsert must name the whole key, as MongoDB requires to route the insert it may make.
 */
export class ShardTargetingProbe {
  private readonly recorded: CommandStartedEvent[] = [];
  private readonly keys = new Map(
    [...tenantShardKeys()].flatMap(([collection, shardKey]) =>
      'key' in shardKey ? [[collection, Object.keys(shardKey.key)] as const] : [],
    ),
  );

  constructor(app: INestApplicationContext) {
    app
      .get<Connection>(getConnectionToken())
      .getClient()
      .on('commandStarted', (event: CommandStartedEvent) => this.recorded.push(event));
  }

  /** The sharded collections the recorded commands touched. */
  collectionsSeen(): Set<string> {
    return new Set(this.routedCommands().map(({ collection }) => collection));
  }

  /** One line per recorded command a mongos would have to broadcast (or could not route). */
  untargeted(): string[] {
    const problems: string[] = [];
    for (const { collection, name, command, keyFields } of this.routedCommands()) {
      const report = (what: string) => problems.push(`${name} ${collection}: ${what}`);
      switch (name) {
        case 'find':
          if (!namesTenant(command['filter'])) report('filter names no tenant');
          break;
        case 'count':
        case 'distinct':
          if (!namesTenant(command['query'])) report('query names no tenant');
          break;
        case 'aggregate': {
          const first = (command['pipeline'] as Document[] | undefined)?.[0];
          if (!namesTenant(first?.['$match'])) report('pipeline does not start with a tenant $match');
          break;
        }
        case 'findAndModify':
          if (!namesTenant(command['query'])) report('query names no tenant');
          if (command['upsert'] === true && !namesWholeKey(command['query'], keyFields))
            report('upsert without the whole shard key');
          break;
        case 'update':
          for (const [index, statement] of (command['updates'] as Document[]).entries()) {
            if (!namesTenant(statement['q'])) report(`updates[${index}] names no tenant`);
            if (statement['upsert'] === true && !namesWholeKey(statement['q'], keyFields))
              report(`updates[${index}] upserts without the whole shard key`);
          }
          break;
        case 'delete':
          for (const [index, statement] of (command['deletes'] as Document[]).entries()) {
            if (!namesTenant(statement['q'])) report(`deletes[${index}] names no tenant`);
          }
          break;
        case 'insert':
          for (const [index, document] of (command['documents'] as Document[]).entries()) {
            if (!(document['tenantId'] instanceof ObjectId)) report(`documents[${index}] has no tenant`);
          }
          break;
        default:
          report('a command a mongos cannot target');
      }
    }
    return problems;
  }

  private routedCommands() {
    return this.recorded.flatMap((event) => {
      const collection = event.command[event.commandName] as unknown;
      if (typeof collection !== 'string' || UNROUTED_COMMANDS.has(event.commandName)) return [];
      const keyFields = this.keys.get(collection);
      return keyFields === undefined
        ? []
        : [{ collection, name: event.commandName, command: event.command, keyFields }];
    });
  }
}

/** The equality conditions of a filter a router can use: its own fields and those of its top-level `$and`. */
function equalities(filter: unknown): Document[] {
  if (filter === null || typeof filter !== 'object') return [];
  const conjuncts = (filter as Document)['$and'];
  return [filter as Document, ...(Array.isArray(conjuncts) ? conjuncts.flatMap(equalities) : [])];
}

function namesTenant(filter: unknown): boolean {
  return equalities(filter).some((condition) => condition['tenantId'] instanceof ObjectId);
}

function namesWholeKey(filter: unknown, keyFields: readonly string[]): boolean {
  const conditions = equalities(filter);
  return keyFields.every((field) =>
    conditions.some((condition) => {
      const value: unknown = condition[field];
      return (
        value !== undefined && (value === null || typeof value !== 'object' || value instanceof ObjectId)
      );
    }),
  );
}
