/**
 * Whether a parsed JSON value nests objects and arrays more than `maxDepth` levels deep (`{}` and `[]` are
 * one level, a scalar none). Iterative, and stops at the first path past the limit: it guards everything
 * downstream that walks values recursively (unsafe-key checks, class-transformer, class-validator, BSON,
 * JSON.stringify), which overflows the stack on a body like `[[[[…]]]]` that JSON.parse itself accepts.
 */
export function isNestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return false;
}
