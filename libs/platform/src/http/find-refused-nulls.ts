import { getMetadataStorage, IS_OPTIONAL, ValidationError, ValidationTypes } from 'class-validator';

const NULL_ISSUE = 'must not be null; leave the field out instead';

/**
 * `null` in fields a DTO marks `@IsOptional()`. class-validator treats null there like a missing field and
 * skips every other rule, so `{ "limits": null }` reached services typed `limits?: LimitOverrides` (and
 * answered 500). Here null counts as a value, and no optional field accepts it; a field that means null (to
 * clear something) says so with its own `@ValidateIf`, which this leaves alone. Nested DTOs (transformed class
 * instances, in objects and arrays) are checked too; free-form maps (plain objects) are not DTOs.
 */
export function findRefusedNulls(instance: object): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const { property, refusesNull } of fieldsOf(instance.constructor)) {
    const value: unknown = (instance as Record<string, unknown>)[property];
    if (value === null) {
      if (refusesNull) errors.push(validationError(property, { isNotNull: `${property} ${NULL_ISSUE}` }));
      continue;
    }
    const children = Array.isArray(value)
      ? value.flatMap((item, index) => (isDto(item) ? nested(String(index), findRefusedNulls(item)) : []))
      : isDto(value)
        ? findRefusedNulls(value)
        : [];
    if (children.length > 0) errors.push(validationError(property, undefined, children));
  }
  return errors;
}

interface DtoField {
  readonly property: string;
  /** Optional only by `@IsOptional()`: null is refused there (a field with its own `@ValidateIf` is left alone). */
  readonly refusesNull: boolean;
}

/** A DTO class, as an instance names its own (`instance.constructor`). */
type DtoClass = object['constructor'];

/**
 * A DTO class's validated fields. Decorators record their metadata when the class is defined, so it is read
 * once per class: asking class-validator's storage on every request filtered and grouped all of it again.
 */
const fieldsByDto = new WeakMap<DtoClass, readonly DtoField[]>();

function fieldsOf(dto: DtoClass): readonly DtoField[] {
  const known = fieldsByDto.get(dto);
  if (known !== undefined) return known;
  const storage = getMetadataStorage();
  const byProperty = storage.groupByPropertyName(storage.getTargetValidationMetadatas(dto, '', true, false));
  const fields = Object.entries(byProperty).map(([property, metadatas]) => {
    const conditions = metadatas.filter(
      (metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION,
    );
    return {
      property,
      refusesNull: conditions.length > 0 && conditions.every((metadata) => metadata.name === IS_OPTIONAL),
    };
  });
  fieldsByDto.set(dto, fields);
  return fields;
}

function isDto(value: unknown): value is object {
  return value !== null && typeof value === 'object' && value.constructor !== Object && !Array.isArray(value);
}

function nested(property: string, children: ValidationError[]): ValidationError[] {
  return children.length === 0 ? [] : [validationError(property, undefined, children)];
}

function validationError(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}
