import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { createOpenApiDocument } from './create-openapi-document';
import { OPENAPI_JSON_PATH, OPENAPI_UI_PATH } from './openapi.constant';

/**
 * Serves the Swagger UI at `/v1/docs` and the document at `/v1/docs/openapi.json`. Must run before the
 * application is initialised: Nest appends its 404 handler at init, after which added routes are unreachable.
 * The document holds no tenant data, so it is public.
 */
export async function setupOpenApi(app: INestApplication): Promise<void> {
  const document = await createOpenApiDocument(app);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
  });
}
