const violations: string[] = [];

/**
 * The responses that broke the OpenAPI contract since the last check, kept apart from the contract itself: the
 * Jest setup of every test file reads this log, and only files that boot an HTTP application should pay for
 * loading ajv and the OpenAPI document (about 0.1 CPU-s a file for ajv's modules alone).
 */
export function recordContractViolation(violation: string): void {
  violations.push(violation);
}

/** Throws, listing them, when responses since the last call broke the contract. */
export function failOnContractViolations(): void {
  if (violations.length === 0) return;
  const found = violations.splice(0);
  throw new Error(
    `Responses that break the OpenAPI contract (apps/api/openapi.json):\n- ${found.join('\n- ')}`,
  );
}
