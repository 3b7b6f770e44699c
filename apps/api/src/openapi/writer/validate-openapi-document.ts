import { readFileSync } from 'node:fs';

interface ValidationResult {
  readonly valid: boolean;
  readonly errors?: unknown;
}
interface SchemaValidator {
  validate(document: object): Promise<ValidationResult>;
}

/**
 * Validates a document against the OpenAPI specification's own JSON Schema (3.1 for this API) with
 * @seriousme/openapi-schema-validator. The package is ESM-only: Node loads it with require(esm), which Jest's
 * module system cannot, so tests run this in a Node process (validate-openapi.main.ts).
 */
export async function validateOpenApiFile(file: string): Promise<ValidationResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: Node's require(esm)
  const { Validator } = require('@seriousme/openapi-schema-validator') as {
    Validator: new () => SchemaValidator;
  };
  return new Validator().validate(JSON.parse(readFileSync(file, 'utf8')) as object);
}
