import type { Socket } from 'node:net';
import type { Document } from 'bson';
import type { ConnectionState } from '../commands/command-context';
import type { CommandDispatcher } from '../commands/command-dispatcher';
import { MessageFramer } from '../wire/message-framer';
import { OpCode, OpMsgFlag } from '../wire/op-codes';
import { decodeOpMsg, encodeOpMsg } from '../wire/op-msg';
import { decodeOpQuery } from '../wire/op-query';
import { encodeOpReply } from '../wire/op-reply';

let nextResponseId = 1;

/**
 * One client socket. Messages are handled one at a time in arrival order; a malformed message or an
 * unsupported opcode closes the connection, as mongod does.
 */
export class ClientConnection {
  private readonly framer = new MessageFramer();
  /** Messages of one connection are answered in order, even when one waits for a transaction. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly dispatcher: CommandDispatcher,
    private readonly state: ConnectionState,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // A client vanishing mid-write is normal (driver pool shutdown); nothing to report.
    socket.on('error', () => socket.destroy());
  }

  private receive(chunk: Buffer): void {
    let messages: Buffer[];
    try {
      messages = this.framer.push(chunk);
    } catch {
      this.socket.destroy();
      return;
    }
    for (const message of messages) {
      this.queue = this.queue
        .then(() => this.handle(message))
        .catch(() => {
          this.socket.destroy();
        });
    }
  }

  private async handle(message: Buffer): Promise<void> {
    const opCode = message.readInt32LE(12);
    if (opCode === OpCode.msg) {
      const request = decodeOpMsg(message);
      const outcome = await this.dispatcher.execute(request.command, this.state);
      if ('closeConnection' in outcome) return this.closeUnanswered();
      if ((request.flags & OpMsgFlag.moreToCome) !== 0) return;
      if (!this.socket.destroyed)
        this.socket.write(encodeOpMsg(request.requestId, nextResponseId++, outcome.reply));
    } else if (opCode === OpCode.query) {
      const request = decodeOpQuery(message);
      const databaseName = request.fullCollectionName.replace(/\.\$cmd$/, '');
      const wrapped = request.query['$query'] as Document | undefined;
      const outcome = await this.dispatcher.execute(wrapped ?? request.query, this.state, databaseName);
      if ('closeConnection' in outcome) return this.closeUnanswered();
      if (!this.socket.destroyed)
        this.socket.write(encodeOpReply(request.requestId, nextResponseId++, outcome.reply));
    } else {
      throw new RangeError(`unsupported opcode ${opCode}`);
    }
  }

  /** A fail point asked for the connection to drop: the client sees a network error, as with mongod. */
  private closeUnanswered(): void {
    this.socket.destroy();
  }
}
