import { MAX_MESSAGE_SIZE_BYTES, MESSAGE_HEADER_LENGTH } from './op-codes';

/**
 * Turns a TCP byte stream into whole wire messages. A chunk may hold part of a message, exactly one,
 * or several; chunks are only concatenated once a complete message is available so a large message
 * arriving in many small reads is not copied over and over.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private bufferedLength = 0;

  /** Adds bytes read from the socket and returns every message that is now complete. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.bufferedLength += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      const length = this.peekMessageLength();
      if (length === undefined || this.bufferedLength < length) return messages;
      messages.push(this.take(length));
    }
  }

  private peekMessageLength(): number | undefined {
    if (this.bufferedLength < 4) return undefined;
    const head = this.chunks[0] as Buffer;
    const prefix = head.length >= 4 ? head : Buffer.concat(this.chunks).subarray(0, 4);
    const length = prefix.readInt32LE(0);
    if (length < MESSAGE_HEADER_LENGTH || length > MAX_MESSAGE_SIZE_BYTES) {
      throw new RangeError(`invalid wire message length ${length}`);
    }
    return length;
  }

  private take(length: number): Buffer {
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const message = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.bufferedLength = rest.length;
    return message;
  }
}
