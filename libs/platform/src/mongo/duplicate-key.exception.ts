import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

/**
 * A unique-index violation (E11000) with every value taken out: only the index's name and its field names
 * remain. The driver's error names the conflicting values (`keyValue`, and the message's `dup key: {…}`), and a
 * value in a log line, an audit entry or a response is one more place where another tenant's data could surface
 * if an index ever stopped starting with `tenantId`. Callers that expect a duplicate catch it with
 * `isDuplicateKeyError` and throw their own domain error; uncaught, it answers 409 `conflict`.
 */
export class DuplicateKeyException extends DomainException {
  constructor(
    /** The unique index that refused the write, e.g. `tenantId_1_reference_1`; null when the driver did not say. */
    readonly index: string | null,
    /** The index's fields (never their values). */
    readonly fields: readonly string[],
  ) {
    super(ErrorCode.Conflict, 'A record with the same unique values already exists.');
  }

  /** The same conflict, described by index and fields only. */
  static from(error: unknown): DuplicateKeyException {
    if (error instanceof DuplicateKeyException) return error;
    const source = firstWriteError(error);
    const message = typeof source['errmsg'] === 'string' ? source['errmsg'] : String(source['message'] ?? '');
    const index = /index: (\S+)/.exec(message)?.[1] ?? null;
    const keyPattern = source['keyPattern'];
    const fields =
      keyPattern !== null && typeof keyPattern === 'object' ? Object.keys(keyPattern as object) : [];
    return new DuplicateKeyException(index, fields);
  }
}

/** A bulk write error reports each failed write separately; the first duplicate is the one that stopped it. */
function firstWriteError(error: unknown): Record<string, unknown> {
  const record = (error ?? {}) as Record<string, unknown>;
  const writeErrors = record['writeErrors'];
  const first: unknown = Array.isArray(writeErrors) ? writeErrors[0] : undefined;
  if (first !== null && typeof first === 'object') {
    const inner = (first as { err?: unknown }).err;
    return (inner !== null && typeof inner === 'object' ? inner : first) as Record<string, unknown>;
  }
  return record;
}
