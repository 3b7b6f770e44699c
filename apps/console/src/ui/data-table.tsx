import type { ComponentChild } from 'preact';
import { useRef } from 'preact/hooks';
import { EmptyState } from './empty-state';

export interface DataTableColumn<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ComponentChild;
  /** Right-aligned with tabular figures (amounts, counts). */
  readonly numeric?: boolean;
}

export interface DataTableProps<Row> {
  readonly caption: string;
  readonly columns: readonly DataTableColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** Opens a row (Enter or a click); rows are then focusable and ArrowUp/ArrowDown/Home/End move between them. */
  readonly onOpen?: (row: Row) => void;
  readonly emptyTitle: string;
  readonly busy?: boolean;
}

/**
 * A table staff can drive from the keyboard: Tab reaches the rows, the arrow keys move, Enter opens. The caption
 * names it for screen readers; an empty result shows a sentence, not an empty grid.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const body = useRef<HTMLTableSectionElement>(null);
  if (props.rows.length === 0 && props.busy !== true) return <EmptyState title={props.emptyTitle} />;

  const moveFocus = (event: KeyboardEvent, index: number): void => {
    const rows = Array.from(body.current?.rows ?? []);
    const target =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? rows.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, target))]?.focus();
  };

  return (
    <table class="data-table" aria-busy={props.busy === true}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column.header} scope="col" class={column.numeric === true ? 'numeric' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body}>
        {props.rows.map((row, index) => {
          const open = props.onOpen;
          return (
            <tr
              key={props.rowKey(row)}
              data-row-key={props.rowKey(row)}
              tabIndex={open === undefined ? undefined : 0}
              class={open === undefined ? undefined : 'openable'}
              onClick={open === undefined ? undefined : () => open(row)}
              onKeyDown={
                open === undefined
                  ? undefined
                  : (event) => {
                      if (event.key === 'Enter') open(row);
                      else moveFocus(event, index);
                    }
              }
            >
              {props.columns.map((column) => (
                <td key={column.header} class={column.numeric === true ? 'numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
