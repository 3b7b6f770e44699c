import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { CommandError } from '../commands/command-error';
import { mingoOptions } from './mingo-context';
import { translateMingoError } from './mingo-error';

/** Applies a find-style projection; documents keep their BSON types. */
export function projectDocuments(documents: Document[], projection: Document | undefined): Document[] {
  if (projection === undefined || Object.keys(projection).length === 0) return documents;
  assertNotMixed(projection);
  try {
    return new Query({}, mingoOptions()).find<Document>(documents, projection).all();
  } catch (error) {
    throw translateMingoError(error);
  }
}

/** Inclusion and exclusion cannot be combined, except for excluding `_id`. */
function assertNotMixed(projection: Document): void {
  let including: string | undefined;
  let excluding: string | undefined;
  for (const [field, value] of Object.entries(projection)) {
    if (value !== 0 && value !== false && value !== 1 && value !== true) continue;
    if (value === 0 || value === false) {
      if (field !== '_id') excluding = field;
    } else {
      including = field;
    }
  }
  if (including !== undefined && excluding !== undefined) {
    throw new CommandError(
      'ProjectionMixesInclusionExclusion',
      `Cannot do exclusion on field ${excluding} in inclusion projection`,
    );
  }
}
