import { UNLIMITED } from '@tenantpay/tenancy';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A non-negative safe integer or the word "unlimited" (never a magic large number). */
export function IsLimit(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLimit',
      validator: {
        validate: (value: unknown) =>
          value === UNLIMITED || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a non-negative integer or "${UNLIMITED}"`,
      },
    },
    options,
  );
}
