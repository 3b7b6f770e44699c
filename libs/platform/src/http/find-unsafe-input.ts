import type { ErrorDetail } from '../errors/domain.exception';

/**
 * Keys that must never reach a database query or an object merge from request input: Mongo operators
 * (`$gt`, `$where`…), dotted paths (which address nested fields in updates), and prototype keys.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Text no field of this API means to hold, which breaks what comes after validation: NUL (C strings, logs,
 * e-mail headers, some validators' regular expressions) and UTF-16 surrogates without their pair (JSON allows
 * `\ud800`; it is not Unicode text, and UTF-8 encoders, BSON included, cannot represent it faithfully).
 */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const KEY_ISSUE = 'keys may not start with "$", contain ".", or name a prototype';
const TEXT_ISSUE = 'text may not contain NUL characters or unpaired UTF-16 surrogates';

function isUnsafeKey(key: string): boolean {
  return key.startsWith('$') || key.includes('.') || PROTOTYPE_KEYS.has(key);
}

function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);
}

/**
 * Every unsafe key and every unsafe string (value or key) anywhere in a parsed JSON value or query object, by
 * path (like `metadata.$where` or `items[1].name`).
 */
export function findUnsafeInput(value: unknown, path = '', found: ErrorDetail[] = []): ErrorDetail[] {
  if (typeof value === 'string') {
    if (isUnsafeText(value)) found.push({ field: path, issue: TEXT_ISSUE });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeInput(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (isUnsafeKey(key)) found.push({ field: keyPath, issue: KEY_ISSUE });
      if (isUnsafeText(key)) found.push({ field: keyPath, issue: TEXT_ISSUE });
      findUnsafeInput((value as Record<string, unknown>)[key], keyPath, found);
    }
  }
  return found;
}
