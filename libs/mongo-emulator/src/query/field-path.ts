import type { Document } from 'bson';

/** The value at a dotted path through embedded documents only (no array traversal). */
export function valueAtPath(document: Document, path: string): unknown {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Every value a dotted path reaches, descending into arrays the way a multikey index does: arrays met on
 * the way are traversed element by element, and an array at the end contributes each element.
 */
export function indexedValuesAtPath(document: Document, path: string): unknown[] {
  return collect(document, path.split('.'));
}

function collect(current: unknown, parts: readonly string[]): unknown[] {
  if (parts.length === 0) {
    if (Array.isArray(current)) return current.length === 0 ? [undefined] : current;
    return [current];
  }
  if (Array.isArray(current)) {
    const [head, ...rest] = parts as [string, ...string[]];
    if (/^\d+$/.test(head) && Number(head) < current.length) return collect(current[Number(head)], rest);
    return current.flatMap((element) => collect(element, parts));
  }
  if (current === null || typeof current !== 'object') return [undefined];
  const [head, ...rest] = parts as [string, ...string[]];
  return collect((current as Record<string, unknown>)[head], rest);
}

/** Sets a dotted path, creating embedded documents on the way. */
export function setValueAtPath(document: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let current: Record<string, unknown> = document;
  for (const part of parts) {
    const next = current[part];
    if (next === null || typeof next !== 'object') {
      const created: Record<string, unknown> = {};
      current[part] = created;
      current = created;
    } else {
      current = next as Record<string, unknown>;
    }
  }
  current[last] = value;
}
