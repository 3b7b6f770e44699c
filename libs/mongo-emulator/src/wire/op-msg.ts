import type { Document } from 'bson';
import { decodeDocument, encodeDocument } from './bson-codec';
import { MESSAGE_HEADER_LENGTH, OpCode, OpMsgFlag } from './op-codes';

export interface OpMsgRequest {
  readonly requestId: number;
  readonly flags: number;
  /** The kind-0 body with every kind-1 document sequence merged in under its identifier. */
  readonly command: Document;
}

const SECTION_BODY = 0;
const SECTION_DOCUMENT_SEQUENCE = 1;
const CHECKSUM_LENGTH = 4;

export function decodeOpMsg(message: Buffer): OpMsgRequest {
  const requestId = message.readInt32LE(4);
  const flags = message.readUInt32LE(MESSAGE_HEADER_LENGTH);
  const end = message.length - ((flags & OpMsgFlag.checksumPresent) !== 0 ? CHECKSUM_LENGTH : 0);
  let offset = MESSAGE_HEADER_LENGTH + 4;
  let body: Document | undefined;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === SECTION_BODY) {
      const size = message.readInt32LE(offset);
      body = decodeDocument(message.subarray(offset, offset + size));
      offset += size;
    } else if (kind === SECTION_DOCUMENT_SEQUENCE) {
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const documents: Document[] = [];
      for (let cursor = nameEnd + 1; cursor < sectionEnd;) {
        const documentSize = message.readInt32LE(cursor);
        documents.push(decodeDocument(message.subarray(cursor, cursor + documentSize)));
        cursor += documentSize;
      }
      sequences[identifier] = documents;
      offset = sectionEnd;
    } else {
      throw new RangeError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (body === undefined) throw new RangeError('OP_MSG without a body section');
  return { requestId, flags, command: { ...body, ...sequences } };
}

export function encodeOpMsg(responseTo: number, requestId: number, reply: Document): Buffer {
  const body = encodeDocument(reply);
  const header = Buffer.alloc(MESSAGE_HEADER_LENGTH + 4 + 1);
  header.writeInt32LE(header.length + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OpCode.msg, 12);
  header.writeUInt32LE(0, 16);
  header.writeUInt8(SECTION_BODY, 20);
  return Buffer.concat([header, body]);
}
