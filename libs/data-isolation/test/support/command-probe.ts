import type { CommandStartedEvent } from 'mongodb';
import { type Connection, Types } from 'mongoose';

/**
 * The wire-level probe: records every command the driver sends (command monitoring) and judges the ones on
 * tenant-owned collections on their own terms, without the library's code, so a change that forgets the
 * tenant condition anywhere fails the suite even if the library's own checks were changed with it.
 */
export interface ObservedCommand {
  readonly name: string;
  readonly collection: string | undefined;
  readonly command: Record<string, unknown>;
}

/** Commands that carry no filter or document and so nothing to scope. */
const UNSCOPED_COMMANDS = new Set([
  'getMore',
  'killCursors',
  'endSessions',
  'createIndexes',
  'listIndexes',
  'listCollections',
  'create',
  'hello',
  'isMaster',
  'ping',
  'buildInfo',
  'saslStart',
  'saslContinue',
]);

type Doc = Record<string, unknown>;

function isDoc(value: unknown): value is Doc {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Types.ObjectId)
  );
}

function isTenant(value: unknown, tenantId: string): boolean {
  return value instanceof Types.ObjectId && value.toHexString() === tenantId;
}

export class CommandProbe {
  readonly commands: ObservedCommand[] = [];
  private readonly listener = (event: CommandStartedEvent): void => {
    const command = event.command as Doc;
    const target = command[event.commandName];
    const collection =
      typeof target === 'string'
        ? target
        : typeof command['collection'] === 'string'
          ? (command['collection'] as string)
          : undefined;
    this.commands.push({ name: event.commandName, collection, command });
  };

  constructor(private readonly connection: Connection) {
    connection.getClient().on('commandStarted', this.listener);
  }

  stop(): void {
    this.connection.getClient().off('commandStarted', this.listener);
  }

  clear(): void {
    this.commands.length = 0;
  }

  /** Commands on these collections that carry a filter, document or pipeline. */
  scopedCommands(tenantOwned: ReadonlySet<string>): ObservedCommand[] {
    return this.commands.filter(
      (observed) =>
        observed.collection !== undefined &&
        tenantOwned.has(observed.collection) &&
        !UNSCOPED_COMMANDS.has(observed.name),
    );
  }

  /** Every way the recorded commands on tenant-owned collections fall short of being scoped to `tenantId`. */
  problems(tenantOwned: ReadonlySet<string>, tenantId: string): string[] {
    const problems: string[] = [];
    for (const { name, collection, command } of this.scopedCommands(tenantOwned)) {
      const report = (problem: string): void => {
        problems.push(`${name} ${collection}: ${problem}`);
      };
      switch (name) {
        case 'find':
          if (!repositoryScoped(command['filter'], tenantId)) report('filter not scoped');
          break;
        case 'count':
        case 'distinct':
          if (!repositoryScoped(command['query'], tenantId)) report('query not scoped');
          break;
        case 'findAndModify':
          if (!repositoryScoped(command['query'], tenantId)) report('query not scoped');
          checkWrite(command['update'], command['upsert'] === true, tenantId, report);
          if (command['remove'] === true) report('hard delete from a tenant context');
          break;
        case 'update':
          for (const [index, statement] of asDocs(command['updates']).entries()) {
            if (!repositoryScoped(statement['q'], tenantId)) report(`updates[${index}].q not scoped`);
            checkWrite(statement['u'], statement['upsert'] === true, tenantId, (problem) =>
              report(`updates[${index}]: ${problem}`),
            );
          }
          break;
        case 'delete':
          for (const [index, statement] of asDocs(command['deletes']).entries()) {
            if (!repositoryScoped(statement['q'], tenantId)) report(`deletes[${index}].q not scoped`);
          }
          break;
        case 'insert':
          for (const [index, document] of asDocs(command['documents']).entries()) {
            if (!isTenant(document['tenantId'], tenantId)) report(`documents[${index}] not stamped`);
          }
          break;
        case 'aggregate':
          checkPipeline(command['pipeline'], true, tenantOwned, tenantId, 'pipeline', report);
          break;
        default:
          report('unexpected command on a tenant-owned collection');
      }
    }
    return problems;
  }
}

function asDocs(value: unknown): Doc[] {
  return Array.isArray(value) ? value.filter(isDoc) : [];
}

/** Where the repository puts the condition: the last element of a top-level `$and`. */
function repositoryScoped(filter: unknown, tenantId: string): boolean {
  if (!isDoc(filter) || !Array.isArray(filter['$and'])) return false;
  const last: unknown = filter['$and'][filter['$and'].length - 1];
  return isDoc(last) && isTenant(last['tenantId'], tenantId);
}

function matchScoped(stage: unknown, tenantId: string): boolean {
  if (!isDoc(stage) || !isDoc(stage['$match'])) return false;
  const match = stage['$match'];
  return isTenant(match['tenantId'], tenantId) || repositoryScoped(match, tenantId);
}

function checkWrite(
  update: unknown,
  upsert: boolean,
  tenantId: string,
  report: (problem: string) => void,
): void {
  if (Array.isArray(update)) {
    const stamped = update.some(
      (stage) => isDoc(stage) && isDoc(stage['$set']) && isTenant(stage['$set']['tenantId'], tenantId),
    );
    if (!stamped) report('pipeline update does not stamp the tenant');
    return;
  }
  if (!isDoc(update)) return;
  const operators = Object.keys(update).filter((key) => key.startsWith('$'));
  if (operators.length === 0) {
    if (!isTenant(update['tenantId'], tenantId)) report('replacement without the tenant');
    return;
  }
  for (const operator of operators) {
    const fields = update[operator];
    if (!isDoc(fields)) continue;
    for (const field of Object.keys(fields)) {
      const touchesTenant =
        field === 'tenantId' || field.startsWith('tenantId.') || fields[field] === 'tenantId';
      if (touchesTenant && !(operator === '$setOnInsert' && isTenant(fields[field], tenantId)))
        report(`${operator} writes ${field}`);
    }
  }
  if (upsert) {
    const onInsert = update['$setOnInsert'];
    if (!isDoc(onInsert) || !isTenant(onInsert['tenantId'], tenantId))
      report('upsert without $setOnInsert of the tenant');
  }
}

function checkPipeline(
  pipeline: unknown,
  requireFirstMatch: boolean,
  tenantOwned: ReadonlySet<string>,
  tenantId: string,
  path: string,
  report: (problem: string) => void,
): void {
  if (!Array.isArray(pipeline)) return report(`${path} missing`);
  if (requireFirstMatch && !matchScoped(pipeline[0], tenantId)) report(`${path}[0] is not the tenant $match`);
  for (const [index, stage] of pipeline.entries()) {
    if (!isDoc(stage)) continue;
    const stagePath = `${path}[${index}]`;
    for (const refused of ['$out', '$merge', '$documents', '$collStats', '$indexStats', '$currentOp']) {
      if (refused in stage) report(`${stagePath} uses ${refused}`);
    }
    const lookup = stage['$lookup'];
    if (isDoc(lookup) && typeof lookup['from'] === 'string') {
      const owned = tenantOwned.has(lookup['from']);
      if (owned && !Array.isArray(lookup['pipeline'])) report(`${stagePath}.$lookup has no pipeline`);
      if (Array.isArray(lookup['pipeline']))
        checkPipeline(
          lookup['pipeline'],
          owned,
          tenantOwned,
          tenantId,
          `${stagePath}.$lookup.pipeline`,
          report,
        );
    }
    const union = stage['$unionWith'];
    if (typeof union === 'string' && tenantOwned.has(union)) report(`${stagePath}.$unionWith string form`);
    if (isDoc(union) && typeof union['coll'] === 'string') {
      checkPipeline(
        union['pipeline'] ?? [],
        tenantOwned.has(union['coll']),
        tenantOwned,
        tenantId,
        `${stagePath}.$unionWith.pipeline`,
        report,
      );
    }
    const graph = stage['$graphLookup'];
    if (isDoc(graph) && typeof graph['from'] === 'string' && tenantOwned.has(graph['from'])) {
      const restriction = graph['restrictSearchWithMatch'];
      if (
        !isTenant(isDoc(restriction) ? restriction['tenantId'] : undefined, tenantId) &&
        !repositoryScoped(restriction, tenantId)
      ) {
        report(`${stagePath}.$graphLookup.restrictSearchWithMatch not scoped`);
      }
    }
    const facet = stage['$facet'];
    if (isDoc(facet)) {
      for (const branch of Object.keys(facet)) {
        checkPipeline(facet[branch], false, tenantOwned, tenantId, `${stagePath}.$facet.${branch}`, report);
      }
    }
  }
}
