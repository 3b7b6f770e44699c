import { DuplicateKeyException } from './duplicate-key.exception';

const DUPLICATE_KEY = 11000;

/** Whether an error is a unique-index violation: the driver's E11000, or the DuplicateKeyException made of one. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (error instanceof DuplicateKeyException) return true;
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
