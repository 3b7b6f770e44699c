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
  const storage = getMetadataStorage();
  const byProperty = storage.groupByPropertyName(
    storage.getTargetValidationMetadatas(instance.constructor, '', true, false),
  );
  const errors: ValidationError[] = [];
  for (const [property, metadatas] of Object.entries(byProperty)) {
    const value: unknown = (instance as Record<string, unknown>)[property];
    const conditions = metadatas.filter(
      (metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION,
    );
    if (value === null) {
      if (conditions.length > 0 && conditions.every((metadata) => metadata.name === IS_OPTIONAL)) {
        errors.push(validationError(property, { isNotNull: `${property} ${NULL_ISSUE}` }));
      }
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
