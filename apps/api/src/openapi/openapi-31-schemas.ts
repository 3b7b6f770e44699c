import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * @nestjs/swagger writes OpenAPI 3.0's `nullable: true`, which OpenAPI 3.1 (JSON Schema 2020-12) dropped: ajv
 * and every 3.1 tool would read `{type: 'string', nullable: true}` as refusing null. Rewrites each such schema in
 * the document to its 3.1 form (`type: ['string', 'null']`, or `oneOf` with `{type: 'null'}` around a reference).
 */
export function rewriteNullableSchemas(document: OpenAPIObject): void {
  rewrite(document.components?.schemas);
  rewrite(document.paths);
}

/**
 * Closes every object schema of a class (`additionalProperties: false`): request DTOs, because the validation
 * pipe refuses unknown fields; response classes, so that the contract tests fail when a view gains a field its
 * documented class does not describe.
 */
export function closeComponentSchemas(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {}) as Schema[])
    if (schema['properties'] !== undefined && schema['additionalProperties'] === undefined)
      schema['additionalProperties'] = false;
}

function rewrite(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(rewrite);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Schema;
  if (schema['nullable'] === true) {
    delete schema['nullable'];
    const allOf = schema['allOf'];
    if (Array.isArray(allOf) && allOf.length === 1) {
      // A nullable reference: @nestjs/swagger wraps it as `{type: 'object', allOf: [{$ref}]}`.
      delete schema['allOf'];
      delete schema['type'];
      schema['oneOf'] = [allOf[0], { type: 'null' }];
    } else if (typeof schema['type'] === 'string') {
      schema['type'] = [schema['type'], 'null'];
      if (Array.isArray(schema['enum'])) schema['enum'] = [...(schema['enum'] as unknown[]), null];
    }
  }
  Object.values(schema).forEach(rewrite);
}
