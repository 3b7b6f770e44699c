import path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../../..');
export const TSCONFIG_BUILD_FILE = path.join(WORKSPACE_ROOT, 'tsconfig.build.json');
/** Where the CLI plugin's metadata is committed, beside the code that loads it. */
export const PLUGIN_METADATA_DIR = path.join(WORKSPACE_ROOT, 'apps/api/src/openapi');
export const PLUGIN_METADATA_FILE = 'plugin-metadata.ts';
/** The committed OpenAPI document (the contract the e2e tests hold responses to). */
export const OPENAPI_DOCUMENT_FILE = path.join(WORKSPACE_ROOT, 'apps/api/openapi.json');
