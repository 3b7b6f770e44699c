import {
  type ArgumentMetadata,
  type PipeTransform,
  type Type,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
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
class DtoValidationPipe extends ValidationPipe {
  /** Per DTO class: whether an empty input passes, and becomes exactly what `new Dto()` builds. */
  private readonly emptyInputAccepted = new Map<Type<unknown>, boolean>();

  /** What {@link transform} answers `value` with, when known without running it; else undefined. */
  knownAnswer(value: unknown, metadata: ArgumentMetadata): object | undefined {
    const metatype = metadata.metatype;
    if (
      metatype === undefined ||
      this.expectedType !== undefined ||
      !hasNoOwnKeys(value) ||
      !this.toValidate(metadata) ||
      !this.acceptsEmptyInput(metatype)
    )
      return undefined;
    return new metatype() as object;
  }

  protected override validate(object: object, validatorOptions?: ValidatorOptions): ValidationError[] {
    return [...validateSync(object, validatorOptions), ...findRefusedNulls(object)];
  }

  /**
   * True when class-transformer turns `{}` into an instance with the same fields as `new Dto()` (no @Expose or
   * @Transform filling a missing field in) and that instance passes validation: then the full path's answer
   * to an empty input is `new Dto()`. Otherwise the class always takes the full path.
   */
  private acceptsEmptyInput(metatype: Type<unknown>): boolean {
    let accepted = this.emptyInputAccepted.get(metatype);
    if (accepted === undefined) {
      const transformed = plainToInstance(metatype, {}, this.transformOptions) as object;
      const constructed = new metatype() as object;
      accepted =
        transformed instanceof metatype &&
        JSON.stringify(Object.entries(transformed)) === JSON.stringify(Object.entries(constructed)) &&
        this.validate(constructed, this.validatorOptions).length === 0;
      this.emptyInputAccepted.set(metatype, accepted);
    }
    return accepted;
  }
}

/**
 * The API's DTO validation ({@link DtoValidationPipe}), with one shortcut: an empty query or body (`GET
 * /v1/usage`, a list without filters) makes the same DTO and the same verdict every time, so the verdict is
 * worked out once per class and such an input answered with a fresh `new Dto()` at once. Nest's asynchronous
 * transform, class-transformer's and class-validator's walks cost such a request four promises and ~6 KB of the
 * ~96 KB it allocated (`GET /v1/usage`, in process). Anything with a key takes the full path.
 */
class ApiValidationPipe implements PipeTransform {
  constructor(private readonly dtoPipe: DtoValidationPipe) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return this.dtoPipe.knownAnswer(value, metadata) ?? this.dtoPipe.transform(value, metadata);
  }
}

/** A plain object (a parsed query string has no prototype) with no own property at all. */
function hasNoOwnKeys(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && prototype !== Object.prototype) return false;
  return Reflect.ownKeys(value).length === 0;
}

/**
 * The global DTO validation: only declared fields are accepted (an unknown field is an error rather than
 * silently dropped, so a typo or an injection attempt is visible), null only where a field declares it, and
 * values are converted to the DTO's types. Every failing field is listed in the error's details. A DTO class's
 * rules are looked up once, not on every validation (see memoizeValidationMetadata).
 */
export function createValidationPipe(): PipeTransform {
  memoizeValidationMetadata();
  return new ApiValidationPipe(
    new DtoValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationException(flatten(errors)),
    }),
  );
}

function flatten(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((issue) => ({ field, issue }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
