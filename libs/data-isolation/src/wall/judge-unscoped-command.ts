import { IsolationRule } from '../errors/isolation-rule.enum';
import { isPlainObject } from '../guards/copy-query-value';
import { refuse } from '../guards/refuse';
import { collectionsNamedByPipeline } from './pipeline-collections';
import type { WallCollectionRegistry } from './wall-collection-registry';
import { SCHEMA_COMMANDS } from './wall-commands.constant';

type Command = Record<string, unknown>;

/**
 * The rules outside any tenant context and outside the platform scope (boot, index builds, migrations, health
 * checks, public routes): anything goes except reaching tenant data. A command on a tenant-owned collection
 * may only be a schema command; a pipeline or a view may not read or write one; a change stream over the
 * whole database (which would carry every tenant's changes) is refused.
 */
export function judgeUnscopedCommand(name: string, command: Command, registry: WallCollectionRegistry): void {
  const target = command[name];
  switch (name) {
    case 'explain':
      if (!isPlainObject(target)) refuse(IsolationRule.MalformedOperation, name);
      judgeUnscopedCommand(Object.keys(target)[0] ?? '', target, registry);
      return;
    case 'renameCollection':
      // Namespaces (`db.collection`): moving tenant data out from under its name is a platform decision.
      for (const namespace of [target, command['to']]) {
        if (
          typeof namespace !== 'string' ||
          registry.isTenantOwned(namespace.slice(namespace.indexOf('.') + 1))
        ) {
          refuse(IsolationRule.UnscopedOperation, name);
        }
      }
      return;
    case 'bulkWrite':
      // The client-level bulk write spans namespaces in one command; the product never sends it without a scope.
      refuse(IsolationRule.RefusedCommand, name);
      return;
    case 'mapReduce':
      refuse(IsolationRule.ServerSideJavaScript, name);
      return;
    default:
      break;
  }
  if (typeof target === 'string' && registry.isTenantOwned(target) && !SCHEMA_COMMANDS.has(name)) {
    refuse(IsolationRule.UnscopedOperation, name);
  }
  if (
    name === 'create' &&
    typeof command['viewOn'] === 'string' &&
    registry.isTenantOwned(command['viewOn'])
  ) {
    refuse(IsolationRule.UnscopedOperation, 'viewOn');
  }
  if (name === 'aggregate' || name === 'create') {
    const pipeline = command['pipeline'];
    if (typeof target !== 'string' && containsStage(pipeline, '$changeStream')) {
      refuse(IsolationRule.RefusedStage, 'pipeline');
    }
    for (const collection of collectionsNamedByPipeline(pipeline)) {
      if (registry.isTenantOwned(collection)) refuse(IsolationRule.UnscopedOperation, 'pipeline');
    }
  }
}

function containsStage(pipeline: unknown, stage: string): boolean {
  return (
    Array.isArray(pipeline) && pipeline.some((entry) => isPlainObject(entry) && Object.hasOwn(entry, stage))
  );
}
