import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';

/**
 * MongoDB collations (ICU) through Intl.Collator, which is ICU too: `locale`, `strength` 1–3, `caseLevel`,
 * `caseFirst`, `numericOrdering`. Options the engine cannot honour (strength 4–5, `alternate: 'shifted'`,
 * `backwards`, an unknown locale) are refused with an error, never ignored: an ignored collation gives wrong
 * results silently.
 *
 * The collation of the running command is ambient (commands run synchronously, one at a time): string
 * comparisons in filters, sorts and distinct read it through `collatedStringComparison`.
 */
let activeComparison: ((left: string, right: string) => number) | undefined;

const SIMPLE = 'simple';
const KNOWN_FIELDS = new Set([
  'locale',
  'strength',
  'caseLevel',
  'caseFirst',
  'numericOrdering',
  'alternate',
  'maxVariable',
  'normalization',
  'backwards',
  'version',
]);

/** The comparison of the command's collation; undefined means binary (code point) order. */
export function collatedStringComparison(): ((left: string, right: string) => number) | undefined {
  return activeComparison;
}

/**
 * Runs `work` with `collation` (a command's or a statement's) deciding how strings compare. Without one
 * (undefined) the surrounding collation stays: an update or delete statement that names none runs under
 * the collection's default, which the dispatcher set for the command.
 */
export function withCollation<T>(collation: unknown, work: () => T): T {
  const previous = activeComparison;
  activeComparison = collation === undefined ? previous : comparisonFor(collation);
  try {
    return work();
  } finally {
    activeComparison = previous;
  }
}

function comparisonFor(collation: unknown): ((left: string, right: string) => number) | undefined {
  if (collation === undefined || collation === null) return undefined;
  if (typeof collation !== 'object' || Array.isArray(collation)) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'collation' is the wrong type, expected type 'object'",
    );
  }
  const spec = collation as Document;
  for (const field of Object.keys(spec)) {
    if (!KNOWN_FIELDS.has(field))
      throw new CommandError('FailedToParse', `unknown collation field '${field}'`);
  }
  const locale = spec['locale'];
  if (typeof locale !== 'string')
    throw new CommandError('FailedToParse', "collation requires a 'locale' string");
  if (locale === SIMPLE) {
    if (Object.keys(spec).length > 1) {
      throw new CommandError('BadValue', "the 'simple' collation takes no other options");
    }
    return undefined;
  }
  const bcp47 = locale.replace(/_/g, '-');
  if (!isSupportedLocale(bcp47)) {
    throw new CommandError(
      'BadValue',
      `collation locale '${locale}' is not supported by the MongoDB emulator`,
    );
  }
  const strength = spec['strength'] === undefined ? 3 : Number(spec['strength']);
  if (![1, 2, 3].includes(strength)) {
    throw new CommandError(
      'BadValue',
      `collation strength ${String(spec['strength'])} is not supported by the MongoDB emulator (1, 2 or 3)`,
    );
  }
  refuseUnsupported(spec, 'alternate', 'non-ignorable');
  refuseUnsupported(spec, 'backwards', false);
  refuseUnsupported(spec, 'normalization', false);
  const caseLevel = spec['caseLevel'] === true;
  const caseFirst = spec['caseFirst'] ?? 'off';
  if (caseFirst !== 'off' && caseFirst !== 'upper' && caseFirst !== 'lower') {
    throw new CommandError('BadValue', `collation caseFirst must be 'upper', 'lower' or 'off'`);
  }
  // ICU strength 1 ignores accents and case, 2 only case, 3 neither; caseLevel adds case back to 1.
  const sensitivity = strength === 1 ? (caseLevel ? 'case' : 'base') : strength === 2 ? 'accent' : 'variant';
  const collator = new Intl.Collator(bcp47, {
    usage: 'sort',
    sensitivity,
    caseFirst: caseFirst === 'off' ? 'false' : caseFirst,
    numeric: spec['numericOrdering'] === true,
  });
  return (left, right) => Math.sign(collator.compare(left, right));
}

function refuseUnsupported(spec: Document, field: string, supported: unknown): void {
  if (spec[field] !== undefined && spec[field] !== supported) {
    throw new CommandError(
      'BadValue',
      `collation ${field}: ${JSON.stringify(spec[field])} is not supported by the MongoDB emulator`,
    );
  }
}

function isSupportedLocale(bcp47: string): boolean {
  try {
    return Intl.Collator.supportedLocalesOf([bcp47]).length > 0;
  } catch {
    // A malformed tag: RangeError.
    return false;
  }
}
