/**
 * fast-check arbitraries for hostile HTTP input, shaped by the API's own OpenAPI document: values that
 * pass validation (so requests reach services and repositories) mixed with values built to break parsers,
 * validators, Mongo filters and object merges.
 */
import fc from 'fast-check';

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

export interface RequestBody {
  readonly contentType: string;
  readonly payload: string;
}

/** Keys that must never reach a Mongo filter, an update or an object merge. */
const HOSTILE_KEYS = [
  '$where',
  '$gt',
  '$ne',
  '$set',
  'a.b',
  'tenantId',
  '__proto__',
  'constructor',
  'prototype',
  '',
] as const;

/** Header values as Node will send them: visible Latin-1 characters, no control characters. */
export const headerGarbage = (maxLength = 60): fc.Arbitrary<string> =>
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((code) => code !== 0x7f && (code < 0x80 || code > 0x9f))
      .map((code) => String.fromCharCode(code)),
    maxLength,
  });

/**
 * Strings a person or a program could send anywhere a string goes. Built once: an arbitrary is immutable, and
 * building `stringMatching` takes milliseconds, which once per query parameter and route was most of the fuzz
 * spec's own CPU.
 */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ minLength: 1_000, maxLength: 3_000 }),
  fc.stringMatching(/^[0-9a-f]{24}$/),
  fc.constantFrom(
    '$gt',
    '{"$gt":""}',
    '[object Object]',
    '__proto__',
    'constructor',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e400',
    '000000000000000000000000',
    'ffffffffffffffffffffffff',
    '../..',
    '%00',
    '\u0000',
    'a\nb',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    'ｔｅｓｔ',
    '😀',
    '\u202e',
  ),
);

/** Numbers that break naive money handling or number parsing. */
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, -1, 0.1, 10.5, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
);

/** Deeply nested JSON text; nothing in the request path may recurse once per level. */
function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A JSON value that is wrong for whatever field it lands in. */
const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  hostileNumber,
  fc.constantFrom<unknown>(
    null,
    true,
    [],
    {},
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    { $regex: '.*' },
    ['a', { $in: [] }],
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    { constructor: { prototype: { polluted: 'yes' } } },
  ),
);

/**
 * Values the validators accept beyond what the schema can say (ISO codes, calendar dates, DNS names, URLs
 * the API may call), by field name.
 */
const WELL_FORMED: Readonly<Record<string, fc.Arbitrary<string>>> = {
  currency: fc.constantFrom('EUR', 'USD', 'JPY', 'KWD'),
  reference: fc.stringMatching(/^fuzz-[a-z0-9]{1,8}$/),
  from: fc.constantFrom('2026-01-01', '2026-11-01'),
  to: fc.constantFrom('2026-12-31', '2027-01-31'),
  created_gte: fc.constant('2026-01-01T00:00:00.000Z'),
  created_lte: fc.constant('2030-01-01T00:00:00.000Z'),
  period: fc.constantFrom('2026-11', '2026-01'),
  hostname: fc.stringMatching(/^[a-z]{1,8}\.fuzz-bank\.example$/),
  url: fc.constantFrom('http://localhost/fuzz', 'http://127.0.0.1/hook'),
  slug: fc.stringMatching(/^fuzz-[a-z]{1,8}$/),
  name: fc.constant('Fuzz Bank'),
  logoUrl: fc.constant('https://example.com/logo.png'),
  supportUrl: fc.constant('https://example.com/help'),
  expiresAt: fc.constant('2099-01-01T00:00:00.000Z'),
};

/** Values that satisfy (most of) a schema, so the request gets past validation into the service. */
export function schemaValue(
  schema: JsonSchema,
  schemas: Readonly<Record<string, JsonSchema>>,
  depth = 0,
  name = '',
): fc.Arbitrary<unknown> {
  const wellFormed = WELL_FORMED[name];
  if (wellFormed !== undefined && schema.type === 'string') return wellFormed;
  if (schema.$ref !== undefined) {
    const target = schemas[schema.$ref.split('/').pop() ?? ''];
    return target === undefined || depth > 4 ? fc.constant({}) : schemaValue(target, schemas, depth + 1);
  }
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schemaValue(schema.items ?? {}, schemas, depth + 1), { maxLength: 3 });
    case 'object':
    case undefined:
      if (schema.properties === undefined) {
        return fc.dictionary(fc.stringMatching(/^[a-z]{1,10}$/), fc.string({ maxLength: 20 }), {
          maxKeys: 3,
        });
      }
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties).map(([key, property]) => [
            key,
            schemaValue(property, schemas, depth + 1, key),
          ]),
        ),
        { requiredKeys: [...(schema.required ?? [])] },
      );
    default:
      return stringFor(schema);
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    case 'date-time':
      return fc
        .date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2100-01-01') })
        .map((date) => date.toISOString());
  }
  if (schema.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern, 'u'));
    } catch {
      // A pattern fast-check cannot generate from: plain strings still exercise the validator.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/** One field of a valid-looking object replaced or joined by something hostile. */
function corrupted(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(value, fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 10 })), hostileJsonValue)
    .map(([base, key, hostile]) => {
      if (base === null || typeof base !== 'object' || Array.isArray(base)) return hostile;
      const keys = Object.keys(base);
      const target = keys.length > 0 && key.length % 2 === 0 ? (keys[key.length % keys.length] ?? key) : key;
      // defineProperty, so that "__proto__" becomes an own key that JSON.stringify writes out.
      const copy = { ...(base as Record<string, unknown>) };
      Object.defineProperty(copy, target, {
        value: hostile,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return copy;
    });
}

const JSON_CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/merge-patch+json',
] as const;
const OTHER_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=koi8-r',
  'application/jsonx',
  '',
] as const;

/**
 * Request bodies: schema-shaped, and, when `hostile`, none, schema-shaped with a hostile field, arbitrary
 * JSON, deep nesting, text that is not JSON, JSON under another content type, and a body over the limit.
 */
export function requestBody(
  schema: JsonSchema | undefined,
  schemas: Readonly<Record<string, JsonSchema>>,
  bodyLimitBytes: number,
  hostile: boolean,
): fc.Arbitrary<RequestBody | undefined> {
  // A route that takes no body still gets objects, so that its hostile keys reach the unsafe-key check.
  const shaped = schema === undefined ? fc.constant({}) : schemaValue(schema, schemas);
  const json = (value: fc.Arbitrary<unknown>) =>
    fc
      .tuple(value, fc.constantFrom(...JSON_CONTENT_TYPES))
      .map(([body, contentType]) => ({ contentType, payload: JSON.stringify(body) ?? 'null' }));
  if (!hostile) return schema === undefined ? fc.constant(undefined) : json(shaped);
  return fc.oneof(
    { weight: schema === undefined ? 12 : 3, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: json(shaped) },
    { weight: 6, arbitrary: json(corrupted(shaped)) },
    { weight: 2, arbitrary: json(fc.jsonValue()) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(64, 5_000, 200_000), fc.constantFrom('array' as const, 'object' as const))
        .map(([depth, kind]) => ({ contentType: 'application/json', payload: deeplyNested(depth, kind) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 50 }),
          fc.constantFrom('{', '{"a":1,}', "{'a':1}", '{"a":1e400}', '{"amount":NaN}', '\u0000', '[1,2'),
        )
        .map((payload) => ({ contentType: 'application/json', payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.constantFrom(...OTHER_CONTENT_TYPES))
        .map(([body, contentType]) => ({ contentType, payload: JSON.stringify(body) ?? '' })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        contentType: 'application/json',
        payload: `{"a":"${'x'.repeat(bodyLimitBytes)}"}`,
      }),
    },
  );
}

/** A query-string parameter as the API documents it. */
export interface QueryParameter {
  readonly name: string;
  readonly schema: JsonSchema;
}

/**
 * Raw query strings: documented parameters with good values and, when `hostile`, bad ones, nesting and
 * pollution keys and broken encodings.
 */
export function queryString(
  parameters: readonly QueryParameter[],
  schemas: Readonly<Record<string, JsonSchema>>,
  hostile: boolean,
): fc.Arbitrary<string> {
  const names = parameters.map((parameter) => parameter.name);
  // Mostly valid values and no extras, so that the request usually reaches the route's handler.
  const documented = parameters.map((parameter) =>
    fc.option(
      fc.tuple(
        fc.constant(parameter.name),
        fc.oneof(
          { weight: 3, arbitrary: schemaValue(parameter.schema, schemas, 0, parameter.name).map(String) },
          { weight: hostile ? 1 : 0, arbitrary: hostileString },
        ),
      ),
      { nil: undefined, freq: 2 },
    ),
  );
  const hostileKey = fc.oneof(
    fc.constantFrom(
      'a[b]',
      'a[b][c]',
      '__proto__',
      '__proto__[polluted]',
      'constructor[prototype][polluted]',
      '$where',
      'tenantId',
      'tenant_id',
      'limit[$gt]',
    ),
    names.length > 0 ? fc.constantFrom(...names) : fc.constant('limit'),
    names.length > 0 ? fc.constantFrom(...names).map((name) => `${name}[$gt]`) : fc.constant('x[]'),
    fc.string({ maxLength: 10 }),
  );
  const extra = fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    {
      weight: hostile ? 1 : 0,
      arbitrary: fc.array(fc.tuple(hostileKey, hostileString), { minLength: 1, maxLength: 3 }),
    },
  );
  const rawPairs = fc.oneof(
    { weight: 6, arbitrary: fc.constant('') },
    {
      weight: hostile ? 1 : 0,
      arbitrary: fc.constantFrom('a=%ZZ', 'limit=%E0%A4%A', '&&=&', 'a[=1', '=x', 'limit', 'a=1&a=2&a=3'),
    },
  );
  return fc
    .tuple(fc.tuple(...documented), extra, rawPairs, fc.boolean())
    .map(([known, hostile, raw, encodeBrackets]) => {
      const pairs = [...known.filter((pair) => pair !== undefined), ...hostile];
      const encode = (text: string) => {
        const encoded = encodeURIComponent(text);
        return encodeBrackets ? encoded : encoded.replace(/%5B/g, '[').replace(/%5D/g, ']');
      };
      const parts = pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`);
      if (raw !== '') parts.push(raw);
      return parts.join('&');
    });
}

/** Path parameter values, percent-encoded: real ids of either tenant, hostile strings, broken encodings. */
export function pathParameter(knownValues: readonly string[]): fc.Arbitrary<string> {
  const known = knownValues.length > 0 ? fc.constantFrom(...knownValues) : fc.constant('x');
  return fc.oneof(
    { weight: 4, arbitrary: known.map(encodeURIComponent) },
    { weight: 4, arbitrary: hostileString.map(encodeURIComponent) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%ZZ',
        '%E0%A4%A',
        '..%2F..%2Fadmin',
        '%2e%2e',
        '%00',
        '.',
        '..',
        '%20',
      ),
    },
  );
}

/** Every text in `text` that looks like part of a stack trace or a leaked internal error. */
export function stackTraceFragments(text: string): string[] {
  const patterns = [
    /^\s*at .+\(.+:\d+:\d+\)/m,
    /\bat (?:async )?[\w$.<>]+ \([^)]*:\d+:\d+\)/,
    /node_modules/,
    /\/(?:apps|libs)\/[\w/-]+\.[jt]s/,
    /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|MongoServerError|MongoError|BSONError|CastError|MongooseError|ValidationError):/,
    /\bE11000\b/,
    /Maximum call stack/,
  ];
  return patterns.flatMap((pattern) => pattern.exec(text)?.[0] ?? []);
}

/** A JSON body (or a part of one) with one value replaced: what a request with one hostile field sends. */
export interface FieldCase {
  /** Where the hostile value sits (`limits.maxUsers`, `amountLimits[0].currency`, or `(body)`). */
  readonly field: string;
  readonly payload: string;
}

/**
 * Hostile stand-ins for one field of the given schema, built around a valid value of it: null, the wrong JSON
 * types, NUL characters and unpaired surrogates inside its text, huge and fractional numbers, `$` keys and
 * oversize text. The 500s were each one such value in one field. Prototype keys and deep nesting are
 * refused for the whole body before any DTO (see the whole-body cases), so they are not repeated per field.
 */
export function hostileFieldValues(schema: JsonSchema, valid: unknown): unknown[] {
  const text = typeof valid === 'string' && valid !== '' ? valid : 'fuzz';
  const values: unknown[] = [
    null,
    schema.type === 'string' ? 12345 : 'text',
    schema.type === 'array' ? {} : [],
    { $gt: '' },
    `${text}\u0000`,
    `${text}\ud800`,
    `\udc00${text}`,
    'x'.repeat(10_000),
    1e308,
    0.5,
  ];
  if (schema.type === 'array') values.push([`${text}\u0000`, '\ud800'], [null], [{ $where: '1' }]);
  return values;
}

/**
 * Every field of a schema-shaped body, its nested objects and the objects in its arrays, each replaced in turn by
 * each hostile value (the rest of the body stays valid, so the request reaches the field's own rules), then the
 * whole body replaced by hostile JSON.
 */
export function hostileFieldCases(
  schema: JsonSchema,
  schemas: Readonly<Record<string, JsonSchema>>,
  valid: unknown,
): FieldCase[] {
  const cases: FieldCase[] = [];
  const visit = (
    current: JsonSchema,
    value: unknown,
    path: string,
    replace: (hostile: unknown) => unknown,
  ) => {
    const resolved = resolveSchema(current, schemas);
    if (path !== '') {
      for (const hostile of hostileFieldValues(resolved, value)) {
        cases.push({ field: path, payload: JSON.stringify(replace(hostile)) });
      }
    }
    // Three levels reach every field the DTOs have, and a recursive schema cannot recurse forever.
    if (path.split(/[.[]/).length > 3) return;
    if (resolved.type === 'array' && resolved.items !== undefined) {
      const items = Array.isArray(value) ? value : [];
      visit(resolved.items, items[0], `${path}[0]`, (hostile) => replace([hostile, ...items.slice(1)]));
    }
    if (resolved.properties === undefined) return;
    // An absent nested object is visited as {}: its fields get their hostile values all the same.
    const object = (
      value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}
    ) as Record<string, unknown>;
    for (const [key, property] of Object.entries(resolved.properties)) {
      const child = path === '' ? key : `${path}.${key}`;
      visit(property, object[key], child, (hostile) => replace({ ...object, [key]: hostile }));
    }
  };
  visit(schema, valid, '', (hostile) => hostile);
  const wholeBodies = [
    'null',
    '[]',
    '"text"',
    '1e308',
    '{"$where":"1"}',
    '{"__proto__":{"polluted":"yes"}}',
    deeplyNested(200, 'array'),
    deeplyNested(200, 'object'),
  ];
  for (const whole of wholeBodies) {
    cases.push({ field: '(body)', payload: whole });
  }
  return cases;
}

function resolveSchema(schema: JsonSchema, schemas: Readonly<Record<string, JsonSchema>>): JsonSchema {
  if (schema.$ref === undefined) return schema;
  return schemas[schema.$ref.split('/').pop() ?? ''] ?? {};
}

/** Raw query values that must be refused, not crash a parser: NUL, broken UTF-8, huge and wrong numbers. */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
  'a%00b',
  '%ED%A0%80',
  '1e308',
  '-1',
  '0.5',
  '%7B%22%24gt%22%3A%22%22%7D',
  'x'.repeat(5_000),
];
