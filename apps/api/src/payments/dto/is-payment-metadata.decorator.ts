import { registerDecorator, type ValidationOptions } from 'class-validator';

export const METADATA_MAX_KEYS = 20;
const KEY = /^[A-Za-z0-9_-]{1,40}$/;
const MAX_VALUE_LENGTH = 500;

/** Bounded metadata: at most 20 keys of 1–40 safe characters, string values of at most 500 characters. */
export function IsPaymentMetadata(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPaymentMetadata',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `must be an object of at most ${METADATA_MAX_KEYS} keys (letters, digits, _ or -, up to 40) with string values of up to ${MAX_VALUE_LENGTH} characters`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= METADATA_MAX_KEYS &&
            entries.every(
              ([key, item]) => KEY.test(key) && typeof item === 'string' && item.length <= MAX_VALUE_LENGTH,
            )
          );
        },
      },
    });
}
