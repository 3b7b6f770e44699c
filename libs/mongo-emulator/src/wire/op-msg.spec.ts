import { BSON } from 'bson';
import { decodeOpMsg, encodeOpMsg } from './op-msg';
import { OpCode, OpMsgFlag } from './op-codes';

function opMsg(flags: number, sections: Buffer[], checksum: boolean): Buffer {
  const header = Buffer.alloc(20);
  header.writeInt32LE(7, 4);
  header.writeInt32LE(OpCode.msg, 12);
  header.writeUInt32LE(flags, 16);
  const bytes = Buffer.concat([header, ...sections, checksum ? Buffer.alloc(4, 0xaa) : Buffer.alloc(0)]);
  bytes.writeInt32LE(bytes.length, 0);
  return bytes;
}

const body = (document: object) => Buffer.concat([Buffer.from([0]), Buffer.from(BSON.serialize(document))]);

function sequence(identifier: string, documents: object[]): Buffer {
  const payload = Buffer.concat(documents.map((document) => Buffer.from(BSON.serialize(document))));
  const name = Buffer.from(`${identifier}\0`);
  const size = Buffer.alloc(4);
  size.writeInt32LE(4 + name.length + payload.length, 0);
  return Buffer.concat([Buffer.from([1]), size, name, payload]);
}

describe('decodeOpMsg', () => {
  it('merges kind-1 document sequences into the command under their identifier', () => {
    const request = decodeOpMsg(
      opMsg(0, [body({ insert: 'c', $db: 'd' }), sequence('documents', [{ a: 1 }, { a: 2 }])], false),
    );

    expect(request.requestId).toBe(7);
    expect(request.command).toEqual({ insert: 'c', $db: 'd', documents: [{ a: 1 }, { a: 2 }] });
  });

  it('ignores a trailing checksum and reports moreToCome', () => {
    const flags = OpMsgFlag.checksumPresent | OpMsgFlag.moreToCome;
    const request = decodeOpMsg(opMsg(flags, [body({ ping: 1 })], true));

    expect(request.command).toEqual({ ping: 1 });
    expect(request.flags & OpMsgFlag.moreToCome).not.toBe(0);
  });
});

describe('encodeOpMsg', () => {
  it('writes a body-only reply that decodes back to the same document', () => {
    const encoded = encodeOpMsg(7, 9, { ok: 1 });

    expect(encoded.readInt32LE(0)).toBe(encoded.length);
    expect(encoded.readInt32LE(8)).toBe(7);
    expect(decodeOpMsg(encoded).command).toEqual({ ok: 1 });
  });
});
