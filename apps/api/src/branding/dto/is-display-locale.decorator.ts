import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The canonical form of a BCP 47 tag (`de-de` → `de-DE`), or null when it is no well-formed tag. */
function canonicalLocale(value: string): string | null {
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * A BCP 47 language tag that Intl can write dates and amounts in, stored in canonical form. A well-formed tag
 * the runtime has no data for (`xx-YY`) is refused too: the console would silently fall back to another locale.
 */
export function IsDisplayLocale(options?: ValidationOptions): PropertyDecorator {
  const canonical = Transform(({ value }) =>
    typeof value === 'string' ? (canonicalLocale(value) ?? value) : value,
  );
  return (target, propertyName) => {
    canonical(target, propertyName);
    registerDecorator({
      name: 'isDisplayLocale',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a BCP 47 language tag such as de-DE or en-GB`,
        ...options,
      },
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' &&
          value.length <= 35 &&
          canonicalLocale(value) === value &&
          Intl.DateTimeFormat.supportedLocalesOf(value).length > 0,
      },
    });
  };
}
