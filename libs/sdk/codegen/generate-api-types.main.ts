/**
 * `npm run sdk:generate`: rewrites the SDK's generated API types from apps/api/openapi.json.
 * `--check` writes nothing and exits 1 when the committed file differs from a fresh render (the freshness spec
 * runs it; openapi-typescript's ES-module dependencies cannot load inside Jest). `--document=<path>` renders
 * from another document.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GENERATED_TYPES_PATH,
  OPENAPI_DOCUMENT_PATH,
  renderApiTypes,
  WORKSPACE_ROOT,
} from './render-api-types';

async function main(args: readonly string[]): Promise<number> {
  const documentPath = args.find((arg) => arg.startsWith('--document='))?.slice('--document='.length);
  const document = documentPath === undefined ? OPENAPI_DOCUMENT_PATH : path.resolve(documentPath);
  const relative = (file: string) => path.relative(WORKSPACE_ROOT, file);
  const rendered = await renderApiTypes(document);
  if (args.includes('--check')) {
    if (rendered === (await readFile(GENERATED_TYPES_PATH, 'utf8'))) return 0;
    process.stderr.write(
      `${relative(GENERATED_TYPES_PATH)} is stale relative to ${relative(document)}: run npm run sdk:generate\n`,
    );
    return 1;
  }
  await writeFile(GENERATED_TYPES_PATH, rendered);
  process.stdout.write(`${relative(document)} → ${relative(GENERATED_TYPES_PATH)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
