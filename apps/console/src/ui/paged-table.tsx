import { useState } from 'preact/hooks';
import type { ListPage } from '../api/list-page';
import { useApiData } from '../api/use-api-data';
import { currentCursor, FIRST_PAGE } from './cursor-pages';
import { CursorPager } from './cursor-pager';
import { DataTable, type DataTableColumn } from './data-table';
import { ErrorState } from './error-state';

export interface PagedTableProps<Row> {
  /** The id of the region holding the rows, `aria-busy` while a page loads. */
  readonly id?: string;
  readonly caption: string;
  readonly columns: readonly DataTableColumn<Row>[];
  readonly emptyTitle: string;
  /** Names the Previous / Next navigation for screen readers. */
  readonly pagerLabel: string;
  /** Reads one page: the first without a cursor, each next one starting after the last row of the one before. */
  readonly load: (startingAfter: string | undefined) => Promise<ListPage<Row>>;
  /** The row's id: its key in the table, and the cursor the next page starts after. */
  readonly rowId: (row: Row) => string;
  /**
   * Reads the page shown again whenever it changes (after an action on a row, or as a batch progresses), staying
   * on that page and keeping its rows until the new ones arrive.
   */
  readonly refreshKey?: unknown;
  readonly onOpen?: (row: Row) => void;
}

/**
 * A cursor-paged list: a table of one page, Previous / Next, a sentence when nothing matches and the failure where
 * the rows would be (Previous still goes back). The pager waits while a page loads, so a double click never skips a
 * page. A screen whose filter changes gives the table a new `key`, which starts it again at the first page. Every
 * cursor-paged list of both consoles is one of these.
 */
export function PagedTable<Row>(props: PagedTableProps<Row>) {
  const [pages, setPages] = useState(FIRST_PAGE);
  const startingAfter = currentCursor(pages);
  const shown = useApiData(
    async () => ({ startingAfter, page: await props.load(startingAfter) }),
    [startingAfter, props.refreshKey],
  );
  const loading = shown.error === null && (shown.data === null || shown.data.startingAfter !== startingAfter);
  const rows = shown.data?.page.data ?? [];
  return (
    <>
      <div id={props.id} aria-busy={loading}>
        {shown.error !== null ? (
          <ErrorState message={shown.error} />
        ) : (
          <DataTable
            caption={props.caption}
            busy={loading}
            rows={rows}
            rowKey={props.rowId}
            emptyTitle={props.emptyTitle}
            columns={props.columns}
            onOpen={props.onOpen}
          />
        )}
      </div>
      <CursorPager
        label={props.pagerLabel}
        pages={pages}
        onChange={setPages}
        lastId={loading || shown.error !== null || rows.length === 0 ? undefined : props.rowId(rows.at(-1)!)}
        hasMore={shown.data?.page.has_more === true}
      />
    </>
  );
}
