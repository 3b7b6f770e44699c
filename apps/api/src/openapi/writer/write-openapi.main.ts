import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as RenderOpenApiDocument from './render-openapi-document';
import { OPENAPI_DOCUMENT_FILE, PLUGIN_METADATA_DIR, PLUGIN_METADATA_FILE } from './openapi-files';
import { validateOpenApiFile } from './validate-openapi-document';
import { writePluginMetadata } from './write-plugin-metadata';

/**
 * `npm run openapi`: refreshes the CLI plugin's metadata from the sources, then writes the API's OpenAPI
 * document to apps/api/openapi.json after validating it. `npm run openapi -- --check` (CI) writes nothing and
 * fails when either committed file is stale.
 */
async function main(check: boolean): Promise<void> {
  const stale: string[] = [];
  const committedMetadata = path.join(PLUGIN_METADATA_DIR, PLUGIN_METADATA_FILE);
  if (check) {
    const scratch = mkdtempSync(path.join(tmpdir(), 'plugin-metadata-'));
    try {
      writePluginMetadata(scratch);
      const fresh = readFileSync(path.join(scratch, PLUGIN_METADATA_FILE), 'utf8');
      if (fresh !== readFileSync(committedMetadata, 'utf8')) stale.push(committedMetadata);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  } else {
    writePluginMetadata();
  }
  // Loaded only now, so that the document reads the metadata module just written.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderOpenApiDocument } = require('./render-openapi-document') as typeof RenderOpenApiDocument;
  const rendered = await renderOpenApiDocument();
  if (check) {
    if (rendered !== readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')) stale.push(OPENAPI_DOCUMENT_FILE);
    const result = await validateOpenApiFile(OPENAPI_DOCUMENT_FILE);
    if (!result.valid) throw new Error(`Not a valid OpenAPI document: ${JSON.stringify(result.errors)}`);
    if (stale.length > 0)
      throw new Error(
        `Stale, run \`npm run openapi\` and commit: ${stale.map((file) => path.relative(process.cwd(), file)).join(', ')}`,
      );
    console.log('The committed OpenAPI files are up to date.');
    return;
  }
  // Validated before it replaces the committed file.
  const scratchFile = `${OPENAPI_DOCUMENT_FILE}.tmp`;
  writeFileSync(scratchFile, rendered);
  const result = await validateOpenApiFile(scratchFile);
  if (!result.valid) {
    rmSync(scratchFile);
    throw new Error(`Not a valid OpenAPI document: ${JSON.stringify(result.errors)}`);
  }
  renameSync(scratchFile, OPENAPI_DOCUMENT_FILE);
  console.log(`Wrote ${path.relative(process.cwd(), OPENAPI_DOCUMENT_FILE)}`);
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
