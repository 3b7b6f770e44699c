import type { MongoCommandWall } from './mongo-command-wall';

/**
 * Where the wall sits, and why there.
 *
 * Every command the MongoDB driver (v7) sends, whichever public API built it — `Collection` methods (which
 * Mongoose's Model, Query, Aggregate, `Model.collection` and `connection.db` all end in), bulk writes, cursors'
 * `getMore`/`killCursors`, change streams, sessions' `commitTransaction`/`endSessions`, `db.command()`, the
 * handshake — reaches the socket through `Connection.command()` (the monitor's streaming `hello` through
 * `exhaustCommand()`): `executeOperation` → `Server.command` → `Connection.command` → OP_MSG bytes. It is the
 * narrowest point: below it there is only serialization; above it there are many entry points
 * (`executeOperation`, `Server.command`, cursor internals, session internals) that would each need a check.
 * Command monitoring sees the same commands but cannot veto them.
 *
 * The driver builds every connection of a client (pooled and monitoring alike) from the client's
 * `connectionType` option, the same mechanism it uses for its own `CryptoConnection` (client-side field
 * level encryption inspects every command here for the same reason). So the wall belongs to the product's
 * MongoClient only (the test harness's own client is unaffected) and no prototype is patched.
 *
 * What could still bypass it: code that deliberately reaches into driver internals — patching
 * `Connection.prototype` or this class, calling a connection's private `sendCommand`/`sendWire` on a socket
 * it checked out from `client.topology` by hand, or opening a second MongoClient of its own. None of that is
 * the driver's public API; the lint rule on `.collection`/`.db` and review are the answer to it.
 */

interface DriverConnection {
  readonly address: string;
  /** Private in the driver: serializes one wire message and writes it to the socket. */
  writeCommand(message: WireMessage, options: unknown): Promise<void>;
  command(
    ns: unknown,
    command: Record<string, unknown>,
    options?: unknown,
    responseType?: unknown,
  ): Promise<unknown>;
  exhaustCommand(
    ns: unknown,
    command: Record<string, unknown>,
    options: unknown,
    replyListener: unknown,
  ): void;
}

/** OP_MSG requests carry the command as `command`; the legacy OP_QUERY (only the first handshake) as `query`. */
interface WireMessage {
  readonly command?: unknown;
  readonly query?: unknown;
}

export type DriverConnectionClass = new (...args: never[]) => DriverConnection;

/**
 * The driver's Connection class is not exported from its entry point (the `connectionType` option is
 * internal): it is read from the module the driver itself builds connections from. A driver upgrade that moves
 * or reshapes it stops the application at start, never leaves it unwalled.
 */
function driverConnectionClass(): DriverConnectionClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Connection } = require('mongodb/lib/cmap/connection') as { Connection?: DriverConnectionClass };
  if (
    typeof Connection !== 'function' ||
    typeof Connection.prototype.command !== 'function' ||
    typeof Connection.prototype.exhaustCommand !== 'function' ||
    typeof Connection.prototype.writeCommand !== 'function'
  ) {
    throw new Error('mongodb/lib/cmap/connection no longer exports Connection: review the command wall');
  }
  return Connection;
}

const Connection = driverConnectionClass();

/** The driver connection class for a MongoClient walled by `wall` (its `connectionType` option). */
export function walledConnectionClass(wall: MongoCommandWall): DriverConnectionClass {
  return class WalledConnection extends Connection {
    override async command(
      ns: unknown,
      command: Record<string, unknown>,
      options?: unknown,
      responseType?: unknown,
    ): Promise<unknown> {
      const scopeKey = wall.admit(command, this.address);
      const reply = await super.command(ns, command, options, responseType);
      wall.observeReply(command, reply, this.address, scopeKey);
      return reply;
    }

    /**
     * Judged again right before serialization. The driver emits command monitoring's `commandStarted` between
     * `command()` and this point, and the event shares the command's nested objects: a listener could change
     * what was judged. From here to the bytes everything runs synchronously (`toBin()` serializes before its
     * first await), so nothing else can.
     */
    override writeCommand(message: WireMessage, options: unknown): Promise<void> {
      wall.admit(commandOf(message), this.address);
      return super.writeCommand(message, options);
    }

    override exhaustCommand(
      ns: unknown,
      command: Record<string, unknown>,
      options: unknown,
      replyListener: unknown,
    ): void {
      wall.admit(command, this.address);
      super.exhaustCommand(ns, command, options, replyListener);
    }
  };
}

function commandOf(message: WireMessage): Record<string, unknown> {
  const command = (message.command ?? message.query) as Record<string, unknown> | undefined;
  const wrapped = command?.['$query'];
  if (typeof wrapped === 'object' && wrapped !== null) return wrapped as Record<string, unknown>;
  return command ?? {};
}
