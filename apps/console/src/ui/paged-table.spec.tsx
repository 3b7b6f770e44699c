import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { TenantpayApiError } from '@tenantpay/sdk';
import type { ListPage } from '../api/list-page';
import { PagedTable } from './paged-table';

interface Row {
  readonly id: string;
  readonly name: string;
}

const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id, name: `Row ${id}` }));

/** A list of five rows served two to a page, after the cursor, as the API's cursor pagination does. */
function fiveRowsTwoToAPage(): jest.Mock<Promise<ListPage<Row>>, [string | undefined]> {
  const all = rows('a', 'b', 'c', 'd', 'e');
  return jest.fn((startingAfter: string | undefined) => {
    const start = startingAfter === undefined ? 0 : all.findIndex((row) => row.id === startingAfter) + 1;
    return Promise.resolve({ data: all.slice(start, start + 2), has_more: start + 2 < all.length });
  });
}

/** Things, two to a page; `refreshKey` as a screen passes it. */
function thingsTable(
  load: (startingAfter: string | undefined) => Promise<ListPage<Row>>,
  refreshKey?: number,
) {
  return (
    <PagedTable
      id="things"
      caption="Things"
      pagerLabel="Thing pages"
      emptyTitle="No things yet."
      columns={[{ header: 'Name', cell: (row: Row) => row.name }]}
      rowId={(row: Row) => row.id}
      load={load}
      refreshKey={refreshKey}
    />
  );
}

const renderTable = (...args: Parameters<typeof thingsTable>) => render(thingsTable(...args));

const shownNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('PagedTable, rendered: cursor pages, empty and error states', () => {
  afterEach(cleanup);

  it('pages forward after the last row shown and back to exactly the page seen before', async () => {
    const load = fiveRowsTwoToAPage();
    renderTable(load);
    await waitFor(() => expect(shownNames()).toEqual(['Row a', 'Row b']));
    expect(button('Previous').disabled).toBe(true);
    expect(load).toHaveBeenLastCalledWith(undefined);

    fireEvent.click(button('Next'));
    await waitFor(() => expect(shownNames()).toEqual(['Row c', 'Row d']));
    expect(load).toHaveBeenLastCalledWith('b');

    fireEvent.click(button('Next'));
    await waitFor(() => expect(shownNames()).toEqual(['Row e']));
    expect(load).toHaveBeenLastCalledWith('d');
    expect(button('Next').disabled).toBe(true);

    fireEvent.click(button('Previous'));
    await waitFor(() => expect(shownNames()).toEqual(['Row c', 'Row d']));
    expect(load).toHaveBeenLastCalledWith('b');
    fireEvent.click(button('Previous'));
    await waitFor(() => expect(shownNames()).toEqual(['Row a', 'Row b']));
    expect(load).toHaveBeenLastCalledWith(undefined);
    expect(button('Previous').disabled).toBe(true);
  });

  it('holds Next and marks the rows busy while a page loads, so a double click cannot skip a page', async () => {
    let answer: (page: ListPage<Row>) => void = () => undefined;
    const load = jest
      .fn<Promise<ListPage<Row>>, [string | undefined]>()
      .mockResolvedValueOnce({ data: rows('a', 'b'), has_more: true })
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    renderTable(load);
    await waitFor(() => expect(button('Next').disabled).toBe(false));
    fireEvent.click(button('Next'));
    fireEvent.click(button('Next'));
    expect(button('Next').disabled).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
    expect(document.getElementById('things')?.getAttribute('aria-busy')).toBe('true');
    answer({ data: rows('c'), has_more: false });
    await waitFor(() => expect(shownNames()).toEqual(['Row c']));
    expect(document.getElementById('things')?.getAttribute('aria-busy')).toBe('false');
    expect(load.mock.calls).toEqual([[undefined], ['b']]);
  });

  it('reads the page shown again when its refresh key changes, staying on that page', async () => {
    let names = ['c', 'd'];
    const load = jest.fn((startingAfter: string | undefined) =>
      Promise.resolve(
        startingAfter === undefined
          ? { data: rows('a', 'b'), has_more: true }
          : { data: rows(...names), has_more: false },
      ),
    );
    const { rerender } = renderTable(load, 1);
    await waitFor(() => expect(button('Next').disabled).toBe(false));
    fireEvent.click(button('Next'));
    await waitFor(() => expect(shownNames()).toEqual(['Row c', 'Row d']));

    names = ['c', 'd2'];
    rerender(thingsTable(load, 2));
    await waitFor(() => expect(shownNames()).toEqual(['Row c', 'Row d2']));
    expect(load.mock.calls).toEqual([[undefined], ['b'], ['b']]);
  });

  it('says so in a sentence when there is nothing, without a table or a way forward', async () => {
    renderTable(() => Promise.resolve({ data: [], has_more: false }));
    await screen.findByText('No things yet.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(button('Next').disabled).toBe(true);
  });

  it("shows the API's message where the rows would be, and Previous still goes back", async () => {
    const load = jest
      .fn<Promise<ListPage<Row>>, [string | undefined]>()
      .mockResolvedValueOnce({ data: rows('a', 'b'), has_more: true })
      .mockRejectedValueOnce(
        new TenantpayApiError(
          503,
          {
            error: 'overloaded',
            message: 'The service is busy; try again shortly.',
            requestId: 'r1',
            timestamp: '',
          },
          new Headers(),
        ),
      )
      .mockResolvedValueOnce({ data: rows('a', 'b'), has_more: true });
    renderTable(load);
    await waitFor(() => expect(button('Next').disabled).toBe(false));
    fireEvent.click(button('Next'));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'The service is busy; try again shortly.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('No things yet.')).toBeNull();
    expect(button('Next').disabled).toBe(true);

    fireEvent.click(button('Previous'));
    await waitFor(() => expect(shownNames()).toEqual(['Row a', 'Row b']));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
