import { IsolationRule } from '../errors/isolation-rule.enum';
import { isPlainObject } from './copy-query-value';
import { refuse } from './refuse';

/**
 * Repository options are an allow-list: `collation` (which changes how values compare), `middleware`
 * (which skips hooks), `strictQuery`, `sanitizeFilter` and anything else a caller might slip through an
 * untyped call are refused rather than forwarded to Mongoose.
 */
export function guardOptions<T extends object>(
  options: T | undefined,
  allowed: readonly (keyof T & string)[],
  path: string,
): Partial<T> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) refuse(IsolationRule.MalformedOperation, path);
  for (const key of Object.keys(options)) {
    if (!(allowed as readonly string[]).includes(key))
      refuse(IsolationRule.UnsupportedOption, `${path}.${key}`);
  }
  return options;
}

/** Limits and skips are small non-negative integers, never objects that could carry operators. */
export function guardCount(value: unknown, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    refuse(IsolationRule.MalformedOperation, path);
  }
  return value;
}
