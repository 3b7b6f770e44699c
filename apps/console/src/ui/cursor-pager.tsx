import { type CursorPages, hasPreviousPage, nextPage, previousPage } from './cursor-pages';

/**
 * Previous / Next over a cursor-paged list: Next starts after the last row shown and is offered only while the
 * API says more follow.
 */
export function CursorPager(props: {
  readonly label: string;
  readonly pages: CursorPages;
  readonly onChange: (pages: CursorPages) => void;
  readonly lastId: string | undefined;
  readonly hasMore: boolean;
}) {
  const { pages, onChange, lastId } = props;
  return (
    <nav class="pager" aria-label={props.label}>
      <button type="button" disabled={!hasPreviousPage(pages)} onClick={() => onChange(previousPage(pages))}>
        Previous
      </button>
      <button
        type="button"
        disabled={!props.hasMore || lastId === undefined}
        onClick={() => lastId !== undefined && onChange(nextPage(pages, lastId))}
      >
        Next
      </button>
    </nav>
  );
}
