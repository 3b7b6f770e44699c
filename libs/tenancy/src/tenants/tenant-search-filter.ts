import type { QueryFilter } from 'mongoose';
import type { Tenant } from './tenant';

/** Every character a regular expression treats specially, so an operator's search is only ever literal text. */
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * What the platform console's tenant search matches: the slug from its start (served by the unique slug index)
 * or any part of the name, case-insensitively. The name part scans the tenants it filters, which stays cheap:
 * the collection holds one document per bank, not per payment.
 */
export function tenantSearchFilter(search: string): QueryFilter<Tenant> {
  const literal = search.trim().replace(REGEX_SPECIAL, '\\$&');
  return {
    $or: [{ slug: { $regex: `^${literal.toLowerCase()}` } }, { name: { $regex: literal, $options: 'i' } }],
  };
}
