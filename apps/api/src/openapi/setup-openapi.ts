import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { createOpenApiDocument, loadOpenApiPluginMetadata } from './create-openapi-document';
import { OPENAPI_JSON_PATH, OPENAPI_UI_PATH } from './openapi.constant';

/**
 * Serves the Swagger UI at `/v1/docs` and the document at `/v1/docs/openapi.json`. Must run before the
 * application is initialised: Nest appends its 404 handler at init, after which added routes are unreachable.
 * The document holds no tenant data, so it is public. It is built at its first request (SwaggerModule keeps
 * it), not at boot: building it costs ~0.4 CPU-s that most instances, and every test that boots the API,
 * would spend for a page few of them serve. `npm run openapi` and the OpenAPI spec build it from the same code.
 */
export async function setupOpenApi(app: INestApplication): Promise<void> {
  await loadOpenApiPluginMetadata();
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
  });
}
