/** `npm run sdk:generate`: rewrites the SDK's generated API types from apps/api/openapi.json. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GENERATED_TYPES_PATH,
  OPENAPI_DOCUMENT_PATH,
  renderApiTypes,
  WORKSPACE_ROOT,
} from './render-api-types';

async function main(): Promise<void> {
  await writeFile(GENERATED_TYPES_PATH, await renderApiTypes());
  const relative = (file: string) => path.relative(WORKSPACE_ROOT, file);
  process.stdout.write(`${relative(OPENAPI_DOCUMENT_PATH)} → ${relative(GENERATED_TYPES_PATH)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
