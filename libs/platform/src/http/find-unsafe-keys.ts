/**
 * Keys that must never reach a database query or an object merge from request input: Mongo operators
 * (`$gt`, `$where`…), dotted paths (which address nested fields in updates), and prototype keys.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string): boolean {
  return key.startsWith('$') || key.includes('.') || PROTOTYPE_KEYS.has(key);
}

/** Paths (like `metadata.$where`) of every unsafe key anywhere in a parsed JSON value. */
export function findUnsafeKeys(value: unknown, path = '', found: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeKeys(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (isUnsafeKey(key)) found.push(keyPath);
      findUnsafeKeys((value as Record<string, unknown>)[key], keyPath, found);
    }
  }
  return found;
}
