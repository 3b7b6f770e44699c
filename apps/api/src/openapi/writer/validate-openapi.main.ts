import { OPENAPI_DOCUMENT_FILE } from './openapi-files';
import { validateOpenApiFile } from './validate-openapi-document';

/** Validates the committed OpenAPI document (or the file named) as OpenAPI; exits 1 when it is not valid. */
validateOpenApiFile(process.argv[2] ?? OPENAPI_DOCUMENT_FILE).then(
  (result) => {
    console.log(JSON.stringify(result, null, 2));
    process.exit(result.valid ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
