/**
 * A JSON Schema 2020-12 object, as OpenAPI 3.1 documents use them (`const`, `type: [..., 'null']`);
 * @nestjs/swagger's `SchemaObject` type describes OpenAPI 3.0's dialect.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };
