import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  HeaderObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { API_KEY_HEADER } from '@tenantpay/identity';
import { GATEWAY_SIGNATURE_HEADER, IDEMPOTENCY_KEY_HEADER } from '@tenantpay/payments';
import { REQUEST_ID_HEADER } from '@tenantpay/platform';
import {
  RATE_LIMIT_HEADER,
  RATE_LIMIT_LIMIT_HEADER,
  RATE_LIMIT_POLICY_HEADER,
  RATE_LIMIT_REMAINING_HEADER,
  RATE_LIMIT_RESET_HEADER,
  RETRY_AFTER_HEADER,
} from '@tenantpay/rate-limiting';
import { TENANT_ID_HEADER } from '@tenantpay/tenancy';
import { API_ERROR_SCHEMA_OBJECT, apiErrorSchemaWithCodes } from './api-error.schema';
import {
  API_ERROR_SCHEMA,
  API_KEY_SECURITY_SCHEME,
  BEARER_SECURITY_SCHEME,
  OPENAPI_VERSION,
  PAYMENT_SCHEMA,
  REQUEST_ID_PARAMETER,
  TENANT_ID_PARAMETER,
} from './openapi.constant';
import { PAYMENT_SCHEMA_OBJECT } from './payment.schema';
import { closeComponentSchemas, rewriteNullableSchemas } from './openapi-31-schemas';
import pluginMetadata from './plugin-metadata';
import { type RouteContract, routeContract } from './route-contract';
import { routeErrorCodes } from './route-error-codes';
import { webhooksSection } from './webhooks.document';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const BODY_METHODS = new Set(['post', 'put', 'patch']);

const integerHeader = (description: string): HeaderObject => ({ description, schema: { type: 'integer' } });
/** Response headers, each described once under `components.headers` and referenced by the responses. */
const RESPONSE_HEADERS: Record<string, HeaderObject> = {
  [REQUEST_ID_HEADER]: { description: 'The request id (echoed or generated)', schema: { type: 'string' } },
  [RATE_LIMIT_LIMIT_HEADER]: integerHeader('Requests allowed in the window'),
  [RATE_LIMIT_REMAINING_HEADER]: integerHeader('Requests left in the window'),
  [RATE_LIMIT_RESET_HEADER]: integerHeader('Unix time (s) the window resets'),
  [RATE_LIMIT_POLICY_HEADER]: {
    description: 'IETF draft RateLimit-Policy field',
    schema: { type: 'string' },
  },
  [RATE_LIMIT_HEADER]: { description: 'IETF draft RateLimit field', schema: { type: 'string' } },
  [RETRY_AFTER_HEADER]: integerHeader('Seconds to wait before retrying'),
};
const RATE_LIMIT_HEADERS = [
  RATE_LIMIT_LIMIT_HEADER,
  RATE_LIMIT_REMAINING_HEADER,
  RATE_LIMIT_RESET_HEADER,
  RATE_LIMIT_POLICY_HEADER,
  RATE_LIMIT_HEADER,
];

/**
 * The request headers some handlers read (`@Headers()` names them in lower case, as Node keeps them), by that
 * name: how the document spells them, and what they are for.
 */
const HANDLER_HEADERS: Readonly<Record<string, { readonly name: string; readonly description: string }>> = {
  [IDEMPOTENCY_KEY_HEADER.toLowerCase()]: {
    name: IDEMPOTENCY_KEY_HEADER,
    description:
      'Makes the create safely retryable: a repeat with the same key answers the first result (`Idempotent-Replayed: true`). ' +
      'Required with an API key, and always for a payment batch (400 `validation_error` without it).',
  },
  [GATEWAY_SIGNATURE_HEADER.toLowerCase()]: {
    name: GATEWAY_SIGNATURE_HEADER,
    description:
      '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed by PAYMENTS_GATEWAY_WEBHOOK_SECRET',
  },
  accept: { name: 'Accept', description: '`text/csv` for the report as CSV; JSON otherwise' },
};

function headerReferences(names: readonly string[]): Record<string, ReferenceObject> {
  return Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
}

/**
 * Gives @nestjs/swagger the types of the DTOs and handlers from the CLI plugin's committed metadata
 * (`plugin-metadata.ts`, written by `npm run openapi`). Needed once before createOpenApiDocument; asynchronous,
 * where the document itself is built synchronously (SwaggerModule.setup's factory is).
 */
export async function loadOpenApiPluginMetadata(): Promise<void> {
  await SwaggerModule.loadPluginMetadata(pluginMetadata);
}

/**
 * The API's OpenAPI 3.1 document (after loadOpenApiPluginMetadata). @nestjs/swagger generates the operations
 * from the controllers; what the route decorators already say — who may call it (JWT, API key with scopes,
 * public), which errors the guards answer, rate limiting — is added from those decorators, so the document
 * cannot disagree with them.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion(OPENAPI_VERSION)
    .setTitle('Tenantpay API')
    .setDescription(
      'Multi-tenant payments. Errors always take the ApiError shape, with the codes each operation lists; ' +
        'amounts are integer minor units. Outbound webhooks are described under `webhooks`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SECURITY_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, API_KEY_SECURITY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  rewriteNullableSchemas(document);
  closeComponentSchemas(document);
  addSharedComponents(document);
  const contracts = routeContracts(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      // A handler served on several paths gets one operation per path, its id suffixed `[<index>]`.
      const contract = contracts.get((operation.operationId ?? '').replace(/\[\d+\]$/, ''));
      if (contract === undefined) throw new Error(`No route found for ${method.toUpperCase()} ${path}`);
      completeOperation(operation, method, path, contract);
    }
  }
  return { ...document, webhooks: webhooksSection() } as OpenAPIObject;
}

/** The contract of every route, by @nestjs/swagger's default operation id (`<Controller>_<method>`). */
function routeContracts(app: INestApplication): Map<string, RouteContract> {
  const contracts = new Map<string, RouteContract>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (typeof controller !== 'function') continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = (controller.prototype as Record<string, unknown>)[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        contracts.set(`${controller.name}_${key}`, routeContract(controller, key, handler));
      }
    }
  }
  return contracts;
}

function addSharedComponents(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  components.schemas = {
    ...components.schemas,
    [API_ERROR_SCHEMA]: API_ERROR_SCHEMA_OBJECT,
    // OpenAPI 3.1 schema (JSON Schema 2020-12: `const`, type arrays), which @nestjs/swagger's 3.0 types do not know.
    [PAYMENT_SCHEMA]: PAYMENT_SCHEMA_OBJECT as SchemaObject,
  };
  const header = (name: string, description: string): ParameterObject => ({
    name,
    in: 'header',
    required: false,
    description,
    schema: { type: 'string' },
  });
  components.headers = { ...components.headers, ...RESPONSE_HEADERS };
  components.parameters = {
    ...components.parameters,
    [REQUEST_ID_PARAMETER]: header(REQUEST_ID_HEADER, 'Correlation id; generated when absent, echoed back'),
    [TENANT_ID_PARAMETER]: header(
      TENANT_ID_HEADER,
      'Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch)',
    ),
  };
}

function completeOperation(
  operation: OperationObject,
  method: string,
  path: string,
  contract: RouteContract,
): void {
  operation.parameters = [
    ...(operation.parameters ?? []),
    ...contract.handlerHeaders.map((name): ParameterObject => ({
      name: HANDLER_HEADERS[name]?.name ?? name,
      in: 'header',
      required: false,
      description: HANDLER_HEADERS[name]?.description,
      schema: { type: 'string' },
    })),
    { $ref: `#/components/parameters/${REQUEST_ID_PARAMETER}` },
    { $ref: `#/components/parameters/${TENANT_ID_PARAMETER}` },
  ];
  operation.security = contract.isPublic
    ? []
    : [
        { [BEARER_SECURITY_SCHEME]: [] },
        ...(contract.scopes !== undefined ? [{ [API_KEY_SECURITY_SCHEME]: [...contract.scopes] }] : []),
      ];
  const successHeaders = headerReferences([
    REQUEST_ID_HEADER,
    ...(contract.rateLimited ? RATE_LIMIT_HEADERS : []),
  ]);
  for (const [status, response] of Object.entries(operation.responses) as [
    string,
    ResponseObject | ReferenceObject,
  ][]) {
    if (!status.startsWith('2') || '$ref' in response) continue;
    response.headers = { ...successHeaders, ...response.headers };
    // A handler whose return type the plugin cannot name (a union, a generic) still answers JSON.
    if (response.content === undefined && status !== '204')
      response.content = { 'application/json': { schema: {} } };
  }
  const errors = routeErrorCodes({
    contract,
    writes: WRITE_METHODS.has(method),
    hasBody: BODY_METHODS.has(method),
    hasInput: operation.requestBody !== undefined || (operation.parameters ?? []).some(isInputParameter),
    hasPathParameters: path.includes('{'),
  });
  for (const [status, codes] of [...errors].sort(([a], [b]) => a - b)) {
    operation.responses[String(status)] = {
      description: codes.map((code) => `\`${code}\``).join(', '),
      headers: headerReferences([
        REQUEST_ID_HEADER,
        ...(status === 429 || status === 503 ? [RETRY_AFTER_HEADER] : []),
      ]),
      content: { 'application/json': { schema: apiErrorSchemaWithCodes(codes) } },
    };
  }
}

function isInputParameter(parameter: ParameterObject | ReferenceObject): boolean {
  return 'in' in parameter && (parameter.in === 'query' || parameter.in === 'path');
}
