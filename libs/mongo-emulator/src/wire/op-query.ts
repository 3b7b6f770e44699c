import type { Document } from 'bson';
import { decodeDocument } from './bson-codec';
import { MESSAGE_HEADER_LENGTH } from './op-codes';

/** Legacy OP_QUERY; drivers still open every connection with an `ismaster` sent this way. */
export interface OpQueryRequest {
  readonly requestId: number;
  readonly fullCollectionName: string;
  readonly query: Document;
}

export function decodeOpQuery(message: Buffer): OpQueryRequest {
  const requestId = message.readInt32LE(4);
  let offset = MESSAGE_HEADER_LENGTH + 4;
  const nameEnd = message.indexOf(0, offset);
  const fullCollectionName = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8; // numberToSkip, numberToReturn
  const size = message.readInt32LE(offset);
  const query = decodeDocument(message.subarray(offset, offset + size));
  return { requestId, fullCollectionName, query };
}
