/**
 * Where each page of a cursor-paged list starts: the first page has no cursor, every next one starts after the
 * last id of the page before it. Going back pops the stack, so a previous page is exactly the page seen before.
 */
export interface CursorPages {
  /** `starting_after` of each page opened so far; the last one is the current page's. */
  readonly cursors: readonly (string | undefined)[];
}

export const FIRST_PAGE: CursorPages = { cursors: [undefined] };

export function currentCursor(pages: CursorPages): string | undefined {
  return pages.cursors.at(-1);
}

export function nextPage(pages: CursorPages, lastIdOfCurrentPage: string): CursorPages {
  return { cursors: [...pages.cursors, lastIdOfCurrentPage] };
}

export function previousPage(pages: CursorPages): CursorPages {
  return pages.cursors.length <= 1 ? pages : { cursors: pages.cursors.slice(0, -1) };
}

export function hasPreviousPage(pages: CursorPages): boolean {
  return pages.cursors.length > 1;
}
