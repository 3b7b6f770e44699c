import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import type { ErrorDetail } from '../errors/domain.exception';
import { ValidationException } from '../errors/validation.exception';
import { findRefusedNulls } from './find-refused-nulls';

/** Nest's pipe plus one rule class-validator lacks: null is not "missing" (see findRefusedNulls). */
class ApiValidationPipe extends ValidationPipe {
  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    return [...(await super.validate(object, validatorOptions)), ...findRefusedNulls(object)];
  }
}

/**
 * The global DTO validation: only declared fields are accepted (an unknown field is an error rather than
 * silently dropped, so a typo or an injection attempt is visible), null only where a field declares it, and
 * values are converted to the DTO's types. Every failing field is listed in the error's details.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationException(flatten(errors)),
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((issue) => ({ field, issue }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
