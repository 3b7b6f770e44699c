/** Wire-protocol opcodes the emulator speaks (MongoDB 7.0 without compression). */
export const OpCode = {
  reply: 1,
  query: 2004,
  msg: 2013,
} as const;

export const MESSAGE_HEADER_LENGTH = 16;

/** Largest message we accept; matches the maxMessageSizeBytes announced in hello. */
export const MAX_MESSAGE_SIZE_BYTES = 48_000_000;

export const OpMsgFlag = {
  checksumPresent: 1 << 0,
  moreToCome: 1 << 1,
} as const;
