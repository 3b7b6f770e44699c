import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { API_KEY_HEADER } from '@tenantpay/identity';
import { IDEMPOTENCY_KEY_HEADER } from '@tenantpay/payments';
import { REQUEST_ID_HEADER } from '@tenantpay/platform';
import {
  RATE_LIMIT_HEADER,
  RATE_LIMIT_LIMIT_HEADER,
  RATE_LIMIT_POLICY_HEADER,
  RATE_LIMIT_REMAINING_HEADER,
  RATE_LIMIT_RESET_HEADER,
  RETRY_AFTER_HEADER,
} from '@tenantpay/rate-limiting';
import { IS_PUBLIC_ROUTE, TENANT_ID_HEADER } from '@tenantpay/tenancy';
import { API_ERROR_SCHEMA_OBJECT } from './api-error.schema';
import { documentValidatedProperties } from './document-validated-properties';
import {
  API_ERROR_SCHEMA,
  API_KEY_SECURITY_SCHEME,
  BEARER_SECURITY_SCHEME,
  IDEMPOTENCY_KEY_PARAMETER,
  REQUEST_ID_PARAMETER,
  TENANT_ID_PARAMETER,
} from './openapi.constant';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const BODY_METHODS = new Set(['post', 'put', 'patch']);

const ERROR_RESPONSES: Readonly<Record<string, string>> = {
  '400': 'validation_error: the request is malformed or fails validation',
  '401': 'unauthorized: missing, invalid or expired credential',
  '403': 'forbidden / tenant_mismatch / cross_tenant_access / feature_not_in_tier',
  '404': "not_found / tenant_not_found (another tenant's resource answers the same)",
  '429': 'rate_limit_exceeded / quota_exceeded: see Retry-After',
  '500': 'internal_error: no internals are disclosed',
};
const ERRORS_OF_PUBLIC_ROUTES = new Set(['400', '404', '429', '500']);

const RATE_LIMIT_RESPONSE_HEADERS = {
  [RATE_LIMIT_LIMIT_HEADER]: { description: 'Requests allowed in the window', schema: { type: 'integer' } },
  [RATE_LIMIT_REMAINING_HEADER]: { description: 'Requests left in the window', schema: { type: 'integer' } },
  [RATE_LIMIT_RESET_HEADER]: { description: 'Unix time (s) the window resets', schema: { type: 'integer' } },
  [RATE_LIMIT_POLICY_HEADER]: {
    description: 'IETF draft RateLimit-Policy field',
    schema: { type: 'string' },
  },
  [RATE_LIMIT_HEADER]: { description: 'IETF draft RateLimit field', schema: { type: 'string' } },
};
const REQUEST_ID_RESPONSE_HEADER = {
  [REQUEST_ID_HEADER]: { description: 'The request id (echoed or generated)', schema: { type: 'string' } },
};

/**
 * The API's OpenAPI document, generated from its controllers and DTOs, with what every route shares
 * added once here rather than on each handler: the error shape on every error status, the security
 * schemes (public routes opt out), the request headers the platform reads, and the response headers
 * it writes.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const publicOperations = documentControllers(app);
  const config = new DocumentBuilder()
    .setTitle('Tenantpay API')
    .setDescription(
      'Multi-tenant payments. Errors always take the ApiError shape; amounts are integer minor units.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SECURITY_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, API_KEY_SECURITY_SCHEME)
    .addSecurityRequirements(BEARER_SECURITY_SCHEME)
    .addSecurityRequirements(API_KEY_SECURITY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addSharedComponents(document);
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const isPublic = operation.operationId !== undefined && publicOperations.has(operation.operationId);
      decorateOperation(operation, method, isPublic);
    }
  }
  return document;
}

/** Documents the DTOs of every route and answers the operation ids of the public routes. */
function documentControllers(app: INestApplication): Set<string> {
  const publicOperations = new Set<string>();
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (typeof controller !== 'function') continue;
      const classIsPublic = Reflect.getMetadata(IS_PUBLIC_ROUTE, controller) === true;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = (controller.prototype as Record<string, unknown>)[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const parameterTypes =
          (Reflect.getMetadata('design:paramtypes', controller.prototype, key) as Type[] | undefined) ?? [];
        for (const type of parameterTypes)
          if (typeof type === 'function') documentValidatedProperties(type, seen);
        const handlerPublic = Reflect.getMetadata(IS_PUBLIC_ROUTE, handler) as boolean | undefined;
        // @nestjs/swagger's default operation id.
        if (handlerPublic ?? classIsPublic) publicOperations.add(`${controller.name}_${key}`);
      }
    }
  }
  return publicOperations;
}

function addSharedComponents(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, [API_ERROR_SCHEMA]: API_ERROR_SCHEMA_OBJECT };
  const header = (name: string, description: string): ParameterObject => ({
    name,
    in: 'header',
    required: false,
    description,
    schema: { type: 'string' },
  });
  components.parameters = {
    ...components.parameters,
    [REQUEST_ID_PARAMETER]: header(REQUEST_ID_HEADER, 'Correlation id; generated when absent, echoed back'),
    [TENANT_ID_PARAMETER]: header(
      TENANT_ID_HEADER,
      'Tenant id or slug; must agree with the credential and host, or the request is refused (tenant_mismatch)',
    ),
    [IDEMPOTENCY_KEY_PARAMETER]: header(
      IDEMPOTENCY_KEY_HEADER,
      'Makes a create safely retryable; required on payment creation with an API key',
    ),
  };
}

function decorateOperation(operation: OperationObject, method: string, isPublic: boolean): void {
  const refs: ReferenceObject[] = [
    { $ref: `#/components/parameters/${REQUEST_ID_PARAMETER}` },
    { $ref: `#/components/parameters/${TENANT_ID_PARAMETER}` },
    ...(BODY_METHODS.has(method) ? [{ $ref: `#/components/parameters/${IDEMPOTENCY_KEY_PARAMETER}` }] : []),
  ];
  operation.parameters = [...(operation.parameters ?? []), ...refs];
  if (isPublic) operation.security = [];
  else
    operation.description = [
      operation.description,
      `Credential: a bearer JWT or an ${API_KEY_HEADER} API key.`,
    ]
      .filter(Boolean)
      .join('\n\n');

  for (const [status, response] of Object.entries(operation.responses) as [
    string,
    ResponseObject | ReferenceObject,
  ][]) {
    if (status.startsWith('2') && !('$ref' in response)) {
      response.headers = {
        ...REQUEST_ID_RESPONSE_HEADER,
        ...(isPublic ? {} : RATE_LIMIT_RESPONSE_HEADERS),
        ...response.headers,
      };
    }
  }
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    if (operation.responses[status] !== undefined) continue;
    if (isPublic && !ERRORS_OF_PUBLIC_ROUTES.has(status)) continue;
    operation.responses[status] = {
      description,
      headers: {
        ...REQUEST_ID_RESPONSE_HEADER,
        ...(status === '429'
          ? { [RETRY_AFTER_HEADER]: { description: 'Seconds to wait', schema: { type: 'integer' } } }
          : {}),
      },
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` } } },
    };
  }
}
