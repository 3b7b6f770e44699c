/**
 * Makes caller-supplied audit metadata safe to store and to show to a tenant admin: secrets are replaced,
 * the shape is plain JSON a MongoDB document accepts (no `$` or dotted keys), and the size is bounded so
 * one careless caller cannot bloat an append-only collection that is never cleaned up.
 */

export const AUDIT_METADATA_MAX_BYTES = 4_096;
export const REDACTED = '[redacted]';

const MAX_DEPTH = 4;
const MAX_KEYS_PER_OBJECT = 50;
const MAX_ARRAY_ITEMS = 50;
const MAX_STRING_LENGTH = 500;
const MAX_KEY_LENGTH = 100;
/** Room kept free for the truncation marker when top-level entries have to be dropped. */
const TRUNCATION_MARKER_RESERVE = 64;

/** Compared against keys lowercased with everything but letters and digits removed (`X-API-Key` → `xapikey`). */
const SECRET_KEY_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'authorization',
  'cookie',
  'credential',
  'privatekey',
  'cardnumber',
  'cvv',
  'cvc',
];
const SECRET_KEYS_EXACT = ['pin', 'otp', 'pan'];
/** Identifiers and visible prefixes of secrets are designed to be shown (`apiKeyId`, `tokenId`, `keyPrefix`). */
const NON_SECRET_SUFFIXES = ['id', 'ids', 'prefix'];
/** Values that are credentials whatever their key: bearer credentials and JWTs. */
const SECRET_VALUE_PATTERNS = [/^bearer\s/i, /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/];

export function redactAuditMetadata(
  metadata: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  if (metadata === undefined || metadata === null) return {};
  const sanitized = sanitizeValue(metadata, 0, new WeakSet());
  const object = isPlainRecord(sanitized) ? sanitized : { value: sanitized };
  return boundSize(object);
}

export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (SECRET_KEYS_EXACT.includes(normalized)) return true;
  if (!SECRET_KEY_WORDS.some((word) => normalized.includes(word))) return false;
  return !NON_SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix) && normalized !== suffix);
}

function sanitizeValue(value: unknown, depth: number, seen: WeakSet<object>, viaToJson = false): unknown {
  switch (typeof value) {
    case 'string':
      return sanitizeString(value);
    case 'number':
      // `+ 0` turns -0 into 0, as JSON would store it.
      return Number.isFinite(value) ? value + 0 : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`;
  if (hasHexString(object)) return object.toHexString();
  if (value instanceof Error) return { name: value.name, message: sanitizeString(value.message) };
  if (!viaToJson) {
    const serialized = toJsonOf(object);
    if (serialized !== object) return sanitizeValue(serialized, depth, seen, true);
  }
  if (seen.has(object)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(object);
  try {
    return Array.isArray(value) ? sanitizeArray(value, depth, seen) : sanitizeObject(object, depth, seen);
  } finally {
    seen.delete(object);
  }
}

function sanitizeArray(items: readonly unknown[], depth: number, seen: WeakSet<object>): unknown[] {
  if (items.length <= MAX_ARRAY_ITEMS)
    return items.map((item) => sanitizeValue(item, depth + 1, seen) ?? null);
  // The marker takes the last slot, so a second pass leaves the array as it is.
  const kept = items
    .slice(0, MAX_ARRAY_ITEMS - 1)
    .map((item) => sanitizeValue(item, depth + 1, seen) ?? null);
  return [...kept, `[${items.length - kept.length} more]`];
}

function sanitizeObject(object: object, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const [rawKey, rawValue] of Object.entries(object).slice(0, MAX_KEYS_PER_OBJECT)) {
    const key = sanitizeKey(rawKey);
    const value =
      isSecretKey(rawKey) || isSecretKey(key) ? REDACTED : sanitizeValue(rawValue, depth + 1, seen);
    if (value !== undefined) entries.push([key, value]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays data and never becomes a prototype.
  return Object.fromEntries(entries);
}

/** MongoDB gives `$`-prefixed and dotted keys operator and path meanings; stored metadata never has them. */
function sanitizeKey(key: string): string {
  const cleaned = key.replace(/^\$+/, '_').replace(/\./g, '_').replace(/\0/g, '');
  return (cleaned === '' ? '_' : cleaned).slice(0, MAX_KEY_LENGTH);
}

function sanitizeString(value: string): string {
  if (SECRET_VALUE_PATTERNS.some((pattern) => pattern.test(value))) return REDACTED;
  return value.length > MAX_STRING_LENGTH ? `${value.slice(0, MAX_STRING_LENGTH - 1)}…` : value;
}

/** Keeps top-level entries in order while they fit, and says how many were dropped. */
function boundSize(object: Record<string, unknown>): Record<string, unknown> {
  if (jsonBytes(object) <= AUDIT_METADATA_MAX_BYTES) return object;
  const budget = AUDIT_METADATA_MAX_BYTES - TRUNCATION_MARKER_RESERVE;
  const kept: [string, unknown][] = [];
  let used = 2;
  let dropped = 0;
  for (const [key, value] of Object.entries(object)) {
    const entryBytes = jsonBytes({ [key]: value }) - 2 + 1;
    if (used + entryBytes <= budget) {
      kept.push([key, value]);
      used += entryBytes;
    } else {
      dropped += 1;
    }
  }
  return Object.fromEntries([...kept, ['_truncated', { droppedKeys: dropped }]]);
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What JSON.stringify would store for objects that define it (Mongoose documents, Decimal128, URL). */
function toJsonOf(value: object): unknown {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as () => unknown).call(value) : value;
}

function hasHexString(value: object): value is { toHexString(): string } {
  return typeof (value as { toHexString?: unknown }).toHexString === 'function';
}
