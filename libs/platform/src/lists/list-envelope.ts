/**
 * Every collection the API answers comes in this one envelope (Stripe's): `has_more` tells a client to ask for
 * the next page with `starting_after` set to the last item's id, so no client needs a per-endpoint rule.
 */
export interface ListEnvelope<T> {
  readonly object: 'list';
  readonly data: readonly T[];
  readonly has_more: boolean;
}

/** The envelope of one page; a collection answered whole (bounded by design) passes `hasMore: false`. */
export function listEnvelope<T>(data: readonly T[], hasMore: boolean): ListEnvelope<T> {
  return { object: 'list', data, has_more: hasMore };
}
