import type { ErrorDetail } from './domain.exception';

/** The one error shape of the API (SPEC section 12). */
export interface ApiErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details?: readonly ErrorDetail[];
  readonly requestId: string;
  readonly timestamp: string;
}
