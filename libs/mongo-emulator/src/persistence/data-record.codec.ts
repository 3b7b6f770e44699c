import type { Document } from 'bson';
import { crc32 } from 'node:zlib';
import { decodeDocument, encodeDocument } from '../wire/bson-codec';
import { CorruptDataFileError } from './corrupt-data-file.error';

/**
 * The frame of every journal and snapshot record: payload length (uint32 LE), CRC-32 of the payload
 * (uint32 LE), then the payload, one BSON document. The checksum tells a damaged record from a good one; the
 * length tells a record cut short by a crash (torn) from a complete one.
 */
const HEADER_BYTES = 8;
/** Above MongoDB's 16 MiB document limit with room for a batch: anything larger is a damaged length. */
const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

export function encodeRecord(payload: Document): Buffer {
  // The wire's codec: documents come back with exactly the BSON types they were stored with.
  const body = encodeDocument(payload);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(body.length, 0);
  header.writeUInt32LE(crc32(body), 4);
  return Buffer.concat([header, body]);
}

export interface DecodedRecords {
  readonly records: Document[];
  /** Bytes of complete records; less than the file's length when its last record is torn. */
  readonly completeLength: number;
}

/**
 * Reads every record of a file. A record the file ends in the middle of is torn (a write the crash
 * interrupted): it and nothing else is left out, its offset is `completeLength`. Any other damage (a bad
 * checksum, an impossible length, a payload that is not BSON) is corruption, reported with its offset.
 */
export function decodeRecords(data: Buffer, file: string): DecodedRecords {
  const records: Document[] = [];
  let offset = 0;
  while (offset < data.length) {
    if (data.length - offset < HEADER_BYTES) break;
    const length = data.readUInt32LE(offset);
    if (length < 5 || length > MAX_PAYLOAD_BYTES) {
      throw new CorruptDataFileError(file, offset, `record length ${length} is impossible`);
    }
    if (data.length - offset - HEADER_BYTES < length) break;
    const body = data.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
    if (crc32(body) !== data.readUInt32LE(offset + 4)) {
      throw new CorruptDataFileError(file, offset, 'record checksum does not match its contents');
    }
    try {
      records.push(decodeDocument(body));
    } catch (error) {
      throw new CorruptDataFileError(file, offset, `record is not a BSON document (${String(error)})`);
    }
    offset += HEADER_BYTES + length;
  }
  return { records, completeLength: offset };
}
