/** What an operator types for one limit: blank for the tier's default, a whole number, or "unlimited". */
export type LimitOverride = number | 'unlimited' | null;

export type ParsedLimitOverride =
  { readonly ok: true; readonly value: LimitOverride } | { readonly ok: false; readonly error: string };

/** The largest whole number a JSON number carries exactly; the API's limits are integers. */
const LARGEST_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Reads a limit field: '' → null (back to the tier's default), 'unlimited' (any case) → 'unlimited', digits
 * (grouping spaces, commas, points and underscores allowed, as people type large numbers) → that integer.
 * Anything else — a sign, a fraction, a word — is refused with a sentence, never sent for the API to refuse.
 */
export function parseLimitOverride(text: string): ParsedLimitOverride {
  const entered = text.trim();
  if (entered === '') return { ok: true, value: null };
  if (entered.toLowerCase() === 'unlimited') return { ok: true, value: 'unlimited' };
  const digits = entered.replace(/[\s,._\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(digits))
    return { ok: false, error: `“${entered}” is not a whole number, “unlimited” or blank.` };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > LARGEST_LIMIT)
    return { ok: false, error: `“${entered}” is too large; use “unlimited” instead.` };
  return { ok: true, value };
}

/** The field's text for an override as the API answers it (absent or null: blank). */
export function limitOverrideText(value: LimitOverride | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}
