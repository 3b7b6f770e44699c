import type { Document } from 'bson';
import { isNumeric } from '../query/exact-arithmetic';

/** An index as createIndexes received it; `spec` is echoed back by listIndexes. */
export interface IndexDefinition {
  readonly name: string;
  readonly key: Document;
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly partialFilterExpression?: Document;
  readonly expireAfterSeconds?: number;
  readonly spec: Document;
}

export const ID_INDEX_NAME = '_id_';

export const ID_INDEX: IndexDefinition = {
  name: ID_INDEX_NAME,
  key: { _id: 1 },
  unique: true,
  sparse: false,
  spec: { v: 2, key: { _id: 1 }, name: ID_INDEX_NAME },
};

/** MongoDB's default index name: field_direction pairs joined by underscores. */
function defaultIndexName(key: Document): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}

export function indexDefinitionFrom(spec: Document): IndexDefinition {
  const key = spec['key'] as Document;
  const name = typeof spec['name'] === 'string' ? spec['name'] : defaultIndexName(key);
  const { v: _version, ns: _namespace, background: _background, ...options } = spec;
  return {
    name,
    key,
    unique: spec['unique'] === true,
    sparse: spec['sparse'] === true,
    ...(spec['partialFilterExpression'] !== undefined
      ? { partialFilterExpression: spec['partialFilterExpression'] as Document }
      : {}),
    ...(isNumeric(spec['expireAfterSeconds'])
      ? { expireAfterSeconds: Number(String(spec['expireAfterSeconds'])) }
      : {}),
    spec: { v: 2, ...options, key, name },
  };
}
