import { IsolationRule } from '../errors/isolation-rule.enum';
import { refuse } from './refuse';
import { mentionsId } from './server-assigned-id';

/**
 * An upsert inserts its filter's equality fields when nothing matches, so an upsert filter naming `_id` chooses
 * the new document's id (see server-assigned-id.ts). Refused before the filter is combined with the tenant's.
 */
export function guardUpsertFilter(filter: unknown, upsert: boolean, path = 'filter'): void {
  if (upsert && mentionsId(filter)) refuse(IsolationRule.ServerAssignedId, path);
}
