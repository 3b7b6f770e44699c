import type { Document } from 'bson';
import { codeNameOf, ErrorCode, type ErrorCodeName } from './error-codes';

export const TRANSIENT_TRANSACTION_ERROR = 'TransientTransactionError';

/** A failure reported to the client as `{ ok: 0, errmsg, code, codeName, errorLabels? }`. */
export class CommandError extends Error {
  readonly code: number;
  readonly errorLabels: string[];
  /** Fields MongoDB adds to some errors, such as keyPattern/keyValue on duplicate keys. */
  readonly details: Document;

  constructor(
    codeName: ErrorCodeName,
    message: string,
    options: { labels?: string[]; details?: Document } = {},
  ) {
    super(message);
    this.code = ErrorCode[codeName];
    this.errorLabels = options.labels ?? [];
    this.details = options.details ?? {};
  }

  get codeName(): string {
    return codeNameOf(this.code);
  }

  toReply(): Document {
    return {
      ok: 0,
      errmsg: this.message,
      code: this.code,
      codeName: this.codeName,
      ...this.details,
      ...(this.errorLabels.length > 0 ? { errorLabels: this.errorLabels } : {}),
    };
  }
}

export function writeConflict(): CommandError {
  return new CommandError(
    'WriteConflict',
    'Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.',
    { labels: [TRANSIENT_TRANSACTION_ERROR] },
  );
}
