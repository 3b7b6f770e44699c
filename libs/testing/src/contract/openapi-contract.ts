import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The committed OpenAPI document of the API (`npm run openapi` writes it). */
export const OPENAPI_DOCUMENT_FILE = path.resolve(__dirname, '../../../../apps/api/openapi.json');

type Responses = Record<string, { content?: Record<string, unknown> }>;
type OpenApiDocument = { paths: Record<string, Record<string, { responses: Responses }>> };

/** One answer of the API, as the contract checks it. */
export interface ObservedResponse {
  readonly method: string;
  /** Fastify's route pattern (`/v1/payments/:id`), not the requested URL. */
  readonly route: string;
  readonly status: number;
  readonly contentType: string | undefined;
  /** The body as sent, when it is text; undefined for streams. */
  readonly body: string | undefined;
}

const JSON_MEDIA_TYPE = 'application/json';
const DOCUMENT_ID = 'openapi';

/**
 * The responses the OpenAPI document promises, checked with ajv (JSON Schema 2020-12, which OpenAPI 3.1
 * schemas are). A response breaks the contract when its operation does not declare its status, or when a JSON
 * body does not match the declared schema. Routes the document does not list (probe controllers of tests)
 * are not checked: the OpenAPI spec test proves every route the API serves is listed.
 */
export class OpenApiContract {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    // Not strict: the document carries OpenAPI keywords (`example`, `discriminator`...) beside JSON Schema's.
    // No meta-schema validation of the whole 1.4 MB document: every test file that boots the API loads the
    // contract anew, and that check alone cost ~0.1 CPU-s a file (of ~0.2 s to load the contract). The document
    // is generated from the code (`npm run openapi`), and a response schema is still compiled before use.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOCUMENT_ID);
  }

  static fromCommittedDocument(): OpenApiContract {
    return new OpenApiContract(JSON.parse(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')) as OpenApiDocument);
  }

  /** What is wrong with the response, or undefined when it keeps the contract. */
  violation(response: ObservedResponse): string | undefined {
    const documentPath = response.route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = response.method.toLowerCase();
    const operation = this.document.paths[documentPath]?.[method];
    if (operation === undefined) return undefined;
    const where = `${response.method} ${documentPath} → ${response.status}`;
    const statusKey = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find(
      (key) => operation.responses[key] !== undefined,
    );
    if (statusKey === undefined)
      return `${where}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`;
    const mediaType = response.contentType?.split(';')[0]?.trim();
    if (mediaType !== JSON_MEDIA_TYPE || response.body === undefined || response.body === '')
      return undefined;
    const content = operation.responses[statusKey]?.content;
    if (content?.[JSON_MEDIA_TYPE] === undefined)
      return `${where}: a JSON body where the document declares ${content === undefined ? 'none' : Object.keys(content).join(', ')}`;
    const pointer = [
      'paths',
      documentPath,
      method,
      'responses',
      statusKey,
      'content',
      JSON_MEDIA_TYPE,
      'schema',
    ]
      .map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = this.validator(`${DOCUMENT_ID}#/${pointer}`);
    const body: unknown = JSON.parse(response.body);
    if (validate(body)) return undefined;
    return `${where}: body does not match the schema: ${this.ajv.errorsText(validate.errors)}\n${response.body.slice(0, 500)}`;
  }

  private validator(reference: string): ValidateFunction {
    let validate = this.validators.get(reference);
    if (validate === undefined) {
      validate = this.ajv.getSchema(reference);
      if (validate === undefined) throw new Error(`No schema at ${reference}`);
      this.validators.set(reference, validate);
    }
    return validate;
  }
}
