import type { Document } from 'bson';
import { encodeDocument } from './bson-codec';
import { MESSAGE_HEADER_LENGTH, OpCode } from './op-codes';

/** The legacy answer to an OP_QUERY: a single document, no cursor. */
export function encodeOpReply(responseTo: number, requestId: number, reply: Document): Buffer {
  const body = encodeDocument(reply);
  const header = Buffer.alloc(MESSAGE_HEADER_LENGTH + 20);
  header.writeInt32LE(header.length + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OpCode.reply, 12);
  header.writeInt32LE(0, 16); // responseFlags
  header.writeBigInt64LE(0n, 20); // cursorID
  header.writeInt32LE(0, 28); // startingFrom
  header.writeInt32LE(1, 32); // numberReturned
  return Buffer.concat([header, body]);
}
