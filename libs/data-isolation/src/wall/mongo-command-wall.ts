import type { TenantContextService } from '@tenantpay/tenancy';
import { BSONType } from 'mongodb';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { isPlainObject } from '../guards/copy-query-value';
import { refuse } from '../guards/refuse';
import type { Types } from 'mongoose';
import { CursorOwners } from './cursor-owners';
import { judgeTenantCommand } from './judge-tenant-command';
import { judgeUnscopedCommand } from './judge-unscoped-command';
import { commandAsSent } from './sent-statements';
import type { WallCollectionRegistry } from './wall-collection-registry';
import { SESSION_COMMANDS } from './wall-commands.constant';
import { currentWallScope } from './wall-scope';

type Command = Record<string, unknown>;

/** Told of every refusal (DataIsolationModule records it as a security audit event). */
export type WallRefusalListener = (
  refusal: CrossTenantAccessException,
  command: string,
  collection: string | null,
) => void;

/** A reply the driver hands back lazily (`MongoDBResponse`): read without turning it into a document. */
interface LazyReply {
  has(name: string): boolean;
  get(name: string, as: BSONType, required?: boolean): unknown;
}

/**
 * The last line of defence: every command this process sends to MongoDB is judged here, as the document
 * the driver is about to serialize, after every Mongoose hook and plugin has had its say and whichever API
 * built it (repository, Model, Query, Aggregate, `Model.collection`, `connection.db`, bulk writes, cursors,
 * change streams, transactions). Inside a tenant context a command must be scoped to exactly that tenant;
 * outside one it may not reach tenant data unless the platform scope is active; a cursor is continued only in
 * the scope that opened it. A refusal is a CrossTenantAccessException (403 `cross_tenant_access`), reported
 * to the security audit trail, and nothing is sent.
 *
 * It sits in the driver's `Connection.command` (see walled-connection-class.ts for why that is the narrowest
 * place nothing can go around).
 */
export class MongoCommandWall {
  private readonly cursors = new CursorOwners();
  private refusalListener: WallRefusalListener | undefined;

  constructor(
    private readonly context: TenantContextService,
    private readonly registry: WallCollectionRegistry,
  ) {}

  onRefusal(listener: WallRefusalListener | undefined): void {
    this.refusalListener = listener;
  }

  /** Throws when `command` may not be sent now; otherwise returns the scope its reply's cursor belongs to. */
  admit(command: Command, address: string): string {
    const name = firstKey(command);
    if (SESSION_COMMANDS.has(name)) return '';
    const scope = currentWallScope(this.context);
    try {
      if (name === 'getMore') {
        this.cursors.assertOwner(address, cursorKey(command['getMore'], 'getMore'), scope.key, 'getMore');
      } else if (name === 'killCursors') {
        const ids = command['cursors'];
        if (!Array.isArray(ids)) refuse(IsolationRule.MalformedOperation, 'cursors');
        ids.forEach((id: unknown, index) => {
          const path = `cursors[${index}]`;
          this.cursors.assertOwner(address, cursorKey(id, path), scope.key, path);
        });
      } else if (scope.kind === 'tenant') {
        this.judgeForTenant(name, command, scope.tenantId);
      } else if (scope.kind === 'none') {
        judgeUnscopedCommand(name, command, this.registry);
      }
    } catch (error) {
      if (error instanceof CrossTenantAccessException) {
        this.report(error, name, command);
        throw survivingDriverWrapping(error);
      }
      throw error;
    }
    return scope.key;
  }

  private judgeForTenant(name: string, command: Command, tenantId: Types.ObjectId): void {
    try {
      judgeTenantCommand(name, command, tenantId, this.registry);
    } catch (error) {
      if (!(error instanceof CrossTenantAccessException) || error.rule !== IsolationRule.UninspectableValue) {
        throw error;
      }
      judgeTenantCommand(name, commandAsSent(command), tenantId, this.registry);
    }
  }

  /** Learns which scope owns the cursor a reply opened, and forgets cursors that are exhausted or killed. */
  observeReply(command: Command, reply: unknown, address: string, scopeKey: string): void {
    const name = firstKey(command);
    if (name === 'killCursors') {
      const ids = command['cursors'] as unknown[];
      for (const id of ids) this.cursors.closed(address, cursorKey(id, 'cursors'));
      return;
    }
    const replyCursorId = cursorIdOf(reply);
    if (name === 'getMore') {
      if (replyCursorId === undefined || replyCursorId === '0') {
        this.cursors.closed(address, cursorKey(command['getMore'], 'getMore'));
      }
      return;
    }
    if (replyCursorId !== undefined && replyCursorId !== '0')
      this.cursors.opened(address, replyCursorId, scopeKey);
  }

  /** How many cursors are being followed (for tests and diagnostics). */
  get trackedCursors(): number {
    return this.cursors.size;
  }

  private report(refusal: CrossTenantAccessException, name: string, command: Command): void {
    const target = command[name];
    try {
      this.refusalListener?.(refusal, name, typeof target === 'string' ? target : null);
    } catch {
      // Reporting never changes the outcome: the command is refused either way.
    }
  }
}

/**
 * The driver's bulk writes (insertMany, bulkWrite, bulkSave) wrap whatever a command throws in a
 * MongoBulkWriteError by copying its enumerable fields. An enumerable `name` would make that copy throw a
 * TypeError (the wrapper's `name` is a getter); an enumerable `domainException` carries the refusal through,
 * and the API's exception filter answers with it (403 `cross_tenant_access`) instead of a 500.
 */
function survivingDriverWrapping(refusal: CrossTenantAccessException): CrossTenantAccessException {
  Object.defineProperty(refusal, 'name', { enumerable: false });
  Object.defineProperty(refusal, 'domainException', { value: refusal, enumerable: true });
  return refusal;
}

function firstKey(command: Command): string {
  for (const key in command) return key;
  return '';
}

/** A cursor id as the driver carries it (bson Long, bigint or number), in one decimal spelling. */
function cursorKey(id: unknown, path: string): string {
  if (typeof id === 'bigint' || typeof id === 'number') return String(id);
  if (typeof id === 'object' && id !== null && (id as { _bsontype?: unknown })._bsontype === 'Long') {
    return String(id);
  }
  refuse(IsolationRule.MalformedOperation, path);
}

function cursorIdOf(reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null) return undefined;
  if (isLazyReply(reply)) {
    if (!reply.has('cursor')) return undefined;
    const cursor = reply.get('cursor', BSONType.object);
    return isLazyReply(cursor) ? idString(cursor.get('id', BSONType.long)) : undefined;
  }
  const cursor = (reply as { cursor?: unknown }).cursor;
  return isPlainObject(cursor) ? idString(cursor['id']) : undefined;
}

function isLazyReply(value: unknown): value is LazyReply {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<LazyReply>).has === 'function' &&
    typeof (value as Partial<LazyReply>).get === 'function'
  );
}

function idString(id: unknown): string | undefined {
  if (id === null || id === undefined) return undefined;
  return typeof id === 'bigint' || typeof id === 'number' || typeof id === 'object' ? String(id) : undefined;
}
