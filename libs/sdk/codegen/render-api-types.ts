import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
/** The API's committed OpenAPI document, the one source of the SDK's types. */
export const OPENAPI_DOCUMENT_PATH = path.join(WORKSPACE_ROOT, 'apps/api/openapi.json');
export const GENERATED_TYPES_PATH = path.join(WORKSPACE_ROOT, 'libs/sdk/src/generated/tenantpay-api.ts');

/**
 * The TypeScript types of the API as openapi-typescript renders them from the document, formatted with the
 * workspace's Prettier settings so the committed file passes the format check and a fresh render compares
 * byte for byte (the freshness spec).
 */
export async function renderApiTypes(documentPath = OPENAPI_DOCUMENT_PATH): Promise<string> {
  const document = JSON.parse(await readFile(documentPath, 'utf8')) as Parameters<typeof openapiTS>[0];
  const source = COMMENT_HEADER + astToString(await openapiTS(document, { alphabetize: false }));
  const options = await resolveConfig(GENERATED_TYPES_PATH);
  return format(source, { ...options, filepath: GENERATED_TYPES_PATH });
}
