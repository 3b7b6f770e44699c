/**
 * Stdout carries the benchmark's one JSON document. Imported before anything else, this sends every other
 * write there (Nest's logger, which some modules use while their decorators run at import) to stderr.
 */
const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

export function writeResult(document: unknown): void {
  writeStdout(`${JSON.stringify(document, null, 2)}\n`);
}

/** For runs whose result is a table for people (`npm run chaos`) rather than a JSON document. */
export function writeResultText(text: string): void {
  writeStdout(`${text}\n`);
}
