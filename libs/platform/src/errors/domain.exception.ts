import type { ErrorCode } from './error-code';

/** One problem with one part of the input, listed in an error's `details`. */
export interface ErrorDetail {
  readonly field?: string;
  readonly issue: string;
  readonly [extra: string]: unknown;
}

/**
 * Base of every error the platform means to show a caller. The message is written for that caller:
 * it must never carry internals (queries, stack traces, other tenants' identifiers).
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly ErrorDetail[],
    /** Response headers that belong to this error, e.g. Retry-After on a 429. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
