import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
// class-transformer keeps `@Type(() => X)` only in this storage; it is the one place nested DTO types are known.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/** Where @nestjs/swagger lists a class's documented properties (`:name` entries). */
const SWAGGER_PROPERTIES_METADATA = 'swagger/apiModelPropertiesArray';

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Documents DTOs from the class-validator rules they already carry, so their schema cannot drift from
 * what the API accepts and no field needs a second, hand-written annotation. (@nestjs/swagger's own
 * introspection is a TypeScript compiler plugin, which the SWC builds here do not run.) A property that
 * does carry @ApiProperty keeps it. Runs once per class, before the document is generated.
 */
export function documentValidatedProperties(dto: Type, seen = new Set<Type>()): void {
  if (seen.has(dto)) return;
  seen.add(dto);
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  if (rules.length === 0) return;
  const documented = new Set(
    ((Reflect.getMetadata(SWAGGER_PROPERTIES_METADATA, dto.prototype) as string[] | undefined) ?? []).map(
      (entry) => entry.replace(/^:/, ''),
    ),
  );
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules)
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);

  for (const [property, propertyRules] of byProperty) {
    if (documented.has(property)) continue;
    const nested = nestedType(dto, property, propertyRules);
    if (nested !== undefined) documentValidatedProperties(nested, seen);
    ApiProperty(propertyOptions(dto, property, propertyRules, nested))(dto.prototype, property);
  }
}

function propertyOptions(
  dto: Type,
  property: string,
  rules: readonly ValidationMetadata[],
  nested: Type | undefined,
): ApiPropertyOptions {
  const options: Mutable<Record<string, unknown>> = { required: !rules.some(isOptionalRule) };
  const designType = Reflect.getMetadata('design:type', dto.prototype, property) as Type | undefined;
  let isArray = designType === Array || rules.some((rule) => rule.each === true || rule.name === 'isArray');
  for (const rule of rules) {
    const [first, second] = rule.constraints ?? [];
    switch (rule.name) {
      case 'isString':
      case 'matches':
        options['type'] = String;
        if (rule.name === 'matches' && first instanceof RegExp) options['pattern'] = first.source;
        break;
      case 'isInt':
        options['type'] = 'integer';
        break;
      case 'isNumber':
      case 'isPositive':
        options['type'] ??= Number;
        break;
      case 'isBoolean':
        options['type'] = Boolean;
        break;
      case 'isIn':
        options['enum'] = first as unknown[];
        break;
      case 'isEnum':
        options['enum'] = Object.values(first as object).filter((value) => typeof value === 'string');
        break;
      case 'min':
        options['minimum'] = first;
        break;
      case 'max':
        options['maximum'] = first;
        break;
      case 'minLength':
        options['minLength'] = first;
        break;
      case 'maxLength':
        options['maxLength'] = first;
        break;
      case 'isLength':
        options['minLength'] = first;
        if (second !== undefined) options['maxLength'] = second;
        break;
      case 'isEmail':
        options['format'] = 'email';
        break;
      case 'isUrl':
        options['format'] = 'uri';
        break;
      case 'isUUID':
        options['format'] = 'uuid';
        break;
      case 'isISO8601':
      case 'isDateString':
        options['format'] = 'date-time';
        break;
      case 'isObject':
        options['type'] ??= Object;
        break;
      case 'isArray':
        isArray = true;
        break;
    }
  }
  if (nested !== undefined) options['type'] = nested;
  if (options['type'] === undefined && designType !== undefined && designType !== Array)
    options['type'] = designType;
  if (options['enum'] !== undefined) delete options['type'];
  if (isArray) options['isArray'] = true;
  if (options['type'] === undefined && options['enum'] === undefined)
    options['type'] = isArray ? String : Object;
  return options as ApiPropertyOptions;
}

function isOptionalRule(rule: ValidationMetadata): boolean {
  return rule.type === ValidationTypes.CONDITIONAL_VALIDATION && rule.name === 'isOptional';
}

function nestedType(dto: Type, property: string, rules: readonly ValidationMetadata[]): Type | undefined {
  if (!rules.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION)) return undefined;
  const declared = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as Type | undefined;
  const designType = Reflect.getMetadata('design:type', dto.prototype, property) as Type | undefined;
  const candidate = declared ?? designType;
  return typeof candidate === 'function' && candidate !== Array && candidate !== Object
    ? candidate
    : undefined;
}
