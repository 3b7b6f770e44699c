import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validateSync, type ValidatorOptions } from 'class-validator';
import type { ErrorDetail } from '../errors/domain.exception';
import { ValidationException } from '../errors/validation.exception';
import { findRefusedNulls } from './find-refused-nulls';
import { memoizeValidationMetadata } from './memoize-validation-metadata';

/**
 * Nest's pipe plus one rule class-validator lacks: null is not "missing" (see findRefusedNulls). It validates
 * synchronously: no DTO has an asynchronous constraint, and class-validator's asynchronous entry point costs
 * every body and query a handful of promises (each one AsyncLocalStorage's hook) for nothing. validateSync
 * skips asynchronous constraints, so a DTO must not declare one (`@ValidatorConstraint({ async: true })`).
 */
class ApiValidationPipe extends ValidationPipe {
  protected override validate(object: object, validatorOptions?: ValidatorOptions): ValidationError[] {
    return [...validateSync(object, validatorOptions), ...findRefusedNulls(object)];
  }
}

/**
 * The global DTO validation: only declared fields are accepted (an unknown field is an error rather than
 * silently dropped, so a typo or an injection attempt is visible), null only where a field declares it, and
 * values are converted to the DTO's types. Every failing field is listed in the error's details. A DTO class's
 * rules are looked up once, not on every validation (see memoizeValidationMetadata).
 */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
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
