import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { PLUGIN_METADATA_DIR, PLUGIN_METADATA_FILE, TSCONFIG_BUILD_FILE } from './openapi-files';

/**
 * Runs @nestjs/swagger's CLI plugin over the API in its read-only mode and writes what it learns from the
 * TypeScript types (DTO properties from their types and class-validator rules, JSDoc summaries of handlers)
 * as a module that `SwaggerModule.loadPluginMetadata` reads. The plugin's other mode rewrites the emitted
 * JavaScript, which needs a compiler that runs TypeScript transformers: the build's plain `tsc` does not and
 * the tests' SWC cannot, so the two would document different things. The committed file serves both.
 */
export function writePluginMetadata(outputDir = PLUGIN_METADATA_DIR): void {
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        // Imports in the written module are relative to where it is committed.
        pathToSource: PLUGIN_METADATA_DIR,
        introspectComments: true,
        classValidatorShim: true,
        dtoFileNameSuffix: ['.dto.ts', '.response.ts'],
        controllerFileNameSuffix: ['.controller.ts'],
      }),
    ],
    outputDir,
    filename: PLUGIN_METADATA_FILE,
    // The CLI resolves this against the working directory.
    tsconfigPath: path.relative(process.cwd(), TSCONFIG_BUILD_FILE),
    printDiagnostics: false,
  });
  // The generator writes dynamic `import("...")`s without file extensions, which TypeScript's node16 module mode
  // resolves by ESM rules (extensions required) although the code compiles to CommonJS; `require` resolves the
  // way the rest of the build does.
  const file = path.join(outputDir, PLUGIN_METADATA_FILE);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\bimport\("/g, 'require("'));
}
