/** One page of a collection: the API's list envelope (`{ object: "list", data, has_more }`). */
export interface ListPage<Item extends { readonly id: string }> {
  readonly data: readonly Item[];
  readonly has_more: boolean;
}

/**
 * Every item of a cursor-paginated collection, fetching pages as the loop asks for them:
 * `for await (const payment of paginate((starting_after) => client.GET('/v1/payments', { params: { query: {
 * starting_after, limit: 100 } } })))`. Each next page starts after the last item's id; it stops when a page says
 * `has_more: false` (or, defensively, comes back empty).
 */
export async function* paginate<Item extends { readonly id: string }>(
  fetchPage: (startingAfter: string | undefined) => Promise<ListPage<Item>>,
): AsyncGenerator<Item, void, undefined> {
  let startingAfter: string | undefined;
  for (;;) {
    const page = await fetchPage(startingAfter);
    yield* page.data;
    const last = page.data.at(-1);
    if (!page.has_more || last === undefined) return;
    startingAfter = last.id;
  }
}
