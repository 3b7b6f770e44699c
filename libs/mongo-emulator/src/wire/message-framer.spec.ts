import { MessageFramer } from './message-framer';

/** A fake wire message: length prefix followed by `bodyLength` bytes of `fill`. */
function message(bodyLength: number, fill: number): Buffer {
  const bytes = Buffer.alloc(16 + bodyLength, fill);
  bytes.writeInt32LE(bytes.length, 0);
  return bytes;
}

describe('MessageFramer.push', () => {
  it('returns a message delivered in one chunk', () => {
    const framer = new MessageFramer();
    const whole = message(4, 1);

    expect(framer.push(whole)).toEqual([whole]);
  });

  it('waits for the rest of a message split across chunks, even inside the length prefix', () => {
    const framer = new MessageFramer();
    const whole = message(10, 2);

    expect(framer.push(whole.subarray(0, 2))).toEqual([]);
    expect(framer.push(whole.subarray(2, 19))).toEqual([]);
    expect(framer.push(whole.subarray(19))).toEqual([whole]);
  });

  it('splits several messages arriving in one chunk', () => {
    const framer = new MessageFramer();
    const first = message(1, 3);
    const second = message(5, 4);

    expect(framer.push(Buffer.concat([first, second]))).toEqual([first, second]);
  });

  it('keeps the start of the next message when a chunk ends mid-message', () => {
    const framer = new MessageFramer();
    const first = message(3, 5);
    const second = message(7, 6);
    const stream = Buffer.concat([first, second]);

    expect(framer.push(stream.subarray(0, first.length + 5))).toEqual([first]);
    expect(framer.push(stream.subarray(first.length + 5))).toEqual([second]);
  });

  it('reassembles a message delivered one byte at a time', () => {
    const framer = new MessageFramer();
    const whole = message(20, 7);
    const received = [...whole].flatMap((byte) => framer.push(Buffer.from([byte])));

    expect(received).toEqual([whole]);
  });

  it('refuses a length that cannot be a wire message', () => {
    const framer = new MessageFramer();
    const bogus = Buffer.alloc(8);
    bogus.writeInt32LE(3, 0);

    expect(() => framer.push(bogus)).toThrow(RangeError);
  });
});
